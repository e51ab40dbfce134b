package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.Pad;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.EosTime;
import dev.sgn4j.stats.PadStats;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element's counts from a task, sent to the client when the element ends: per pad (in {@link
 * Element#pads()} order) calls, frames that are not gaps, gaps and EOS frames, as a local run
 * counts them, and the iteration in which the element reached EOS. Parallel instances of one
 * element each send theirs and the client adds them up. Times are not measured on Flink; they read
 * zero.
 */
final class Figures implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long[] calls;
  private final long[] frames;
  private final long[] gaps;
  private final long[] eos;
  private long iterations;
  private long eosIteration = -1;
  private long eosNanos;

  Figures(int pads) {
    calls = new long[pads];
    frames = new long[pads];
    gaps = new long[pads];
    eos = new long[pads];
  }

  /** Counts a call of pad {@code pad} (its index in {@link Element#pads()}) with its frame. */
  void count(int pad, Frame frame) {
    calls[pad]++;
    if (frame != null) {
      if (frame.isGap()) {
        gaps[pad]++;
      } else {
        frames[pad]++;
      }
      if (frame.isEos()) {
        eos[pad]++;
      }
    }
  }

  void iteration(long iteration) {
    iterations = Math.max(iterations, iteration);
  }

  long iterations() {
    return iterations;
  }

  /** The element reached EOS in {@code iteration}, {@code nanos} after it started. */
  void eos(long iteration, long nanos) {
    if (eosIteration < 0) {
      eosIteration = iteration;
      eosNanos = nanos;
    }
  }

  /** Adds another instance's counts to these. */
  void add(Figures other) {
    for (int i = 0; i < calls.length; i++) {
      calls[i] += other.calls[i];
      frames[i] += other.frames[i];
      gaps[i] += other.gaps[i];
      eos[i] += other.eos[i];
    }
    iterations = Math.max(iterations, other.iterations);
    if (other.eosIteration >= 0 && (eosIteration < 0 || other.eosIteration > eosIteration)) {
      eosIteration = other.eosIteration;
      eosNanos = other.eosNanos;
    }
  }

  /** The statistics of {@code element} from these counts (zeros when null). */
  static ElementStats stats(Element element, Figures figures) {
    List<Pad> pads = element.pads();
    Figures f = figures == null ? new Figures(pads.size()) : figures;
    List<PadStats> padStats = new ArrayList<>();
    long calls = 0;
    long in = 0;
    long out = 0;
    long gaps = 0;
    long eos = 0;
    for (int i = 0; i < pads.size(); i++) {
      Pad pad = pads.get(i);
      padStats.add(
          new PadStats(
              pad.fullName(),
              f.calls[i],
              f.frames[i],
              f.gaps[i],
              f.eos[i],
              Duration.ZERO,
              Duration.ZERO,
              Duration.ZERO));
      calls += f.calls[i];
      if (pad instanceof dev.sgn4j.SinkPad) {
        in += f.frames[i];
      } else if (pad instanceof dev.sgn4j.SourcePad) {
        out += f.frames[i];
      }
      gaps += f.gaps[i];
      eos += f.eos[i];
    }
    boolean atEos = f.eosIteration >= 0;
    return new ElementStats(
        element.name(),
        element.typeName(),
        calls,
        in,
        out,
        gaps,
        eos,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        padStats,
        Map.of(),
        atEos,
        atEos
            ? Optional.of(new EosTime(f.eosIteration, Duration.ofNanos(f.eosNanos)))
            : Optional.empty());
  }
}
