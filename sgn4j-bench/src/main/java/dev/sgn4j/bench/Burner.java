package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.List;

/**
 * A heavy transform for the {@code pipelined_heavy} case: pad {@code in} to pad {@code out}, frames
 * passed on unchanged after {@value #ROUNDS} rounds of xorshift arithmetic seeded by the frame
 * (about 2 µs on a 2-core test machine), whose result is kept in a field so the JIT cannot drop it.
 */
final class Burner extends TransformElement {

  /** Rounds of arithmetic per frame. */
  static final int ROUNDS = 2_000;

  private Frame input;

  /** What the arithmetic came to, so that it must be done. */
  long burnt;

  Burner(String name) {
    super(name, List.of("in"), List.of("out"));
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    input = frame;
  }

  @Override
  protected void internal() {
    if (input.isGap()) {
      return;
    }
    long x = (Long) input.data() | 1;
    for (int i = 0; i < ROUNDS; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    burnt += x;
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    Frame frame = input;
    input = null;
    return frame;
  }
}
