package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.List;

/**
 * A transform written the plain way, as a {@link TransformElement} subclass: pad {@code in} to pad
 * {@code out}, doubling the {@code Long} data of each frame and keeping its EOS and gap flags (a
 * gap passes through unchanged).
 */
final class Doubler extends TransformElement {

  private Frame input;

  Doubler(String name) {
    super(name, List.of("in"), List.of("out"));
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    input = frame;
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    Frame frame = input;
    input = null;
    return frame.isGap() ? frame : frame.withData(2 * (Long) frame.data());
  }
}
