package dev.sgn4j.examples;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SGN's tutorial "Visualization": draw a pipeline's graph. {@link Pipeline#toDot(String)} gives
 * Graphviz DOT text in SGN's look (one table per element: its name and class, sink pads on the
 * left, source pads on the right; linked sink pads blue, linked source pads green, unlinked pads
 * red), {@link Pipeline#toMermaid()} a Mermaid flowchart for Markdown, and {@link
 * Pipeline#render(Path, String)} an SVG, PNG or PDF file through Graphviz's {@code dot} program.
 *
 * <p>This program builds source → processor → sink, writes {@code pipeline.dot} and {@code
 * pipeline.mmd} into the directory given as the first argument (a new temporary directory without
 * one), and renders {@code pipeline.svg} when {@code dot} is on PATH, printing each file it wrote:
 *
 * <pre>{@code
 * wrote /tmp/graphs/pipeline.dot
 * wrote /tmp/graphs/pipeline.mmd
 * wrote /tmp/graphs/pipeline.svg
 * }</pre>
 *
 * <p>Without {@code dot} the last line says why the SVG was skipped; render the DOT file elsewhere,
 * e.g. {@code dot -Tsvg pipeline.dot -o pipeline.svg}.
 */
public final class Visualization {

  /** The title drawn above the graph. */
  static final String LABEL = "Visualization example";

  private Visualization() {}

  /**
   * Builds the pipeline and writes its graph files.
   *
   * @param args the output directory, optional
   * @throws IOException when a file cannot be written or {@code dot} fails
   */
  public static void main(String[] args) throws IOException {
    Path dir =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory("sgn4j-visualization");
    Pipeline pipeline = pipeline();

    Path dot = dir.resolve("pipeline.dot");
    Files.writeString(dot, pipeline.toDot(LABEL), StandardCharsets.UTF_8);
    System.out.println("wrote " + dot);

    Path mermaid = dir.resolve("pipeline.mmd");
    Files.writeString(mermaid, pipeline.toMermaid(), StandardCharsets.UTF_8);
    System.out.println("wrote " + mermaid);

    Path svg = dir.resolve("pipeline.svg");
    try {
      pipeline.render(svg, LABEL);
      System.out.println("wrote " + svg);
    } catch (IllegalStateException e) {
      System.out.println("skipped " + svg + ": " + e.getMessage());
    }
  }

  /** Numbers on pads A and B, a processor that adds them, and a sink that collects the sums. */
  static Pipeline pipeline() {
    var source =
        IterSource.builder("source")
            .pad("A", List.of(1, 2, 3))
            .pad("B", List.of(10, 20, 30))
            .build();
    var processor =
        CallableTransform.fromCallable(
            "processor",
            frames -> (int) frames.get(0).data() + (int) frames.get(1).data(),
            "sum",
            List.of("A", "B"));
    var sink = new CollectSink("sink", List.of("sum"));
    return new Pipeline().connect(source, processor).connect(processor, sink);
  }
}
