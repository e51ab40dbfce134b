package dev.sgn4j.stats;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts and timings of one element in a run: its pads' figures added up, and the figures an
 * asynchronous element adds about its workers (queue depths, worker busy time).
 *
 * <pre>{@code
 * ElementStats square = pipeline.stats().element("square");
 * square.framesIn();                 // frames pulled
 * square.workers().orElseThrow().queuedIn();   // frames waiting for the worker
 * }</pre>
 *
 * @param name the element name
 * @param type the element's class simple name
 * @param calls calls of all its pads, the internal pad included
 * @param framesIn data frames pulled by its sink pads
 * @param framesOut data frames made by its source pads
 * @param gaps gap frames through its pads
 * @param eos EOS frames through its pads
 * @param time estimated total time in its callbacks
 * @param mean mean time of one call
 * @param p99 99th percentile of one call's time, within 25%
 * @param pads the figures per pad, in schedule order
 * @param extra figures the element adds, such as queue depths of parallel elements
 * @param atEos whether end of stream has reached the element: for a sink, {@link
 *     dev.sgn4j.SinkElement#atEos()} by its {@link dev.sgn4j.EosPolicy}; for a source or transform,
 *     every one of its source pads has sent an EOS frame
 * @param eosTime when end of stream reached the element (see {@link EosTime}); present exactly when
 *     {@code atEos} is true
 */
public record ElementStats(
    String name,
    String type,
    long calls,
    long framesIn,
    long framesOut,
    long gaps,
    long eos,
    Duration time,
    Duration mean,
    Duration p99,
    List<PadStats> pads,
    Map<String, Object> extra,
    boolean atEos,
    Optional<EosTime> eosTime) {

  /** Copies the lists; checks that the EOS time is present exactly when the element is at EOS. */
  public ElementStats {
    Objects.requireNonNull(eosTime, "eosTime");
    if (atEos != eosTime.isPresent()) {
      throw new IllegalArgumentException(
          "element '%s': an EOS time must be given exactly when the element is at EOS, got atEos=%s and %s"
              .formatted(name, atEos, eosTime));
    }
    pads = List.copyOf(pads);
    extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }

  /**
   * The figures of a parallel element's workers, typed: {@link #extra()} read as {@link
   * WorkerStats}.
   *
   * @return the worker figures, empty for other elements
   */
  public Optional<WorkerStats> workers() {
    return WorkerStats.from(extra);
  }
}
