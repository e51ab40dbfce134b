package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.WorkerMode;

/**
 * Runs workers somewhere other than a thread of this JVM: the service interface through which the
 * sgn4j-process module adds {@link WorkerMode#PROCESS}. Implementations are found with {@link
 * java.util.ServiceLoader} when a run starts an element in their mode.
 *
 * <pre>{@code
 * // META-INF/services/dev.sgn4j.parallel.spi.WorkerLauncher
 * dev.sgn4j.process.ProcessLauncher
 * }</pre>
 */
public interface WorkerLauncher {

  /**
   * The mode this launcher provides.
   *
   * @return the mode
   */
  WorkerMode mode();

  /**
   * Prepares one worker; {@link LaunchedWorker#start()} starts it.
   *
   * @param request what to run and how to report back
   * @return the worker
   */
  LaunchedWorker launch(LaunchRequest request);
}
