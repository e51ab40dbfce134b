package dev.sgn4j.engine;

import dev.sgn4j.Frame;
import dev.sgn4j.InternalPad;
import dev.sgn4j.Pad;

/**
 * What the run loop counts for one pad call of the schedule: calls, frames, gaps and EOS frames,
 * and the time of a sample of calls (every {@link RunLoop#SAMPLE_EVERY}-th pass). Written by the
 * run thread; snapshots read from other threads may lag a little.
 */
final class PadCounters {

  final Pad pad;
  long calls;
  long gaps;
  long eos;
  long sampledNanos;
  long samples;
  final LatencyHistogram histogram = new LatencyHistogram();

  PadCounters(Pad pad) {
    this.pad = pad;
  }

  /** Counts a gap or EOS frame; data frames need no counting (every call moves one frame). */
  void count(Frame frame) {
    if (frame.isGap() || frame.isEos()) {
      countFlags(frame);
    }
  }

  private void countFlags(Frame frame) {
    if (frame.isGap()) {
      gaps++;
    }
    if (frame.isEos()) {
      eos++;
    }
  }

  /** Data frames: every call of a sink or source pad moves one frame, gap or not. */
  long frames() {
    return pad instanceof InternalPad ? 0 : calls - gaps;
  }

  void time(long nanos) {
    sampledNanos += nanos;
    samples++;
    histogram.record(nanos);
  }

  /** Estimated time of all calls: the sampled time scaled up to every call. */
  long estimatedNanos() {
    return samples == 0 ? 0 : Math.round((double) sampledNanos * calls / samples);
  }
}
