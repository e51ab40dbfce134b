package dev.sgn4j;

import java.util.List;

/**
 * An element made of a sub-graph by {@link Compose}: a {@link ComposedSourceElement}, {@link
 * ComposedTransformElement} or {@link ComposedSinkElement}. Its pads stand for the inner pads left
 * open in the sub-graph and keep their short names; when it runs, its inner elements run in its
 * place, in the same iterations as everything else, with their own {@code start()} and {@code
 * stop()}.
 *
 * <pre>{@code
 * ComposedElement numbers = (ComposedElement) pipeline.element("numbers");
 * numbers.innerElements();   // [source, double, plus-ten]
 * }</pre>
 */
public sealed interface ComposedElement
    permits ComposedSourceElement, ComposedTransformElement, ComposedSinkElement {

  /**
   * The elements of the sub-graph, in the order they were added.
   *
   * @return an unmodifiable list; composed elements nested inside appear as themselves
   */
  default List<Element> innerElements() {
    return ((Element) this).parts();
  }
}
