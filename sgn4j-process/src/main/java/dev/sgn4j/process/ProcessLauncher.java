package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.LaunchRequest;
import dev.sgn4j.parallel.spi.LaunchedWorker;
import dev.sgn4j.parallel.spi.WorkerLauncher;
import dev.sgn4j.worker.WorkerMode;

/**
 * Provides {@link WorkerMode#PROCESS}: each worker runs in a child JVM started with this JVM's
 * {@code java}, class path and relevant options, and talks to its element through two queues in a
 * memory-mapped file. Found by {@link java.util.ServiceLoader} when sgn4j-process is on the class
 * path; users only choose the mode.
 *
 * <pre>{@code
 * var square = ParallelTransformElement.builder("square")
 *     .mode(WorkerMode.PROCESS)
 *     .worker(Square.class)          // public, with a public no-argument constructor
 *     .build();
 * }</pre>
 */
public final class ProcessLauncher implements WorkerLauncher {

  /** Creates the launcher; {@link java.util.ServiceLoader} calls it. */
  public ProcessLauncher() {}

  @Override
  public WorkerMode mode() {
    return WorkerMode.PROCESS;
  }

  @Override
  public LaunchedWorker launch(LaunchRequest request) {
    return new ProcessWorker(request);
  }
}
