package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Pad;

/**
 * One pad call of the compiled schedule: a pull of a sink pad, an element's internal step, or the
 * frame of a source pad. Ops are executed in schedule order; an op runs only when it is its
 * element's next step ({@code seq == state.pc}) and its link allows it.
 */
final class Op {

  static final int PULL = 0;
  static final int INTERNAL = 1;
  static final int PRODUCE = 2;

  final int kind;
  final Element element;
  final Pad pad;
  final Stage stage;
  final int seq;

  /** Whether the run loop marks this call's frames as EOS once the run drains. */
  final boolean fromSource;

  final boolean log;

  /** For PRODUCE the pad's own link, for PULL the upstream pad's link; null for INTERNAL. */
  Link link;

  /** For PULL: this sink pad's cursor in {@link #link}. */
  int consumer;

  /** What the run loop counted for this pad call. */
  final PadCounters counters;

  Op(int kind, Pad pad, Stage stage, int seq, boolean log, boolean fromSource) {
    this.kind = kind;
    this.element = pad.element();
    this.pad = pad;
    this.stage = stage;
    this.seq = seq;
    this.fromSource = fromSource;
    this.log = log;
    this.counters = new PadCounters(pad);
  }
}
