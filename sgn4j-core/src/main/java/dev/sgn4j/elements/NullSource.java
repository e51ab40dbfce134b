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
 */
public class NullSource extends SourceElement {

  private final long numFrames;
  private final Duration wait;
  private final long[] counts;

  /**
   * Builds the source.
   *
   * @param name the element name
   * @param padNames the source pad names
   * @param numFrames frames per pad before EOS; negative for no limit
   * @param wait pause before each frame, or {@code null} for none
   */
  public NullSource(String name, List<String> padNames, long numFrames, Duration wait) {
    super(name, padNames);
    if (wait != null && wait.isNegative()) {
      throw new IllegalArgumentException(
          "NullSource '%s': wait must not be negative, got %s".formatted(name(), wait));
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
