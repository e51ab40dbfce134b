package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Requirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisualizationTest {

  @TempDir Path dir;

  private List<String> run(Path out) {
    return Output.capture(
        () -> {
          try {
            Visualization.main(new String[] {out.toString()});
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void rendersAnSvgIntoTheGivenDirectoryWithGraphviz() throws IOException {
    Requirement.DOT.check();
    Path out = dir.resolve("graphs");
    var lines = run(out);

    assertThat(lines)
        .containsExactly(
            "wrote " + out.resolve("pipeline.dot"),
            "wrote " + out.resolve("pipeline.mmd"),
            "wrote " + out.resolve("pipeline.svg"));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(path -> path.getFileName().toString()).sorted())
          .containsExactly("pipeline.dot", "pipeline.mmd", "pipeline.svg");
    }
    String svg = Files.readString(out.resolve("pipeline.svg"), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<?xml").contains("<svg").contains(">Visualization example</text>");
  }

  @Test
  void writesTheDotAndMermaidTextIntoTheGivenDirectoryWithOrWithoutGraphviz() throws IOException {
    Path out = dir.resolve("graphs");
    var lines = run(out);

    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2))
        .containsExactly(
            "wrote " + out.resolve("pipeline.dot"), "wrote " + out.resolve("pipeline.mmd"));
    assertThat(lines.get(2))
        .isIn(
            "wrote " + out.resolve("pipeline.svg"),
            "skipped "
                + out.resolve("pipeline.svg")
                + ": rendering needs Graphviz's dot program, which was not found on PATH; install it"
                + " (e.g. apt-get install graphviz) or render the text of toDot() elsewhere");
    var pipeline = Visualization.pipeline();
    assertThat(Files.readString(out.resolve("pipeline.dot")))
        .isEqualTo(pipeline.toDot(Visualization.LABEL))
        .contains("<b>Visualization example</b>")
        .contains("\tsource:source__src__A -> processor:processor__snk__A\n")
        .contains("\tprocessor:processor__src__sum -> sink:sink__snk__sum\n")
        .doesNotContain("tomato");
    assertThat(Files.readString(out.resolve("pipeline.mmd")))
        .isEqualTo(
            """
            flowchart LR
              e0["<b>processor</b><br/>CallableTransform<br/>sinks: A, B<br/>sources: sum"]
              e1["<b>sink</b><br/>CollectSink<br/>sinks: sum"]
              e2["<b>source</b><br/>IterSource<br/>sources: A, B"]
              e0 -->|"sum → sum"| e1
              e2 -->|"A → A"| e0
              e2 -->|"B → B"| e0
              classDef element fill:DodgerBlue,color:black
              classDef unlinked fill:tomato,color:black
              class e0,e1,e2 element
            """);
  }
}
