package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.PipelineException;
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
  private final Execution execution;

  Lifecycle(List<Element> order, RunLoop loop, Execution execution) {
    this.order = order;
    this.loop = loop;
    this.execution = execution;
  }

  void run() {
    List<Element> started = new ArrayList<>(order.size());
    PipelineException failure = null;
    try {
      for (Element element : order) {
        execution.prepare(element);
      }
      execution.checkpoint(0); // aborted before anything started: start nothing
      for (int i = order.size() - 1; i >= 0; i--) {
        Element element = order.get(i);
        try {
          execution.start(element);
        } catch (VirtualMachineError error) {
          throw error;
        } catch (PipelineException e) {
          throw e;
        } catch (Throwable t) {
          throw PipelineException.inHook(element, "start()", 0, t);
        }
        started.add(element);
      }
      execution.running();
      loop.run();
    } catch (PipelineException e) {
      failure = e;
      execution.markFailed();
    } catch (RuntimeException | Error e) {
      execution.markFailed();
      throw e;
    } finally {
      failure = stopAll(started, failure);
      for (Element element : order) {
        execution.release(element);
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
        execution.stop(element);
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
