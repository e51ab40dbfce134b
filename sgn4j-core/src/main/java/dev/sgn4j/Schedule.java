package dev.sgn4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pipeline compiled for one run: the checked graph flattened into pad calls in SGN's order.
 *
 * <p>The order is that of SGN's per-iteration topological sort: layers of pads whose predecessors
 * all ran, the first layer being the sources' internal pads in insertion order, and each next layer
 * listing, for every pad of the previous layer in turn, its successors in the order they were
 * declared (an element's pads in pad order, a source pad's sink pads in link order). SGN sorts the
 * graph again in every iteration; here it is done once per run.
 */
final class Schedule {

  final Op[] ops;
  final SinkElement[] sinks;

  /** Elements in dependency order (a producer before its consumers). */
  final List<Element> order;

  /** Whether some element is asynchronous, so the loop may have to park and wait for it. */
  final boolean asynchronous;

  /** When the run ends. */
  final RunEnd end;

  private Schedule(
      Op[] ops, SinkElement[] sinks, List<Element> order, boolean asynchronous, RunEnd end) {
    this.ops = ops;
    this.sinks = sinks;
    this.order = order;
    this.asynchronous = asynchronous;
    this.end = end;
  }

  /** Checks the graph (see {@link Pipeline#check()}) and returns its pads in schedule order. */
  static List<Pad> sortedPads(List<Element> topLevel) {
    return sortedPads(topLevel, Flattened.of(topLevel));
  }

  private static List<Pad> sortedPads(List<Element> topLevel, Flattened graph) {
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

  static Schedule compile(List<Element> elements, int linkCapacity) {
    Flattened graph = Flattened.of(elements);
    List<Pad> sorted = sortedPads(elements, graph);
    Map<Element, Stage[]> stages = new IdentityHashMap<>();
    Map<SourcePad, Link> links = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    boolean asynchronous = graph.elements.stream().anyMatch(Element::asynchronous);
    Op[] ops = new Op[sorted.size()];
    for (int i = 0; i < ops.length; i++) {
      Pad pad = sorted.get(i);
      Element element = pad.element();
      Stage[] own = stages.computeIfAbsent(element, e -> stagesOf(e, asynchronous));
      boolean log = element.logger().isLoggable(System.Logger.Level.DEBUG);
      Op op;
      if (pad instanceof SinkPad sink) {
        Stage stage = own[0];
        stage.pulls = true;
        op = new Op(Op.PULL, pad, stage, stage.steps++, log);
        SourcePad source = graph.upstream.get(sink);
        List<SinkPad> fed = graph.downstream.get(source);
        op.link = links.computeIfAbsent(source, s -> new Link(linkCapacity, fed.size()));
        op.consumer = fed.indexOf(sink);
      } else if (pad instanceof SourcePad source) {
        Stage stage = own[own.length - 1];
        op = new Op(Op.PRODUCE, pad, stage, stage.steps++, log);
        op.link =
            links.computeIfAbsent(
                source, s -> new Link(linkCapacity, graph.downstream.get(s).size()));
      } else {
        Stage stage = own[0];
        op = new Op(Op.INTERNAL, pad, stage, stage.steps++, log);
        order.add(element);
      }
      ops[i] = op;
    }
    SinkElement[] sinks =
        order.stream()
            .filter(SinkElement.class::isInstance)
            .map(SinkElement.class::cast)
            .toArray(SinkElement[]::new);
    Stage[] sinkStages = new Stage[sinks.length];
    for (int i = 0; i < sinks.length; i++) {
      sinkStages[i] = stages.get(sinks[i])[0];
    }
    RunEnd end = new RunEnd(sinks, sinkStages);
    if (asynchronous) {
      for (Stage stage : sinkStages) {
        stage.end = end;
      }
    }
    return new Schedule(ops, sinks, List.copyOf(order), asynchronous, end);
  }

  /**
   * One stage for most elements; two for an asynchronous transform, whose outputs (its source pads)
   * advance separately from its inputs (its sink pads and internal pad). When some element is
   * asynchronous, sinks are out of step with each other, so every sink's stage is gated by {@link
   * RunEnd}: a sink at EOS must not run past the run's last iteration.
   */
  private static Stage[] stagesOf(Element element, boolean asynchronous) {
    boolean gated = element.asynchronous();
    if (gated && element instanceof TransformElement) {
      return new Stage[] {new Stage(element, true), new Stage(element, true)};
    }
    return new Stage[] {
      new Stage(element, gated || (asynchronous && element instanceof SinkElement))
    };
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
