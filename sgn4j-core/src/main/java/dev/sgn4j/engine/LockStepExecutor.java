package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.Executor;
import java.lang.System.Logger.Level;

/**
 * SGN's lock-step loop, the default {@link Executor}: the graph compiled once into a schedule of
 * pad calls with links of one frame, run on the calling thread pass after pass ({@link RunLoop}),
 * inside the {@link RunFrame} every executor shares.
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
    MemoryProfiler profiler =
        execution.profileMemory() || LOG.isLoggable(Level.TRACE)
            ? MemoryProfiler.create(schedule.ops, execution::memoryReport)
            : null;
    RunLoop loop = new RunLoop(execution, schedule, profiler);
    execution.publishStats(loop::iteration, () -> loop.elementStats(schedule.order));
    RunFrame.run(execution, schedule.order, loop::run, loop::iteration);
  }
}
