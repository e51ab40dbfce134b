package dev.sgn4j;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a composed element is made of: its inner elements and, for each of its own pads, the inner
 * pad it stands for. The composed element claims its inner elements, so none can be inserted or
 * composed elsewhere.
 */
final class Composition {

  final List<Element> elements;
  private final Map<Pad, Pad> inner = new IdentityHashMap<>();

  Composition(Element owner, List<Element> elements, Boundary boundary) {
    this.elements = List.copyOf(elements);
    for (SinkPad pad : owner.sinkPads()) {
      inner.put(pad, boundary.sinks.get(pad.shortName()));
    }
    for (SourcePad pad : owner.sourcePads()) {
      inner.put(pad, boundary.sources.get(pad.shortName()));
    }
    for (Element element : this.elements) {
      element.container = owner;
    }
  }

  Pad innerPad(Pad boundary) {
    return inner.get(boundary);
  }
}
