package dev.sgn4j.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sgn4j.Controllable;
import dev.sgn4j.Element;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SourceElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's graph for the live page: its elements in layers (a composed element with the names
 * of the inner elements whose figures it shows) (a source in layer 0, every other element one layer
 * after the deepest element that feeds it), the links between elements, and the elements whose
 * state can be edited; and the same drawing as SVG ({@code GET /graph?format=svg}), by Graphviz
 * when {@code dot} is installed.
 *
 * <pre>{@code
 * {"pipeline":"p","elements":[{"name":"source","type":"Knobs","kind":"source","layer":0},
 *   {"name":"scaler","type":"ComposedTransformElement","kind":"transform","layer":1,
 *    "inner":["gain"]}, ...],
 *  "links":[{"from":"source","to":"meter"}],"controllable":["source","gain","meter"]}
 * }</pre>
 */
final class GraphJson {

  private static final int BOX_WIDTH = 180;
  private static final int BOX_HEIGHT = 44;
  private static final int LAYER_GAP = 240;
  private static final int ROW_GAP = 70;

  private GraphJson() {}

  static ObjectNode of(Pipeline pipeline) {
    Map<String, Integer> layers = layers(pipeline);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("pipeline", pipeline.name());
    ArrayNode elements = root.putArray("elements");
    for (Element element : pipeline.elements()) {
      ObjectNode node = elements.addObject();
      node.put("name", element.name());
      node.put("type", element.typeName());
      node.put("kind", kind(element));
      node.put("layer", layers.get(element.name()));
      if (element instanceof dev.sgn4j.ComposedElement composed) {
        ArrayNode inner = node.putArray("inner");
        innerNames(composed, inner);
      }
    }
    ArrayNode links = root.putArray("links");
    for (Pipeline.Edge edge : pipeline.edges(false, false)) {
      links.addObject().put("from", edge.from()).put("to", edge.to());
    }
    ArrayNode controllable = root.putArray("controllable");
    for (Element element : new ElementStates(pipeline).allElements()) {
      if (element instanceof Controllable) {
        controllable.add(element.name());
      }
    }
    return root;
  }

  /** The names of the elements that do a composed element's work, nested ones included. */
  private static void innerNames(dev.sgn4j.ComposedElement composed, ArrayNode into) {
    for (Element inner : composed.innerElements()) {
      if (inner instanceof dev.sgn4j.ComposedElement nested) {
        innerNames(nested, into);
      } else {
        into.add(inner.name());
      }
    }
  }

  /** Graphviz's SVG of the graph when {@code dot} is installed, else the layered drawing. */
  static byte[] svg(Pipeline pipeline) throws IOException {
    Path file = Files.createTempFile("sgn4j-graph-", ".svg");
    try {
      pipeline.render(file);
      return Files.readAllBytes(file);
    } catch (IllegalStateException noDot) {
      return layered(pipeline).getBytes(StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Boxes in columns by layer, lines between them: a drawing without Graphviz. */
  static String layered(Pipeline pipeline) {
    Map<String, Integer> layers = layers(pipeline);
    Map<Integer, Integer> rows = new HashMap<>();
    Map<String, int[]> at = new LinkedHashMap<>();
    int width = 0;
    int height = 0;
    for (Element element : pipeline.elements()) {
      int layer = layers.get(element.name());
      int row = rows.merge(layer, 1, Integer::sum) - 1;
      int x = 20 + layer * LAYER_GAP;
      int y = 20 + row * ROW_GAP;
      at.put(element.name(), new int[] {x, y});
      width = Math.max(width, x + BOX_WIDTH + 20);
      height = Math.max(height, y + BOX_HEIGHT + 20);
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
    for (Pipeline.Edge edge : pipeline.edges(false, false)) {
      int[] from = at.get(edge.from());
      int[] to = at.get(edge.to());
      svg.append(
          "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>\n"
              .formatted(
                  from[0] + BOX_WIDTH, from[1] + BOX_HEIGHT / 2, to[0], to[1] + BOX_HEIGHT / 2));
    }
    for (Element element : pipeline.elements()) {
      int[] xy = at.get(element.name());
      svg.append(
          ("  <g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#eef\""
                  + " stroke=\"#336\"/><text x=\"%d\" y=\"%d\">%s</text>"
                  + "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text></g>\n")
              .formatted(
                  xy[0],
                  xy[1],
                  BOX_WIDTH,
                  BOX_HEIGHT,
                  xy[0] + 8,
                  xy[1] + 18,
                  escape(element.name()),
                  xy[0] + 8,
                  xy[1] + 36,
                  escape(element.typeName())));
    }
    return svg.append("</svg>\n").toString();
  }

  /** Longest path from a source, over element links; the graph is acyclic once checked. */
  private static Map<String, Integer> layers(Pipeline pipeline) {
    Map<String, List<String>> feeders = new HashMap<>();
    for (Pipeline.Edge edge : pipeline.edges(false, false)) {
      feeders.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
    }
    Map<String, Integer> layers = new HashMap<>();
    for (Element element : pipeline.elements()) {
      layer(element.name(), feeders, layers, 0);
    }
    return layers;
  }

  private static int layer(
      String name, Map<String, List<String>> feeders, Map<String, Integer> layers, int depth) {
    Integer known = layers.get(name);
    if (known != null) {
      return known;
    }
    int layer = 0;
    if (depth < 10_000) {
      for (String from : feeders.getOrDefault(name, List.of())) {
        layer = Math.max(layer, layer(from, feeders, layers, depth + 1) + 1);
      }
    }
    layers.put(name, layer);
    return layer;
  }

  private static String kind(Element element) {
    if (element instanceof SourceElement) {
      return "source";
    }
    return element instanceof SinkElement ? "sink" : "transform";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
