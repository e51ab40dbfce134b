package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  private static final List<String> DEMO_OUTPUT =
      List.of(
          "sgn4j demo: thermometer -> to-fahrenheit -> display",
          "iteration 1: thermometer sends 21.5 C",
          "iteration 1: to-fahrenheit converts 21.5 C to 70.7 F",
          "iteration 1: display shows 70.7 F",
          "iteration 2: thermometer sends 23.0 C",
          "iteration 2: to-fahrenheit converts 23.0 C to 73.4 F",
          "iteration 2: display shows 73.4 F",
          "iteration 3: thermometer sends 19.0 C, end of stream",
          "iteration 3: to-fahrenheit converts 19.0 C to 66.2 F, end of stream",
          "iteration 3: display shows 66.2 F, end of stream",
          "display got 3 readings in 3 iterations, average 70.1 F");

  @Test
  void demoPrintsTheDemoOnStdoutAndTheFinalProgressLineOnStderr() {
    var result = Cli.execute("demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).isEqualTo(DEMO_OUTPUT);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .matches("run ended: 3 iterations in \\d+\\.\\d{3} s, 3 of 3 elements at EOS");
  }

  @Test
  void demoByNameRunsThatExampleWithoutProgress() {
    var result = Cli.execute("demo", "quick-start");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("[10, 20, 30]");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void exampleNamesMatchTheirClassNamesInAnyCase() {
    assertThat(Cli.execute("demo", "QuickStart").outLines()).containsExactly("[10, 20, 30]");
    assertThat(Cli.execute("demo", "DEMO").outLines()).isEqualTo(DEMO_OUTPUT);
  }

  @Test
  void argumentsAfterTheNameGoToTheExample() {
    var result = Cli.execute("demo", "demo", "--ignored", "x");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).isEqualTo(DEMO_OUTPUT);
  }

  @Test
  void anUnknownNameIsAnErrorListingTheNames() {
    var result = Cli.execute("demo", "hello");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly(
            "sgn4j demo: unknown example 'hello'; the examples are demo, quick-start,"
                + " pool-quick-start, process-quick-start, hello-world, end-of-stream, multiple-pads, internal-pads, transforms,"
                + " connection-strategies, grouping, pad-selection, visualization,"
                + " compose-recipes, signal-handling, memory-profiling, worker-pool,"
                + " subprocess-tutorial, shared-memory, mixed-concurrency, stats-monitoring,"
                + " http-control (see sgn4j demo --list)");
  }

  @Test
  void listShowsEveryExampleWithOneLine() {
    var result = Cli.execute("demo", "--list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines())
        .containsExactly(
            "demo                   thermometer -> to-fahrenheit -> display, printing every step"
                + " (the default)",
            "quick-start            the README's quick start",
            "pool-quick-start       the README's parallel quick start: four workers, results in"
                + " input order",
            "process-quick-start    the README's worker-process quick start: numbers squared in"
                + " another JVM",
            "hello-world            a source that says hello forever, until Ctrl+C",
            "end-of-stream          hello world that stops by itself after 10 frames",
            "multiple-pads          a source with two pads feeding a sink with two pads",
            "internal-pads          internal() runs between an element's pulls and its frames",
            "transforms             a transform, and source pads that feed several sink pads",
            "connection-strategies  how connect decides which pads to link",
            "grouping               one connect call for several elements",
            "pad-selection          select some pads of an element to route them apart",
            "visualization          a pipeline's graph as DOT and Mermaid text",
            "compose-recipes        sub-graphs packaged as one source, transform or sink",
            "signal-handling        a slow live source that ends cleanly on Ctrl+C",
            "memory-profiling       where each iteration's memory goes, element by element",
            "worker-pool            four worker threads counting primes, results in input order",
            "subprocess-tutorial    numbers squared in one worker and logged by another",
            "shared-memory          an array of doubles shared with a worker that changes it in"
                + " place",
            "mixed-concurrency      a worker thread, then a worker process, in one pipeline",
            "stats-monitoring       the JVM's CPU, memory, collections and threads while a"
                + " pipeline runs",
            "http-control           change a running pipeline's settings over HTTP");
  }

  @Test
  void everyExampleProgramIsListed() throws IOException {
    Path sources =
        Path.of("..", "sgn4j-examples", "src", "main", "java", "dev", "sgn4j", "examples");
    List<String> programs;
    try (Stream<Path> files = Files.list(sources)) {
      programs =
          files
              .filter(file -> contains(file, "public static void main(String[] args)"))
              .map(file -> file.getFileName().toString().replace(".java", ""))
              .toList();
    }

    assertThat(Examples.ALL.stream().map(e -> e.type().getSimpleName()))
        .containsExactlyInAnyOrderElementsOf(programs);
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
