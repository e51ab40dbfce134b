package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.Executor;
import dev.sgn4j.RunAbortedException;
import java.lang.System.Logger.Level;

/**
 * SGN's lock-step loop, the default {@link Executor}: the graph compiled once into a schedule of
 * pad calls with links of one frame, run on the calling thread pass after pass ({@link RunLoop}),
 * the elements started and stopped around it ({@link Lifecycle}), with signals trapped, a JFR event
 * for the run and a log line at its end.
 */
public final class LockStepExecutor implements Executor {

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");

  /** SGN's loop: one frame per link, so every pad call of an iteration runs in one pass. */
  private static final int LINK_CAPACITY = 1;

  /** Creates the executor; {@link java.util.ServiceLoader} does. */
  public LockStepExecutor() {}

  @Override
  public String name() {
    return "lock-step";
  }

  @Override
  public void execute(Execution execution) {
    Schedule schedule = Schedule.compile(execution, LINK_CAPACITY);
    long started = System.nanoTime();
    MemoryProfiler profiler =
        execution.profileMemory() || LOG.isLoggable(Level.TRACE)
            ? MemoryProfiler.create(schedule.ops, execution::memoryReport)
            : null;
    RunLoop loop = new RunLoop(execution, schedule, profiler);
    execution.publishStats(loop::iteration, () -> loop.elementStats(schedule.order));
    RunEvent event = new RunEvent();
    event.begin();
    String outcome = RunEvent.FAILED;
    try (SignalTrap.Registration signals =
        execution.handleSignals() ? SignalTrap.register(execution) : null) {
      new Lifecycle(schedule.order, loop, execution).run();
      outcome = execution.context().stopRequested() ? RunEvent.STOPPED : RunEvent.COMPLETED;
    } catch (RunAbortedException e) {
      outcome = RunEvent.ABORTED;
      throw e;
    } finally {
      event.end();
      if (event.shouldCommit()) {
        event.pipeline = execution.pipelineId();
        event.elements = execution.pipeline().elements().size();
        event.iterations = loop.iteration();
        event.outcome = outcome;
        event.commit();
      }
    }
    LOG.log(
        Level.INFO,
        "Pipeline run finished: {0} iterations in {1} s",
        loop.iteration(),
        (System.nanoTime() - started) / 1e9);
  }
}
