package dev.sgn4j;

import dev.sgn4j.graph.GraphView;
import dev.sgn4j.graph.GraphView.Link;
import dev.sgn4j.graph.GraphView.Node;
import dev.sgn4j.graph.GraphView.PadView;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link GraphView} of a pipeline, behind {@link Pipeline#graph()}. */
final class GraphViews {

  private GraphViews() {}

  static GraphView of(Pipeline pipeline) {
    List<Node> nodes = new ArrayList<>();
    for (String name : pipeline.nodes(false, false)) {
      nodes.add(node(pipeline.element(name)));
    }
    List<Link> links = new ArrayList<>();
    for (Pipeline.Edge edge : pipeline.edges()) {
      links.add(new Link(pad(pipeline.pad(edge.from())), pad(pipeline.pad(edge.to()))));
    }
    return new GraphView(nodes, links);
  }

  private static Node node(Element element) {
    List<Node> parts = new ArrayList<>();
    List<Link> stands = new ArrayList<>();
    if (element instanceof ComposedElement composed) {
      for (Element part : composed.innerElements()) {
        parts.add(node(part));
      }
      for (SinkPad pad : element.sinkPads()) {
        stands.add(new Link(pad(pad), pad(element.innerPad(pad))));
      }
      for (SourcePad pad : element.sourcePads()) {
        stands.add(new Link(pad(element.innerPad(pad)), pad(pad)));
      }
    }
    List<Link> outgoing = new ArrayList<>();
    for (SourcePad source : element.sourcePads()) {
      for (SinkPad sink : source.downstream()) {
        outgoing.add(new Link(pad(source), pad(sink)));
      }
    }
    return new Node(
        element.name(),
        element.typeName(),
        element.sinkPads().stream().map(GraphViews::pad).toList(),
        element.sourcePads().stream().map(GraphViews::pad).toList(),
        element.pads().stream().allMatch(Pad::isLinked),
        parts,
        outgoing,
        stands);
  }

  private static PadView pad(Pad pad) {
    return new PadView(pad.element().name(), pad.shortName(), pad.fullName(), pad.isLinked());
  }
}
