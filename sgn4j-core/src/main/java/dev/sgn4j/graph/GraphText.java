package dev.sgn4j.graph;

import dev.sgn4j.graph.GraphView.Link;
import dev.sgn4j.graph.GraphView.Node;
import dev.sgn4j.graph.GraphView.PadView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a pipeline's graph: Graphviz DOT in SGN's look, and Mermaid, written from a {@link
 * GraphView} (behind {@code Pipeline.toDot(String)} and {@code Pipeline.toMermaid()}). The view is
 * sorted, so the output is the same on every call.
 *
 * <pre>{@code
 * String dot = GraphText.dot(pipeline.graph(), "title");
 * String mermaid = GraphText.mermaid(pipeline.graph());
 * }</pre>
 *
 * <p>A composed element is drawn as a cluster ({@code subgraph cluster_<name>}) holding its own
 * table (its pads) and its inner elements, nested compositions as nested clusters, with the links
 * inside it and dashed lines from each of its pads to the inner pad it stands for.
 */
public final class GraphText {

  /** DOT IDs that need no quotes; anything else is quoted. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final List<String> KEYWORDS =
      List.of("node", "edge", "graph", "digraph", "subgraph", "strict");

  /** Points per character of the widest short name in a pad column (SGN's width rule). */
  private static final int POINTS_PER_CHAR = 9;

  private GraphText() {}

  /**
   * The DOT text, with a title when {@code label} is neither null nor empty.
   *
   * @param graph the graph
   * @param label the title, or null
   * @return the DOT text
   */
  public static String dot(GraphView graph, String label) {
    return new Dot(graph).write(label);
  }

  /**
   * The Mermaid flowchart text.
   *
   * @param graph the graph
   * @return the Mermaid text
   */
  public static String mermaid(GraphView graph) {
    return new Mermaid(graph).write();
  }

