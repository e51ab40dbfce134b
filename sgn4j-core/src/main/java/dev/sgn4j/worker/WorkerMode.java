package dev.sgn4j.worker;

/**
 * Where a parallel element's worker runs. The mode is read when the run starts, from the element if
 * it sets one, else from its {@link dev.sgn4j.parallel.Parallelize} scope, else from the JVM
 * default ({@link dev.sgn4j.parallel.Parallelize#setDefaultMode}); changing it later affects the
 * next run.
 *
 * <pre>{@code
 * Parallelize.setDefaultMode(WorkerMode.VIRTUAL_THREAD);     // SGN's use_threading_default
 * }</pre>
 */
public enum WorkerMode {
  /** A platform thread per worker: the default. */
  THREAD,
  /** A virtual thread per worker: cheap for many workers that mostly wait. */
  VIRTUAL_THREAD,
  /** A child JVM per worker, for isolation; provided by the sgn4j-process module. */
  PROCESS
}
