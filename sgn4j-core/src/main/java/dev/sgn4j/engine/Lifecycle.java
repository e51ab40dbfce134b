package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.PipelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One run's lifecycle around an executor's iterations: reset per-run state, start the elements
 * (sinks first), run the iterations, and stop every started element (sources first) whatever
 * happened, then throw at most one exception with the others suppressed. Hooks run on the calling
 * thread.
 */
final class Lifecycle {

  private final List<Element> order;
  private final Runnable iterations;
  private final LongSupplier iteration;
  private final Execution execution;

  /**
   * @param order the elements, producers first
   * @param iterations runs the iterations until the run ends
   * @param iteration the iteration reached, named by a failing {@code stop()}
   */
  Lifecycle(List<Element> order, Runnable iterations, LongSupplier iteration, Execution execution) {
    this.order = order;
    this.iterations = iterations;
    this.iteration = iteration;
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
      iterations.run();
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
                : PipelineException.inHook(element, "stop()", iteration.getAsLong(), t);
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