  /** Escapes text for Graphviz HTML labels. */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A DOT ID: bare when it is a plain identifier and no keyword, else double-quoted. */
  static String id(String name) {
    if (PLAIN_ID.matcher(name).matches() && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
      return name;
    }
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The HTML port of a pad: its full name with {@code ':'} replaced by {@code "__"}. */
  static String port(PadView pad) {
    return pad.fullName().replace(":", "__");
  }

  /** Writes the DOT text. */
  private static final class Dot {
    private final GraphView graph;
    private final StringBuilder out = new StringBuilder();

    Dot(GraphView graph) {
      this.graph = graph;
    }

    String write(String label) {
      out.append("digraph pipeline {\n\tgraph [");
      if (label != null && !label.isEmpty()) {
        out.append("label=<<font point-size=\"32\"><b>")
            .append(html(label))
            .append("</b></font>> ");
      }
      out.append("labelloc=t rankdir=LR ranksep=2]\n");
      out.append("\tnode [fontname=\"times mono\" shape=plaintext]\n");
      for (Node element : graph.elements()) {
        element(element);
      }
      for (Link link : graph.links()) {
        out.append('\t')
            .append(endpoint(link.from()))
            .append(" -> ")
            .append(endpoint(link.to()))
            .append('\n');
      }
      return out.append("}\n").toString();
    }

    private static String endpoint(PadView pad) {
      return id(pad.element()) + ":" + id(port(pad));
    }

    /** Draws an element: a table, or for a composed element a cluster around its parts. */
    private void element(Node element) {
      if (!element.composed()) {
        table(element);
        return;
      }
      out.append("\tsubgraph ")
          .append(id("cluster_" + element.name()))
          .append(" {\n\t\tlabel=<<b>")
          .append(html(element.name()))
          .append("</b> (")
          .append(html(element.type()))
          .append(")>\n\t\tstyle=dashed\n");
      table(element);
      for (Node part : element.parts()) {
        element(part);
        for (Link link : part.outgoing()) {
          out.append('\t')
              .append(endpoint(link.from()))
              .append(" -> ")
              .append(endpoint(link.to()))
              .append('\n');
        }
      }
      for (Link stand : element.stands()) {
        out.append('\t')
            .append(endpoint(stand.from()))
            .append(" -> ")
            .append(endpoint(stand.to()))
            .append(" [style=dashed arrowhead=none]\n");
      }
      out.append("\t}\n");
    }

    /** Draws one element as an HTML table: name, class, sink pads left, source pads right. */
    private void table(Node element) {
      out.append('\t').append(id(element.name())).append(" [label=<\n");
      out.append(
          "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\""
              + " bgcolor=\"DodgerBlue\">\n");
      out.append("  <TR><TD COLSPAN=\"3\" CELLPADDING=\"4\"><b>")
          .append(html(element.name()))
          .append("</b></TD></TR>\n");
      out.append("  <TR><TD COLSPAN=\"3\" CELLPADDING=\"4\">")
          .append(html(element.type()))
          .append("</TD></TR>\n");
      out.append("  <TR>\n");
      padColumn(element.sinkPads(), "left", true);
      out.append("    <TD>-</TD>\n");
      padColumn(element.sourcePads(), "right", false);
      out.append("  </TR>\n</TABLE>\n>]\n");
    }

    private void padColumn(List<PadView> pads, String align, boolean sink) {
      if (pads.isEmpty()) {
        out.append("    <TD></TD>\n");
        return;
      }
      int widest = pads.stream().mapToInt(pad -> pad.name().length()).max().orElse(0);
      out.append("    <TD>\n");
      out.append(
          "      <TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n");
      for (PadView pad : pads) {
        out.append("        <TR><TD PORT=\"")
            .append(html(port(pad)))
            .append("\" fixedsize=\"false\" width=\"")
            .append(widest * POINTS_PER_CHAR)
            .append("\" height=\"30\" align=\"")
            .append(align)
            .append("\" bgcolor=\"")
            .append(colour(pad, sink))
            .append("\">")
            .append(html(pad.name()))
            .append("</TD></TR>\n");
      }
      out.append("      </TABLE>\n    </TD>\n");
    }

    private static String colour(PadView pad, boolean sink) {
      if (!pad.linked()) {
        return "tomato";
      }
      return sink ? "lightblue" : "MediumAquaMarine";
    }
  }

  /** Writes the Mermaid text: one node per element listing its pads, one edge per link. */
  private static final class Mermaid {
    private final GraphView graph;
    private final Map<String, String> ids = new HashMap<>();

    Mermaid(GraphView graph) {
      this.graph = graph;
      for (Node element : graph.elements()) {
        ids.put(element.name(), "e" + ids.size());
      }
    }

    String write() {
      StringBuilder out = new StringBuilder("flowchart LR\n");
      List<String> linked = new ArrayList<>();
      List<String> unlinked = new ArrayList<>();
      for (Node element : graph.elements()) {
        String id = ids.get(element.name());
        out.append("  ").append(id).append("[\"").append(label(element)).append("\"]\n");
        (element.allLinked() ? linked : unlinked).add(id);
      }
      for (Link link : graph.links()) {
        PadView from = link.from();
        PadView to = link.to();
        out.append("  ")
            .append(ids.get(from.element()))
            .append(" -->|\"")
            .append(text(from.name()))
            .append(" → ")
            .append(text(to.name()))
            .append("\"| ")
            .append(ids.get(to.element()))
            .append('\n');
      }
      out.append("  classDef element fill:DodgerBlue,color:black\n");
      out.append("  classDef unlinked fill:tomato,color:black\n");
      classLine(out, "element", linked);
      classLine(out, "unlinked", unlinked);
      return out.toString();
    }

    private static void classLine(StringBuilder out, String style, List<String> ids) {
      if (!ids.isEmpty()) {
        out.append("  class ").append(String.join(",", ids)).append(' ').append(style).append('\n');
      }
    }

    /** {@code e0}, {@code e1}, ... by sorted element name: safe whatever the names are. */
    private static String label(Node element) {
      StringBuilder label = new StringBuilder();
      label.append("<b>").append(text(element.name())).append("</b><br/>");
      label.append(text(element.type()));
      padLine(label, "sinks", element.sinkPads());
      padLine(label, "sources", element.sourcePads());
      return label.toString();
    }

    private static void padLine(StringBuilder label, String kind, List<PadView> pads) {
      if (pads.isEmpty()) {
        return;
      }
      List<String> names = new ArrayList<>();
      for (PadView pad : pads) {
        names.add(text(pad.name()) + (pad.linked() ? "" : " (unlinked)"));
      }
      label.append("<br/>").append(kind).append(": ").append(String.join(", ", names));
    }

    /** Escapes user text with Mermaid's entity codes. */
    private static String text(String raw) {
      return raw.replace("#", "#35;")
          .replace("&", "#amp;")
          .replace("\"", "#quot;")
          .replace("<", "#lt;")
          .replace(">", "#gt;");
    }
  }
}
