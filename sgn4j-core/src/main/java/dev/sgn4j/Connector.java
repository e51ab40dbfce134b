package dev.sgn4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out which pads {@link Pipeline#connect} links, with SGN's strategies tried in order: an
 * explicit map of short names; equal name sets, one to one; the names both sides share; a single
 * sink pad (many to one, which is only valid with a single source pad: fan-in is an error); a
 * single source pad (one to many); else an error asking for a map.
 */
final class Connector {

  private Connector() {}

  /** The links to make, as sink pad to source pad, in the order they will be made. */
  static Map<SinkPad, SourcePad> plan(
      Connectable source, Connectable sink, Map<String, String> linkMap) {
    Map<String, SourcePad> srcs = source.srcs();
    Map<String, SinkPad> snks = sink.snks();
    if (srcs.isEmpty()) {
      throw new IllegalArgumentException(
          source instanceof SinkElement element
              ? "Source '%s' is a SinkElement and has no source pads".formatted(element.name())
              : "Source %s offers no source pads".formatted(source));
    }
    if (snks.isEmpty()) {
      throw new IllegalArgumentException(
          sink instanceof SourceElement element
              ? "Sink '%s' is a SourceElement and has no sink pads".formatted(element.name())
              : "Sink %s offers no sink pads".formatted(sink));
    }
    Map<SinkPad, SourcePad> plan = new LinkedHashMap<>();
    if (linkMap != null && !linkMap.isEmpty()) {
      linkMap.forEach(
          (sinkName, sourceName) -> {
            SinkPad to = snks.get(sinkName);
            if (to == null) {
              throw new IllegalArgumentException(
                  "sink pad '%s' not found; the sink pads are %s"
                      .formatted(sinkName, snks.keySet()));
            }
            SourcePad from = srcs.get(sourceName);
            if (from == null) {
              throw new IllegalArgumentException(
                  "source pad '%s' not found; the source pads are %s"
                      .formatted(sourceName, srcs.keySet()));
            }
            plan.put(to, from);
          });
      return plan;
    }
    Set<String> sourceNames = srcs.keySet();
    Set<String> sinkNames = snks.keySet();
    List<String> shared = new ArrayList<>();
    for (String name : sinkNames) {
      if (sourceNames.contains(name)) {
        shared.add(name);
      }
    }
    if (!shared.isEmpty()) {
      for (String name : shared) {
        plan.put(snks.get(name), srcs.get(name));
      }
    } else if (snks.size() == 1) {
      if (srcs.size() > 1) {
        SinkPad only = snks.values().iterator().next();
        throw new IllegalArgumentException(
            ("cannot connect the %d source pads %s to the single sink pad '%s': a sink pad takes"
                    + " exactly one upstream pad; give the sink one pad per source (or use a merging"
                    + " transform), or pass a link map")
                .formatted(srcs.size(), sourceNames, only.fullName()));
      }
      plan.put(snks.values().iterator().next(), srcs.values().iterator().next());
    } else if (srcs.size() == 1) {
      SourcePad only = srcs.values().iterator().next();
      for (SinkPad pad : snks.values()) {
        plan.put(pad, only);
      }
    } else {
      throw new IllegalArgumentException(
          ("unable to determine unambiguous linking strategy from source pads %s and sink pads %s;"
                  + " an explicit link map (sink pad name -> source pad name) is required")
              .formatted(sourceNames, sinkNames));
    }
    return plan;
  }
}
