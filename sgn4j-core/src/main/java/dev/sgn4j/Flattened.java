package dev.sgn4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's graph with composed elements replaced by their inner elements: the elements that
 * really run, and for each of their source pads the sink pads it really feeds. A link to or from a
 * composed element's pad is followed to the inner pad it stands for, through any depth of nesting;
 * fan-out keeps link order.
 */
final class Flattened {

  /** The elements that run, composed ones expanded in place, in insertion order. */
  final List<Element> elements = new ArrayList<>();

  /** For each source pad of a running element, the running sink pads it feeds, in link order. */
  final Map<SourcePad, List<SinkPad>> downstream = new IdentityHashMap<>();

  /** The inverse of {@link #downstream}. */
  final Map<SinkPad, SourcePad> upstream = new IdentityHashMap<>();

  /** Inner source pad to the composed element's pad that stands for it. */
  private final Map<Pad, SourcePad> exposedAs = new IdentityHashMap<>();

  private Flattened() {}

  static Flattened of(List<Element> topLevel) {
    Flattened graph = new Flattened();
    topLevel.forEach(graph::expand);
    for (Element element : graph.elements) {
      for (SourcePad source : element.sourcePads()) {
        List<SinkPad> fed = new ArrayList<>();
        graph.collectDownstream(source, fed);
        graph.downstream.put(source, fed);
        for (SinkPad sink : fed) {
          graph.upstream.put(sink, source);
        }
      }
    }
    return graph;
  }

  private void expand(Element element) {
    List<Element> parts = element.parts();
    if (parts.isEmpty()) {
      elements.add(element);
      return;
    }
    for (SourcePad pad : element.sourcePads()) {
      exposedAs.put(element.innerPad(pad), pad);
    }
    parts.forEach(this::expand);
  }

  /** The running sink pads fed by {@code source}, directly or through composed pads. */
  private void collectDownstream(SourcePad source, List<SinkPad> into) {
    for (SinkPad sink : source.downstream()) {
      into.add(running(sink));
    }
    SourcePad outer = exposedAs.get(source);
    if (outer != null) {
      collectDownstream(outer, into);
    }
  }

  /** The running sink pad a (possibly composed) sink pad stands for. */
  private static SinkPad running(SinkPad sink) {
    Pad inner = sink.element().innerPad(sink);
    return inner == null ? sink : running((SinkPad) inner);
  }

  /** Names of all elements with their nested parts, for registries. */
  static Map<String, Element> allElements(Element element) {
    Map<String, Element> all = new LinkedHashMap<>();
    collect(element, all);
    return all;
  }

  private static void collect(Element element, Map<String, Element> into) {
    into.put(element.name(), element);
    element.parts().forEach(part -> collect(part, into));
  }
}
