package dev.sgn4j.stats;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a parallel element adds to its figures: how its work runs and how full its queues are. Read
 * it from a run's statistics or from the element itself.
 *
 * <pre>{@code
 * WorkerStats square = pipeline.stats().element("square").workers().orElseThrow();
 * square.queuedIn();            // frames waiting for the workers
 * square.busy();                // time the workers spent in user code (estimated)
 * }</pre>
 *
 * <p>{@link #toMap()} gives the same figures under the names of {@link ElementStats#extra()} and of
 * the HTTP control's {@code /stats}: {@code mode}, {@code workers}, {@code queued_in}, {@code
 * queued_out}, {@code worker_busy_ms}, {@code heartbeat_age_ms}.
 *
 * @param mode the worker mode of the run ({@code THREAD}, {@code VIRTUAL_THREAD}, {@code PROCESS})
 * @param workers how many workers the element runs
 * @param queuedIn items waiting in the workers' input queues, summed over the pool
 * @param queuedOut items waiting in the workers' output queues, summed over the pool
 * @param busy time the workers spent in user code, estimated from one call in 16; empty when a
 *     worker cannot tell (a worker process)
 * @param heartbeatAge the age of the oldest heartbeat of the pool's worker processes; empty for
 *     worker threads
 */
public record WorkerStats(
    String mode,
    int workers,
    long queuedIn,
    long queuedOut,
    Optional<Duration> busy,
    Optional<Duration> heartbeatAge) {

  /** Checks the values. */
  public WorkerStats {
    java.util.Objects.requireNonNull(mode, "mode");
    java.util.Objects.requireNonNull(busy, "busy");
    java.util.Objects.requireNonNull(heartbeatAge, "heartbeatAge");
  }

  /**
   * The figures under their names in {@link ElementStats#extra()}: busy time in milliseconds with
   * one decimal, heartbeat age in whole milliseconds, each only when known.
   *
   * @return an ordered, unmodifiable map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("mode", mode);
    figures.put("workers", workers);
    figures.put("queued_in", queuedIn);
    figures.put("queued_out", queuedOut);
    busy.ifPresent(time -> figures.put("worker_busy_ms", Math.round(time.toNanos() / 1e5) / 10.0));
    heartbeatAge.ifPresent(age -> figures.put("heartbeat_age_ms", age.toMillis()));
    return java.util.Collections.unmodifiableMap(figures);
  }

  /**
   * Reads the figures back from {@link ElementStats#extra()}.
   *
   * @param extra an element's extra figures
   * @return the worker figures, empty when the element is not a parallel one
   */
  public static Optional<WorkerStats> from(Map<String, Object> extra) {
    if (!(extra.get("mode") instanceof String mode)
        || !(extra.get("workers") instanceof Number workers)) {
      return Optional.empty();
    }
    return Optional.of(
        new WorkerStats(
            mode,
            workers.intValue(),
            number(extra, "queued_in"),
            number(extra, "queued_out"),
            extra.get("worker_busy_ms") instanceof Number ms
                ? Optional.of(Duration.ofNanos(Math.round(ms.doubleValue() * 1e6)))
                : Optional.empty(),
            extra.get("heartbeat_age_ms") instanceof Number ms
                ? Optional.of(Duration.ofMillis(ms.longValue()))
                : Optional.empty()));
  }

  private static long number(Map<String, Object> extra, String name) {
    return extra.get(name) instanceof Number value ? value.longValue() : 0;
  }
}
