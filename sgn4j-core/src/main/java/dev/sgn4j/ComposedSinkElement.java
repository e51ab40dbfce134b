package dev.sgn4j;

import java.util.List;

/**
 * A sink made of a sub-graph of transforms and sinks ({@link Compose#asSink(String)}): its sink
 * pads are the inner sink pads not linked inside. It is at EOS when every inner sink is.
 *
 * <pre>{@code
 * ComposedSinkElement report =
 *     new Compose().connect(analyzer, squares).connect(analyzer, roots).asSink("report");
 * pipeline.connect(source, report);
 * }</pre>
 */
public final class ComposedSinkElement extends SinkElement implements ComposedElement {

  ComposedSinkElement(String name, List<Element> elements, Boundary boundary) {
    super(name, boundary.sinkNames());
    this.composition = new Composition(this, elements, boundary);
  }

  /**
   * True when every inner sink is at EOS.
   *
   * @return whether the composed sink is done
   */
  @Override
  public boolean atEos() {
    for (Element element : parts()) {
      if (element instanceof SinkElement sink && !sink.atEos()) {
        return false;
      }
    }
    return true;
  }

  /** Never called: the inner elements take the frames. */
  @Override
  protected void pull(SinkPad pad, Frame frame) {
    throw new IllegalStateException("composed element '" + name() + "' runs its inner elements");
  }
}
