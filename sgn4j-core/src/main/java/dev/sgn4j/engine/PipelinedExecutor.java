package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.Executor;
import dev.sgn4j.RunOptions;

/**
 * The pipelined scheduler ({@link dev.sgn4j.Scheduler#PIPELINED}): the graph compiled once, each
 * element a task run when its inputs are there and its outputs have room, on a pool of threads
 * ({@link PipelinedRun}), inside the {@link RunFrame} every executor shares. Every pad sees the
 * frames of the lock-step loop: links are FIFOs and every element goes through its own iterations
 * in order, so no element ever pairs frames of two iterations, whatever the threads do.
 */
public final class PipelinedExecutor implements Executor {

  /**
   * Frames per link unless the run's options say otherwise: enough for an element to make a batch
   * while its consumer works on the previous one. Measured with {@code bench/run pipelined_core} on
   * a 2-core machine: 64 frames gave 0.4–0.5 of the lock-step loop's rate, 256 gave 0.57–0.66, 1024
   * gave 0.69. 256 keeps the frames in flight moderate (a link holds at most this many); runs with
   * large frames set {@link dev.sgn4j.RunOptions#linkCapacity(int)} lower.
   */
  public static final int DEFAULT_LINK_CAPACITY = 256;

  /** Creates the executor; {@link java.util.ServiceLoader} does. */
  public PipelinedExecutor() {}

  @Override
  public String name() {
    return "pipelined";
  }

  @Override
  public void execute(Execution execution) {
    RunOptions options = execution.options();
    int capacity = options.linkFrames().orElse(DEFAULT_LINK_CAPACITY);
    int threads = options.threadCount().orElse(Runtime.getRuntime().availableProcessors());
    Schedule schedule = Schedule.compile(execution, capacity);
    PipelinedRun run = new PipelinedRun(execution, schedule, capacity, threads);
    execution.publishStats(run::iteration, run::elementStats);
    RunFrame.run(execution, schedule.order, run::iterate, run::iteration);
  }
}
