package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.RunAbortedException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What every executor does around its iterations: signals trapped for the run, the elements started
 * and stopped ({@link Lifecycle}), a JFR event for the run and a log line at its end.
 */
final class RunFrame {

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");

  private RunFrame() {}

  /**
   * Runs {@code iterations} inside the run's frame.
   *
   * @param order the elements, producers first
   * @param iterations runs the iterations until the run ends
   * @param iteration the iterations done so far
   */
  static void run(
      Execution execution, List<Element> order, Runnable iterations, LongSupplier iteration) {
    long started = System.nanoTime();
    RunEvent event = new RunEvent();
    event.begin();
    String outcome = RunEvent.FAILED;
    try (SignalTrap.Registration signals =
        execution.handleSignals() ? SignalTrap.register(execution) : null) {
      new Lifecycle(order, iterations, iteration, execution).run();
      outcome = execution.context().stopRequested() ? RunEvent.STOPPED : RunEvent.COMPLETED;
    } catch (RunAbortedException e) {
      outcome = RunEvent.ABORTED;
      throw e;
    } finally {
      event.end();
      if (event.shouldCommit()) {
        event.pipeline = execution.pipelineId();
        event.elements = execution.pipeline().elements().size();
        event.iterations = iteration.getAsLong();
        event.outcome = outcome;
        event.commit();
      }
    }
    LOG.log(
        Level.INFO,
        "Pipeline {0} run finished: {1} iterations in {2} s",
        execution.run().id(),
        iteration.getAsLong(),
        (System.nanoTime() - started) / 1e9);
  }
}
