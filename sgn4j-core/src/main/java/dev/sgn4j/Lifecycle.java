package dev.sgn4j;

import java.util.ArrayList;
import java.util.List;

/**
 * One run's lifecycle around the loop: reset per-run state, start the elements (sinks first), run,
 * and stop every started element (sources first) whatever happened, then throw at most one
 * exception with the others suppressed.
 */
final class Lifecycle {

  private final List<Element> order;
  private final RunLoop loop;
  private final RunContext context;

  Lifecycle(List<Element> order, RunLoop loop, RunContext context) {
    this.order = order;
    this.loop = loop;
    this.context = context;
  }

  void run() {
    List<Element> started = new ArrayList<>(order.size());
    PipelineException failure = null;
    try {
      for (Element element : order) {
        element.context = context;
        element.resetForRun();
        for (SinkPad pad : element.sinkPads()) {
          pad.setDataSpec(null);
        }
      }
      for (int i = order.size() - 1; i >= 0; i--) {
        Element element = order.get(i);
        try {
          element.start();
        } catch (VirtualMachineError error) {
          throw error;
        } catch (PipelineException e) {
          throw e;
        } catch (Throwable t) {
          throw PipelineException.inHook(element, "start()", 0, t);
        }
        started.add(element);
      }
      loop.run();
    } catch (PipelineException e) {
      failure = e;
      context.markFailed();
    } catch (RuntimeException | Error e) {
      context.markFailed();
      throw e;
    } finally {
      failure = stopAll(started, failure);
      for (Element element : order) {
        element.context = null;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private PipelineException stopAll(List<Element> started, PipelineException failure) {
    for (Element element : order) {
      if (!started.contains(element)) {
        continue;
      }
      try {
        element.stop();
      } catch (VirtualMachineError error) {
        throw error;
      } catch (Throwable t) {
        PipelineException stopFailure =
            t instanceof PipelineException own
                ? own
                : PipelineException.inHook(element, "stop()", loop.iteration(), t);
        if (failure == null) {
          failure = stopFailure;
        } else if (failure != stopFailure) {
          failure.addSuppressed(stopFailure);
        }
      }
    }
    return failure;
  }
}
