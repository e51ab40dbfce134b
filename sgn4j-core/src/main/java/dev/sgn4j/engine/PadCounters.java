package dev.sgn4j.engine;

import dev.sgn4j.Frame;
import dev.sgn4j.InternalPad;
import dev.sgn4j.Pad;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What an executor counts for one pad call of the schedule: calls, frames, gaps and EOS frames, and
 * the time of a sample of calls (one pass in {@link RunLoop#SAMPLE_EVERY}).
 *
 * <p>Threads: one thread writes (the run loop); statistics read from any thread. Writes are opaque
 * ({@link VarHandle#setOpaque}) and reads too: a reader sees every count as some value the writer
 * wrote, never a torn or invented one, and sees them grow; the counts of one snapshot may be a call
 * or two apart. An opaque write is a plain store on the hardware sgn4j runs on: the hot loop pays
 * no fence for being watched.
 */
final class PadCounters {

  private static final VarHandle CALLS;
  private static final VarHandle GAPS;
  private static final VarHandle EOS;
  private static final VarHandle SAMPLED_NANOS;
  private static final VarHandle SAMPLES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      CALLS = lookup.findVarHandle(PadCounters.class, "calls", long.class);
      GAPS = lookup.findVarHandle(PadCounters.class, "gaps", long.class);
      EOS = lookup.findVarHandle(PadCounters.class, "eos", long.class);
      SAMPLED_NANOS = lookup.findVarHandle(PadCounters.class, "sampledNanos", long.class);
      SAMPLES = lookup.findVarHandle(PadCounters.class, "samples", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Pad pad;
  final LatencyHistogram histogram = new LatencyHistogram();

  // Written by the run loop only, through the VarHandles; read with getOpaque elsewhere.
  private long calls;
  private long gaps;
  private long eos;
  private long sampledNanos;
  private long samples;

  PadCounters(Pad pad) {
    this.pad = pad;
  }

  /** Counts a call; writer only. */
  void called() {
    CALLS.setOpaque(this, calls + 1);
  }

  /** Counts a gap or EOS frame; data frames need no counting (every call moves one frame). */
  void count(Frame frame) {
    if (frame.isGap() || frame.isEos()) {
      countFlags(frame);
    }
  }

  private void countFlags(Frame frame) {
    if (frame.isGap()) {
      GAPS.setOpaque(this, gaps + 1);
    }
    if (frame.isEos()) {
      EOS.setOpaque(this, eos + 1);
    }
  }

  /** Records the time of a sampled call; writer only. */
  void time(long nanos) {
    SAMPLED_NANOS.setOpaque(this, sampledNanos + nanos);
    SAMPLES.setOpaque(this, samples + 1);
    histogram.record(nanos);
  }

  long calls() {
    return (long) CALLS.getOpaque(this);
  }

  long gaps() {
    return (long) GAPS.getOpaque(this);
  }

  long eos() {
    return (long) EOS.getOpaque(this);
  }

  long sampledNanos() {
    return (long) SAMPLED_NANOS.getOpaque(this);
  }

  long samples() {
    return (long) SAMPLES.getOpaque(this);
  }

  /** Data frames: every call of a sink or source pad moves one frame, gap or not. */
  long frames() {
    return pad instanceof InternalPad ? 0 : calls() - gaps();
  }

  /** Estimated time of all calls: the sampled time scaled up to every call. */
  long estimatedNanos() {
    long taken = samples();
    return taken == 0 ? 0 : Math.round((double) sampledNanos() * calls() / taken);
  }
}
