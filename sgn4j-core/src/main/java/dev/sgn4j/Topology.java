package dev.sgn4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks of {@link Pipeline#check()} and SGN's order of pad calls: layers of pads whose
 * predecessors all ran, the first layer being the sources' internal pads in insertion order, and
 * each next layer listing, for every pad of the previous layer in turn, its successors in the order
 * they were declared (an element's pads in pad order, a source pad's sink pads in link order). SGN
 * sorts the graph again in every iteration; executors do it once per run.
 */
final class Topology {

  private Topology() {}

  /** Checks the graph (see {@link Pipeline#check()}) and returns its pads in schedule order. */
  static List<Pad> sortedPads(List<Element> topLevel) {
    return sortedPads(topLevel, Flattened.of(topLevel));
  }

  static List<Pad> sortedPads(List<Element> topLevel, Flattened graph) {
    if (graph.elements.stream().noneMatch(SinkElement.class::isInstance)) {
      throw new IllegalStateException(
          "Pipeline contains no sink elements; insert at least one SinkElement");
    }
    checkLinked(topLevel);
    Map<Pad, List<Pad>> successors = new LinkedHashMap<>();
    Map<Pad, Integer> predecessors = new LinkedHashMap<>();
    List<Pad> ready = new ArrayList<>();
    int total = 0;
    for (Element element : graph.elements) {
      for (Pad pad : element.pads()) {
        successors.put(pad, new ArrayList<>(1));
        predecessors.put(pad, 0);
        total++;
      }
    }
    for (Element element : graph.elements) {
      InternalPad internal = element.internalPad();
      for (SinkPad sink : element.sinkPads()) {
        edge(successors, predecessors, sink, internal);
      }
      for (SourcePad source : element.sourcePads()) {
        edge(successors, predecessors, internal, source);
        for (SinkPad sink : graph.downstream.get(source)) {
          edge(successors, predecessors, source, sink);
        }
      }
      if (element.sinkPads().isEmpty()) {
        ready.add(internal);
      }
    }
    List<Pad> sorted = new ArrayList<>(total);
    while (!ready.isEmpty()) {
      sorted.addAll(ready);
      List<Pad> next = new ArrayList<>();
      for (Pad pad : ready) {
        for (Pad successor : successors.get(pad)) {
          if (predecessors.merge(successor, -1, Integer::sum) == 0) {
            next.add(successor);
          }
        }
      }
      ready = next;
    }
    if (sorted.size() < total) {
      throw new IllegalStateException(cycleMessage(successors, predecessors));
    }
    return sorted;
  }

  private static void edge(
      Map<Pad, List<Pad>> successors, Map<Pad, Integer> predecessors, Pad from, Pad to) {
    successors.get(from).add(to);
    predecessors.merge(to, 1, Integer::sum);
  }

  private static void checkLinked(List<Element> elements) {
    List<String> unlinked = new ArrayList<>();
    for (Element element : elements) {
      for (SourcePad pad : element.sourcePads()) {
        if (!pad.isLinked()) {
          unlinked.add("source pad " + pad.fullName());
        }
      }
      for (SinkPad pad : element.sinkPads()) {
        if (!pad.isLinked()) {
          unlinked.add("sink pad " + pad.fullName());
        }
      }
    }
    if (!unlinked.isEmpty()) {
      throw new IllegalStateException(
          "Pipeline has %d unlinked pad%s: %s; link every pad (Pipeline.link or connect) or build the element without it"
              .formatted(
                  unlinked.size(), unlinked.size() == 1 ? "" : "s", String.join(", ", unlinked)));
    }
  }

  /** Finds one cycle among the pads the sort could not reach and names its pads in order. */
  private static String cycleMessage(
      Map<Pad, List<Pad>> successors, Map<Pad, Integer> predecessors) {
    // Every pad still blocked has a blocked predecessor, so walking predecessors finds a cycle.
    Map<Pad, List<Pad>> blockedPredecessors = new IdentityHashMap<>();
    Pad start = null;
    for (Map.Entry<Pad, List<Pad>> entry : successors.entrySet()) {
      if (predecessors.get(entry.getKey()) <= 0) {
        continue;
      }
      for (Pad successor : entry.getValue()) {
        if (predecessors.get(successor) > 0) {
          blockedPredecessors
              .computeIfAbsent(successor, p -> new ArrayList<>())
              .add(entry.getKey());
          start = start == null ? successor : start;
        }
      }
    }
    Map<Pad, Integer> seen = new IdentityHashMap<>();
    List<Pad> path = new ArrayList<>();
    Pad current = start;
    while (!seen.containsKey(current)) {
      seen.put(current, path.size());
      path.add(current);
      current = blockedPredecessors.get(current).get(0);
    }
    List<Pad> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
    Collections.reverse(cycle);
    // Start at the cycle's first sink pad in insertion order: "data enters here".
    for (Pad pad : successors.keySet()) {
      if (pad instanceof SinkPad && cycle.contains(pad)) {
        Collections.rotate(cycle, -cycle.indexOf(pad));
        break;
      }
    }
    cycle.add(cycle.get(0));
    String names = cycle.stream().map(Pad::fullName).collect(Collectors.joining(" -> "));
    return "Pipeline has a cycle: "
        + names
        + "; pipelines must be acyclic (feed data back through a source that reads a queue, such"
        + " as DequeSource)";
  }
}
