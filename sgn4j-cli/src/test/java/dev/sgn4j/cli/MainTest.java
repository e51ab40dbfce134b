package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void withoutACommandTheUsageGoesToStderrWithExitCodeTwo() {
    var result = Cli.execute();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly(
            "Usage: sgn4j [-hV] [COMMAND]",
            "Run sgn4j pipelines: the demo, an example, or a pipeline file.",
            "  -h, --help      Show this help message and exit.",
            "  -V, --version   Print version information and exit.",
            "Commands:",
            "  demo   Run the demo, with progress on stderr, or the example NAME with ARGS.",
            "  run    Run the pipeline described in FILE (.yaml, .yml or .json), with",
            "           progress on stderr.",
            "  graph  Export the graph of the pipeline in FILE (dot, mermaid or svg) without",
            "           running it.",
            "  help   Display help information about the specified command.");
  }

  @Test
  void helpShowsTheUsageOnStdout() {
    var result = Cli.execute("help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).first().isEqualTo("Usage: sgn4j [-hV] [COMMAND]");
  }

  @Test
  void helpOfACommandShowsItsOptions() {
    var result = Cli.execute("help", "graph");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .first()
        .isEqualTo("Usage: sgn4j graph [-hV] --format=FORMAT [--output=PATH] FILE");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    var result = Cli.execute("walk");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo("Unmatched argument at index 0: 'walk'");
  }
}
