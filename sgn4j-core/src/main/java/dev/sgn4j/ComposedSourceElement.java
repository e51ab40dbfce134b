package dev.sgn4j;

import java.util.List;

/**
 * A source made of a sub-graph of sources and transforms ({@link Compose#asSource(String)}): its
 * source pads are the inner source pads that feed nothing inside.
 *
 * <pre>{@code
 * ComposedSourceElement numbers =
 *     new Compose().connect(source, doubler).connect(doubler, plusTen).asSource("numbers");
 * pipeline.connect(numbers, sink);
 * }</pre>
 */
public final class ComposedSourceElement extends SourceElement implements ComposedElement {

  ComposedSourceElement(String name, List<Element> elements, Boundary boundary) {
    super(name, boundary.sourceNames());
    this.composition = new Composition(this, elements, boundary);
  }

  /** Never called: the inner elements make the frames. */
  @Override
  protected Frame newFrame(SourcePad pad) {
    throw new IllegalStateException("composed element '" + name() + "' runs its inner elements");
  }
}
