package dev.sgn4j.parallel;

import dev.sgn4j.stats.WorkerStats;
import dev.sgn4j.worker.WorkerMode;
import java.util.Optional;

/**
 * What the three parallel element kinds ({@link ParallelSourceElement}, {@link
 * ParallelTransformElement}, {@link ParallelSinkElement}) have in common: their work runs in
 * workers, which this interface describes. Safe to call from any thread.
 *
 * <pre>{@code
 * ParallelElement square = ...;
 * pipeline.run();
 * square.mode();              // Optional[THREAD]
 * square.workerException();   // null: no worker failed
 * }</pre>
 */
public sealed interface ParallelElement
    permits ParallelSourceElement, ParallelTransformElement, ParallelSinkElement {

  /**
   * The exception a worker threw in the current or last run, the same object on every call.
   *
   * @return the exception, or null when no worker failed
   */
  default Throwable workerException() {
    return runtime(this).workerException();
  }

  /**
   * The worker mode of the current or last run (settled when the run started).
   *
   * @return the mode, empty before the first run
   */
  default Optional<WorkerMode> mode() {
    return Optional.ofNullable(runtime(this).mode());
  }

  /**
   * The figures of the workers of the current or last run: mode, pool size, queue depths, busy
   * time, heartbeat age.
   *
   * @return the figures, empty before the first run
   */
  default Optional<WorkerStats> workerStats() {
    return runtime(this).workerStats();
  }

  private static ParallelRuntime runtime(ParallelElement element) {
    return switch (element) {
      case ParallelSourceElement source -> source.runtime;
      case ParallelTransformElement transform -> transform.runtime;
      case ParallelSinkElement sink -> sink.runtime;
    };
  }
}
