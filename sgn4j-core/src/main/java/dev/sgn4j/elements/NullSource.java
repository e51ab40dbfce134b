package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.time.Duration;
import java.util.List;

/**
 * A source of empty frames: each pad sends {@code numFrames} gap frames and then EOS, or gap frames
 * until the run is asked to stop ({@link #signaledEos()}) when no limit is set.
 *
 * <pre>{@code
 * new NullSource("ticks", List.of("out"), 10, null);                       // 10 frames, then EOS
 * new NullSource("clock", List.of("out"), -1, Duration.ofMillis(100));     // until stopped
 * }</pre>
 *
 * <p>With a {@code wait}, the source pauses that long before each frame: a simple way to pace a
 * demo or a test pipeline. A stop, a signal or an abort ends the pause at once, so a slow clock
 * never holds up the end of a run. Each pad counts its own frames (SGN counts calls across pads).
 *
 * @serial exclude
 */
public class NullSource extends SourceElement {

  /** The longest wait: the pause is timed in a long of nanoseconds (about 292 years). */
  private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);

  private final long numFrames;
  private final Duration wait;
  private final long[] counts;

  /**
   * Builds the source.
   *
   * @param name the element name
   * @param padNames the source pad names
   * @param numFrames frames per pad before EOS; {@code -1} for no limit
   * @param wait pause before each frame, or {@code null} for none; at most {@link Long#MAX_VALUE}
   *     nanoseconds (about 292 years)
   * @throws IllegalArgumentException when {@code numFrames} is below {@code -1}, or {@code wait} is
   *     negative or longer than {@link Long#MAX_VALUE} nanoseconds
   */
  public NullSource(String name, List<String> padNames, long numFrames, Duration wait) {
    super(name, padNames);
    if (numFrames < -1) {
      throw new IllegalArgumentException(
          "NullSource '%s': numFrames must be 0 or more, or -1 for no limit, got %d"
              .formatted(name(), numFrames));
    }
    if (wait != null && wait.isNegative()) {
      throw new IllegalArgumentException(
          "NullSource '%s': wait must not be negative, got %s".formatted(name(), wait));
    }
    if (wait != null && wait.compareTo(LONGEST_WAIT) > 0) {
      throw new IllegalArgumentException(
          "NullSource '%s': wait must be at most %s (what fits in a long of nanoseconds), got %s"
              .formatted(name(), LONGEST_WAIT, wait));
    }
    this.numFrames = numFrames;
    this.wait = wait;
    this.counts = new long[sourcePads().size()];
  }

  /** Starts counting anew for each run. */
  @Override
  protected void start() {
    java.util.Arrays.fill(counts, 0);
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    if (wait != null && !wait.isZero()) {
      pause();
    }
    long count = ++counts[pad.index()];
    boolean eos = signaledEos() || (numFrames >= 0 && count > numFrames);
    return eos ? Frame.eos() : Frame.gap();
  }

  private void pause() {
    try {
      runContext().awaitStop(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "NullSource '" + name() + "' was interrupted while waiting", e);
    }
  }
}
