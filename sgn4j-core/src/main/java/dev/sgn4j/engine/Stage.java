package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;

/**
 * Run-time progress of one stage of an element: which of its pad calls comes next and how many
 * iterations it completed. An element is one stage (pulls, internal, frames); an asynchronous
 * transform is two, its inputs and its outputs, so its outputs may lag its inputs. Stages advance
 * independently, which lets elements run ahead of each other by the capacity of the links between
 * them without ever mixing frames of two iterations.
 */
final class Stage {

  final Element element;

  /** How the element's readiness is asked. */
  private final Execution execution;

  /** Whether the element's readiness must be asked before each iteration of this stage. */
  final boolean gated;

  /** Whether this stage pulls (asks readyToPull) rather than only makes frames (readyToProduce). */
  boolean pulls;

  /**
   * For a sink's stage in a schedule with asynchronous elements: the rule that keeps a sink at EOS
   * from running past the run's last iteration; null otherwise.
   */
  RunEnd end;

  /** For a sink's stage, its index in {@link RunEnd}. */
  int sinkIndex = -1;

  int steps;
  int pc;
  long iterations;

  /** The counters of this stage's source pads, whose first EOS frames mark the element's EOS. */
  PadCounters[] sources = new PadCounters[0];

  /**
   * The iteration in which end of stream reached the element, -1 until then; written once by the
   * run thread after {@link #eosNanos}, read by statistics from any thread.
   */
  private volatile long eosIteration = -1;

  /** {@link System#nanoTime()} when end of stream reached the element. */
  private long eosNanos;

  Stage(Execution execution, Element element, boolean gated) {
    this.execution = execution;
    this.element = element;
    this.gated = gated;
  }

  /** Whether the element is ready for this stage's next iteration; called when {@code pc == 0}. */
  boolean ready() {
    if (!gated) {
      return true;
    }
    if (!(pulls ? execution.readyToPull(element) : execution.readyToProduce(element))) {
      return false;
    }
    return end == null || end.mayStart(this);
  }

  /** Adds a source pad of this stage; while the schedule is compiled. */
  void addSource(PadCounters counters) {
    sources = java.util.Arrays.copyOf(sources, sources.length + 1);
    sources[sources.length - 1] = counters;
  }

  /**
   * Marks end of stream at {@code iteration} if every source pad of this stage made an EOS frame;
   * called by the run thread after a source pad's EOS frame was counted.
   */
  void sourcePadEnded(long iteration) {
    if (eosIteration >= 0) {
      return;
    }
    for (PadCounters source : sources) {
      if (source.eos() == 0) {
        return;
      }
    }
    markEos(iteration);
  }

  /** Marks end of stream at {@code iteration} unless already marked; run thread only. */
  void markEos(long iteration) {
    if (eosIteration < 0) {
      eosNanos = System.nanoTime();
      eosIteration = iteration;
    }
  }

  /** The iteration in which end of stream reached the element, or -1; any thread. */
  long eosIteration() {
    return eosIteration;
  }

  /** When end of stream reached the element; meaningful once {@link #eosIteration()} is set. */
  long eosNanos() {
    return eosNanos;
  }

  void advance() {
    if (++pc == steps) {
      pc = 0;
      iterations++;
    }
  }
}
