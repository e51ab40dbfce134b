package dev.sgn4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.GraphExportTest;
import dev.sgn4j.Pipeline;
import dev.sgn4j.testsupport.Requirement;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Pipeline#render} with the real Graphviz {@code dot} (skipped with the reason where it is
 * not installed, failed where {@code SGN4J_REQUIRE=dot} says it must be, as in CI) and with
 * stand-in scripts for its failures.
 */
class RenderTest {

  @TempDir Path dir;

  @Test
  void rendersAnSvgWithGraphvizDot() throws IOException {
    Requirement.DOT.check();
    Path svg = dir.resolve("pipeline.svg");
    GraphExportTest.smallPipeline().render(svg, "small");

    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).startsWith("<?xml").contains("<svg").contains(">small</text>");
    assertThat(files()).containsExactly(svg);
  }

  @Test
  void rendersPngAndPdfByExtensionAndReplacesAnExistingFile() throws IOException {
    Requirement.DOT.check();
    Path png = dir.resolve("pipeline.PNG");
    Path pdf = dir.resolve("pipeline.pdf");
    Files.writeString(pdf, "old");
    Pipeline pipeline = GraphExportTest.smallPipeline();
    pipeline.render(png);
    pipeline.render(pdf);

    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
  }

  @Test
  void otherExtensionsAreRejectedWithTheFormatsThatWork() {
    Pipeline pipeline = GraphExportTest.smallPipeline();

    assertThatThrownBy(() -> pipeline.render(dir.resolve("pipeline.jpg")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot render '%s': the format comes from the file name's extension, which must be one"
                    .formatted(dir.resolve("pipeline.jpg"))
                + " of [svg, png, pdf]");
    assertThatThrownBy(() -> pipeline.render(dir.resolve("pipeline")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("which must be one of [svg, png, pdf]");
  }

  @Test
  void aMissingDotSaysToInstallGraphvizOrRenderTheDotTextElsewhere() {
    assertThatThrownBy(
            () ->
                DotRenderer.render(
                    "digraph {}",
                    dir.resolve("x.svg"),
                    "sgn4j-no-such-dot-program",
                    DotRenderer.TIMEOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "rendering needs Graphviz's dot program, which was not found on PATH; install it (e.g."
                + " apt-get install graphviz) or render the text of toDot() elsewhere");
    assertThat(DotRenderer.locate(dir.resolve("missing").toString())).isEmpty();
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aFailingDotReportsItsExitCodeAndErrorOutputAndLeavesNoFile() throws IOException {
    Path script =
        script("fail", "cat > /dev/null", "echo 'Error: <stdin>: syntax error' >&2", "exit 3");
    Path svg = dir.resolve("out.svg");

    assertThatThrownBy(
            () -> DotRenderer.render("digraph {", svg, script.toString(), DotRenderer.TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "dot -Tsvg failed with exit code 3 rendering %s: Error: <stdin>: syntax error"
                .formatted(svg));
    assertThat(files()).containsExactly(script);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aDotThatWritesNothingIsAnError() throws IOException {
    Path script = script("silent", "cat > /dev/null", "exit 0");
    Path svg = dir.resolve("out.svg");

    assertThatThrownBy(
            () -> DotRenderer.render("digraph {}", svg, script.toString(), DotRenderer.TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessage("dot -Tsvg exited normally but wrote nothing for %s".formatted(svg));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aDotThatRunsPastTheDeadlineIsStoppedAndReported() throws IOException {
    Path pidFile = dir.resolve("pid");
    Path script = script("hang", "echo $$ > " + pidFile, "exec sleep 60");
    Path svg = dir.resolve("out.svg");

    assertThatThrownBy(
            () -> DotRenderer.render("digraph {}", svg, script.toString(), Duration.ofMillis(500)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "dot -Tsvg did not finish within 0.5 s rendering %s; it was stopped. Render a smaller"
                    .formatted(svg)
                + " graph, or the text of toDot() elsewhere");
    // On a slow machine the script may be stopped before it wrote its pid: nothing to look for.
    if (Files.exists(pidFile)) {
      String pid = Files.readString(pidFile).strip();
      if (!pid.isEmpty()) {
        assertThat(ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)).isEmpty();
      }
    }
    assertThat(files()).filteredOn(file -> !file.equals(pidFile)).containsExactly(script);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void anInterruptStopsDotAndKeepsTheInterruptFlag() throws IOException {
    Path script = script("hang", "exec sleep 60");
    Path svg = dir.resolve("out.svg");

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () -> DotRenderer.render("digraph {}", svg, script.toString(), DotRenderer.TIMEOUT))
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage(
              "interrupted while dot -Tsvg was rendering %s; it was stopped".formatted(svg));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(files()).containsExactly(script);
  }

  private Path script(String name, String... lines) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
