package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

  private static final String HELLO = "../examples/hello.yaml";

  @TempDir Path dir;

  private static String expected(String format) throws PipelineFileException {
    var pipeline = PipelineLoader.load(Path.of(HELLO), HELLO).pipeline();
    return format.equals("dot") ? pipeline.toDot() : pipeline.toMermaid();
  }

  @Test
  void dotGoesToStdoutWithoutRunningThePipeline() throws PipelineFileException {
    var result = Cli.execute("graph", HELLO, "--format", "dot");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(expected("dot")).startsWith("digraph");
    assertThat(result.out()).contains("numbers", "scale", "collect");
  }

  @Test
  void mermaidGoesToStdout() throws PipelineFileException {
    var result = Cli.execute("graph", HELLO, "--format", "mermaid");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(expected("mermaid")).startsWith("flowchart");
  }

  @Test
  void outputWritesTheTextToAFile() throws Exception {
    Path file = dir.resolve("hello.dot");
    var result = Cli.execute("graph", HELLO, "--format", "dot", "--output", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(expected("dot"));
  }

  @Test
  void svgIsRenderedByGraphvizIntoTheOutputFile() throws IOException {
    Requirement.DOT.check();
    Path file = dir.resolve("hello.svg");
    var result = Cli.execute("graph", HELLO, "--format", "svg", "--output", file.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readString(file)).contains("<svg", "numbers", "collect");
  }

  @Test
  void svgWithoutOutputIsAUsageError() {
    var result = Cli.execute("graph", HELLO, "--format", "svg");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "sgn4j graph: --format svg needs --output PATH (an .svg file); dot and mermaid print"
                + " to stdout");
  }

  @Test
  void anUnknownFormatListsTheFormats() {
    var result = Cli.execute("graph", HELLO, "--format", "png");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .first()
        .isEqualTo(
            "Invalid value for option '--format': expected one of [dot, mermaid, svg] (case-sensitive) but was 'png'");
  }

  @Test
  void aBadFileIsReportedWithExitCodeTwo() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "elements:\n  - {name: a, type: Nope}\n");
    var result = Cli.execute("graph", file.toString(), "--format", "dot");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            file
                + " line 2, field 'type': unknown element type 'Nope'; use one of IterSource,"
                + " DequeSource, NullSource, CallableTransform, CollectSink, NullSink or a fully"
                + " qualified class name");
  }
}
