package dev.sgn4j;

import java.util.List;

/**
 * A transform made of a sub-graph of transforms ({@link Compose#asTransform(String)}): its sink
 * pads are the inner sink pads not linked inside, its source pads the inner source pads that feed
 * nothing inside.
 *
 * <pre>{@code
 * ComposedTransformElement shift =
 *     new Compose().connect(plusHundred, negate).asTransform("shift");
 * pipeline.connect(source, shift).connect(shift, sink);
 * }</pre>
 */
public final class ComposedTransformElement extends TransformElement implements ComposedElement {

  ComposedTransformElement(String name, List<Element> elements, Boundary boundary) {
    super(name, boundary.sinkNames(), boundary.sourceNames());
    this.composition = new Composition(this, elements, boundary);
  }

  /** Never called: the inner elements take the frames. */
  @Override
  protected void pull(SinkPad pad, Frame frame) {
    throw new IllegalStateException("composed element '" + name() + "' runs its inner elements");
  }

  /** Never called: the inner elements make the frames. */
  @Override
  protected Frame newFrame(SourcePad pad) {
    throw new IllegalStateException("composed element '" + name() + "' runs its inner elements");
  }
}
