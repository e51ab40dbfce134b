package dev.sgn4j.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * When end of stream reached an element: the iteration (counted from 1, SGN's lock-step iterations;
 * 0 for a sink at EOS before the first) and the time since its run started.
 *
 * <pre>{@code
 * pipeline.stats().element("sink").eosTime()
 *     .ifPresent(t -> System.out.println("EOS in iteration " + t.iteration() + " after " + t.elapsed()));
 * }</pre>
 *
 * <p>A source or transform reaches EOS in the iteration in which the last of its source pads made
 * its first EOS frame; a sink in the iteration after which it was first {@linkplain
 * dev.sgn4j.SinkElement#atEos() at EOS}.
 *
 * @param iteration the iteration, not negative
 * @param elapsed the time from the run's start, not negative
 */
public record EosTime(long iteration, Duration elapsed) {

  /** Checks the values. */
  public EosTime {
    Objects.requireNonNull(elapsed, "elapsed");
    if (iteration < 0 || elapsed.isNegative()) {
      throw new IllegalArgumentException(
          "an EOS time needs an iteration and an elapsed time not negative, got "
              + iteration
              + " and "
              + elapsed);
    }
  }
}
