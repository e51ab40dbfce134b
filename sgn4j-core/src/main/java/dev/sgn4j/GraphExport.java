package dev.sgn4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a pipeline's graph: Graphviz DOT in SGN's look, and Mermaid. Behind {@link
 * Pipeline#toDot(String)} and {@link Pipeline#toMermaid()}. Reads the pipeline through its public
 * introspection ({@code nodes}, {@code edges}, {@code element}, {@code pad}), so the output follows
 * their sorted order and is the same on every call.
 *
 * <p>A composed element is drawn as a cluster ({@code subgraph cluster_<name>}) holding its own
 * table (its pads) and its inner elements, nested compositions as nested clusters, with the links
 * inside it and dashed lines from each of its pads to the inner pad it stands for.
 */
final class GraphExport {

  /** DOT IDs that need no quotes; anything else is quoted. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final List<String> KEYWORDS =
      List.of("node", "edge", "graph", "digraph", "subgraph", "strict");

  /** Points per character of the widest short name in a pad column (SGN's width rule). */
  private static final int POINTS_PER_CHAR = 9;

  private GraphExport() {}

  /** The DOT text, with a title when {@code label} is neither null nor empty. */
  static String dot(Pipeline pipeline, String label) {
    return new Dot(pipeline).write(label);
  }

  /** The Mermaid flowchart text. */
  static String mermaid(Pipeline pipeline) {
    return new Mermaid(pipeline).write();
  }

  /** The elements sorted by name, as SGN's {@code nodes(pads=False)}. */
  private static List<Element> sortedElements(Pipeline pipeline) {
    return pipeline.nodes(false, false).stream().map(pipeline::element).toList();
  }

  /** The class name shown for an element; anonymous classes show the class they extend. */
  static String typeName(Element element) {
    Class<?> type = element.getClass();
    while (type.getSimpleName().isEmpty()) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
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
  static String port(Pad pad) {
    return pad.fullName().replace(":", "__");
  }

  /** Writes the DOT text. */
  private static final class Dot {
    private final Pipeline pipeline;
    private final StringBuilder out = new StringBuilder();

    Dot(Pipeline pipeline) {
      this.pipeline = pipeline;
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
      for (Element element : sortedElements(pipeline)) {
        element(element);
      }
      for (Pipeline.Edge edge : pipeline.edges()) {
        out.append('\t')
            .append(endpoint(pipeline.pad(edge.from())))
            .append(" -> ")
            .append(endpoint(pipeline.pad(edge.to())))
            .append('\n');
      }
      return out.append("}\n").toString();
    }

    private static String endpoint(Pad pad) {
      return id(pad.element().name()) + ":" + id(port(pad));
    }

    /** Draws an element: a table, or for a composed element a cluster around its parts. */
    private void element(Element element) {
      if (!(element instanceof ComposedElement composed)) {
        table(element);
        return;
      }
      out.append("\tsubgraph ")
          .append(id("cluster_" + element.name()))
          .append(" {\n\t\tlabel=<<b>")
          .append(html(element.name()))
          .append("</b> (")
          .append(html(typeName(element)))
          .append(")>\n\t\tstyle=dashed\n");
      table(element);
      for (Element part : composed.innerElements()) {
        element(part);
        for (SourcePad source : part.sourcePads()) {
          for (SinkPad sink : source.downstream()) {
            out.append('\t')
                .append(endpoint(source))
                .append(" -> ")
                .append(endpoint(sink))
                .append('\n');
          }
        }
      }
      for (SinkPad pad : element.sinkPads()) {
        stands(pad, element.innerPad(pad));
      }
      for (SourcePad pad : element.sourcePads()) {
        stands(element.innerPad(pad), pad);
      }
      out.append("\t}\n");
    }

    /** A dashed line between a composed element's pad and the inner pad it stands for. */
    private void stands(Pad from, Pad to) {
      out.append('\t')
          .append(endpoint(from))
          .append(" -> ")
          .append(endpoint(to))
          .append(" [style=dashed arrowhead=none]\n");
    }

    /** Draws one element as an HTML table: name, class, sink pads left, source pads right. */
    private void table(Element element) {
      out.append('\t').append(id(element.name())).append(" [label=<\n");
      out.append(
          "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\""
              + " bgcolor=\"DodgerBlue\">\n");
      out.append("  <TR><TD COLSPAN=\"3\" CELLPADDING=\"4\"><b>")
          .append(html(element.name()))
          .append("</b></TD></TR>\n");
      out.append("  <TR><TD COLSPAN=\"3\" CELLPADDING=\"4\">")
          .append(html(typeName(element)))
          .append("</TD></TR>\n");
      out.append("  <TR>\n");
      padColumn(element.sinkPads(), "left");
      out.append("    <TD>-</TD>\n");
      padColumn(element.sourcePads(), "right");
      out.append("  </TR>\n</TABLE>\n>]\n");
    }

    private void padColumn(List<? extends Pad> pads, String align) {
      if (pads.isEmpty()) {
        out.append("    <TD></TD>\n");
        return;
      }
      int widest = pads.stream().mapToInt(pad -> pad.shortName().length()).max().orElse(0);
      out.append("    <TD>\n");
      out.append(
          "      <TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n");
      for (Pad pad : pads) {
        out.append("        <TR><TD PORT=\"")
            .append(html(port(pad)))
            .append("\" fixedsize=\"false\" width=\"")
            .append(widest * POINTS_PER_CHAR)
            .append("\" height=\"30\" align=\"")
            .append(align)
            .append("\" bgcolor=\"")
            .append(colour(pad))
            .append("\">")
            .append(html(pad.shortName()))
            .append("</TD></TR>\n");
      }
      out.append("      </TABLE>\n    </TD>\n");
    }

    private static String colour(Pad pad) {
      if (!pad.isLinked()) {
        return "tomato";
      }
      return pad instanceof SinkPad ? "lightblue" : "MediumAquaMarine";
    }
  }

  /** Writes the Mermaid text: one node per element listing its pads, one edge per link. */
  private static final class Mermaid {
    private final Pipeline pipeline;
    private final List<Element> elements;
    private final Map<Element, String> ids = new IdentityHashMap<>();

    Mermaid(Pipeline pipeline) {
      this.pipeline = pipeline;
      this.elements = sortedElements(pipeline);
      for (Element element : elements) {
        ids.put(element, "e" + ids.size());
      }
    }

    String write() {
      StringBuilder out = new StringBuilder("flowchart LR\n");
      List<String> linked = new ArrayList<>();
      List<String> unlinked = new ArrayList<>();
      for (Element element : elements) {
        String id = nodeId(element);
        out.append("  ").append(id).append("[\"").append(label(element)).append("\"]\n");
        boolean allLinked = element.pads().stream().allMatch(Pad::isLinked);
        (allLinked ? linked : unlinked).add(id);
      }
      for (Pipeline.Edge edge : pipeline.edges()) {
        Pad from = pipeline.pad(edge.from());
        Pad to = pipeline.pad(edge.to());
        out.append("  ")
            .append(nodeId(from.element()))
            .append(" -->|\"")
            .append(text(from.shortName()))
            .append(" → ")
            .append(text(to.shortName()))
            .append("\"| ")
            .append(nodeId(to.element()))
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
    private String nodeId(Element element) {
      return ids.get(element);
    }

    private static String label(Element element) {
      StringBuilder label = new StringBuilder();
      label.append("<b>").append(text(element.name())).append("</b><br/>");
      label.append(text(typeName(element)));
      padLine(label, "sinks", element.sinkPads());
      padLine(label, "sources", element.sourcePads());
      return label.toString();
    }

    private static void padLine(StringBuilder label, String kind, List<? extends Pad> pads) {
      if (pads.isEmpty()) {
        return;
      }
      List<String> names = new ArrayList<>();
      for (Pad pad : pads) {
        names.add(text(pad.shortName()) + (pad.isLinked() ? "" : " (unlinked)"));
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
