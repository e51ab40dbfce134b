package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.Pad;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Checks and compiles the graph of {@code execution} with links of {@code linkCapacity} frames.
   *
   * @throws IllegalStateException when the graph fails {@code Pipeline.check()}
   */
  static Schedule compile(Execution execution, int linkCapacity) {
    List<Pad> sorted = execution.checkedPads();
    Map<Element, Stage[]> stages = new IdentityHashMap<>();
    Map<SourcePad, Link> links = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    boolean asynchronous = execution.elements().stream().anyMatch(execution::asynchronous);
    Op[] ops = new Op[sorted.size()];
    for (int i = 0; i < ops.length; i++) {
      Pad pad = sorted.get(i);
      Element element = pad.element();
      Stage[] own = stages.computeIfAbsent(element, e -> stagesOf(execution, e, asynchronous));
      boolean log = execution.logger(element).isLoggable(System.Logger.Level.DEBUG);
      Op op;
      if (pad instanceof SinkPad sink) {
        Stage stage = own[0];
        stage.pulls = true;
        op = new Op(Op.PULL, pad, stage, stage.steps++, log, false);
        SourcePad source = execution.upstream(sink);
        List<SinkPad> fed = execution.downstream(source);
        op.link = links.computeIfAbsent(source, s -> new Link(linkCapacity, fed.size()));
        op.consumer = fed.indexOf(sink);
      } else if (pad instanceof SourcePad source) {
        Stage stage = own[own.length - 1];
        op = new Op(Op.PRODUCE, pad, stage, stage.steps++, log, execution.endsOnDrain(element));
        stage.addSource(op.counters);
        op.link =
            links.computeIfAbsent(
                source, s -> new Link(linkCapacity, execution.downstream(s).size()));
      } else {
        Stage stage = own[0];
        op = new Op(Op.INTERNAL, pad, stage, stage.steps++, log, false);
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
    RunEnd end = new RunEnd(execution, sinks, sinkStages);
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
  private static Stage[] stagesOf(Execution execution, Element element, boolean asynchronous) {
    boolean gated = execution.asynchronous(element);
    if (gated && element instanceof TransformElement) {
      return new Stage[] {new Stage(execution, element, true), new Stage(execution, element, true)};
    }
    return new Stage[] {
      new Stage(execution, element, gated || (asynchronous && element instanceof SinkElement))
    };
  }
}
