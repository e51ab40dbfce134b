package dev.sgn4j.graph;

import java.util.List;

/**
 * A read-only picture of a pipeline's graph, what DOT and Mermaid text are written from: its
 * elements sorted by name with their pads, and its links sorted by pad names. A composed element
 * lists its inner elements, the links between them and the pads it stands for. Made by {@code
 * Pipeline.graph()}; values only, so writers need no access to the pipeline.
 *
 * <pre>{@code
 * GraphView view = pipeline.graph();
 * String dot = GraphText.dot(view, "my pipeline");
 * }</pre>
 *
 * @param elements the top-level elements, sorted by name
 * @param links the links between top-level elements, sorted by source then sink pad full name
 */
public record GraphView(List<Node> elements, List<Link> links) {

  /** Copies the lists. */
  public GraphView {
    elements = List.copyOf(elements);
    links = List.copyOf(links);
  }

  /**
   * One pad.
   *
   * @param element the name of the pad's element
   * @param name the pad's short name
   * @param fullName the pad's full name ({@code element:snk:name} or {@code element:src:name})
   * @param linked whether the pad is linked
   */
  public record PadView(String element, String name, String fullName, boolean linked) {}

  /**
   * A link from a source pad to a sink pad, or, for a composed element, between one of its pads and
   * the inner pad it stands for.
   *
   * @param from the upstream pad
   * @param to the downstream pad
   */
  public record Link(PadView from, PadView to) {}

  /**
   * One element.
   *
   * @param name the element name
   * @param type its class's simple name (the class it extends, for anonymous classes)
   * @param sinkPads its sink pads, in pad order
   * @param sourcePads its source pads, in pad order
   * @param allLinked whether every pad is linked
   * @param parts for a composed element its inner elements in composition order, else empty
   * @param outgoing the links from its source pads, in pad and link order
   * @param stands for a composed element, each sink pad to the inner pad it stands for, then each
   *     inner pad to the source pad that stands for it; else empty
   */
  public record Node(
      String name,
      String type,
      List<PadView> sinkPads,
      List<PadView> sourcePads,
      boolean allLinked,
      List<Node> parts,
      List<Link> outgoing,
      List<Link> stands) {

    /** Copies the lists. */
    public Node {
      sinkPads = List.copyOf(sinkPads);
      sourcePads = List.copyOf(sourcePads);
      parts = List.copyOf(parts);
      outgoing = List.copyOf(outgoing);
      stands = List.copyOf(stands);
    }

    /**
     * Whether this is a composed element.
     *
     * @return true when it has parts
     */
    public boolean composed() {
      return !parts.isEmpty();
    }
  }
}
