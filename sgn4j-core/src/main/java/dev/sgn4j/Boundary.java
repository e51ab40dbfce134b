package dev.sgn4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open pads of a sub-graph, which become the pads of the composed element: sink pads without an
 * upstream pad and source pads that feed nothing inside, each by its short name.
 */
final class Boundary {

  final Map<String, SinkPad> sinks = new LinkedHashMap<>();
  final Map<String, SourcePad> sources = new LinkedHashMap<>();

  private Boundary() {}

  static Boundary of(String kind, String name, List<Element> elements) {
    Boundary boundary = new Boundary();
    for (Element element : elements) {
      for (SinkPad pad : element.sinkPads()) {
        if (!pad.isLinked()) {
          add(kind, name, "sink", boundary.sinks, pad);
        }
      }
      for (SourcePad pad : element.sourcePads()) {
        if (!pad.isLinked()) {
          add(kind, name, "source", boundary.sources, pad);
        }
      }
    }
    return boundary;
  }

  private static <P extends Pad> void add(
      String kind, String name, String side, Map<String, P> pads, P pad) {
    P other = pads.putIfAbsent(pad.shortName(), pad);
    if (other != null) {
      throw new IllegalArgumentException(
          ("%s '%s': two open %s pads are named '%s': '%s' and '%s'; rename one, or link it inside"
                  + " the composition")
              .formatted(kind, name, side, pad.shortName(), other.fullName(), pad.fullName()));
    }
  }

  List<String> sinkNames() {
    return new ArrayList<>(sinks.keySet());
  }

  List<String> sourceNames() {
    return new ArrayList<>(sources.keySet());
  }
}
