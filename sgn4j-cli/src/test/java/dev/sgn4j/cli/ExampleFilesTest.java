package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pipeline file in the repository's examples/ folder, run through the command line. */
class ExampleFilesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void helloCountsToThreeAndCollectsTheTenfoldNumbers() {
    var result = Cli.execute("run", "../examples/hello.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [10, 20, 30]");
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .matches("run ended: 4 iterations in \\d+\\.\\d{3} s, 3 of 3 elements at EOS");
  }

  @Test
  void pairsAddsAndMultipliesTwoPadsIntoASinkWithTwoPads() {
    var result = Cli.execute("run", "../examples/pairs.json");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly("collect total: [11, 22, 33]", "collect product: [10, 40, 90]");
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .matches("run ended: 4 iterations in \\d+\\.\\d{3} s, 4 of 4 elements at EOS");
  }

  @Test
  void printerBuildsTheUserElementClassFromTheExamplesJar() {
    var result = Cli.execute("run", "../examples/printer.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "printer greeting: hello",
            "printer count: 10",
            "printer greeting: bonjour",
            "printer count: 20",
            "printer greeting: hallo",
            "printer count: 30");
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .matches("run ended: 4 iterations in \\d+\\.\\d{3} s, 3 of 3 elements at EOS");
  }

  @Test
  void liveTicksFor3000FramesAndCanBeShortenedWithSet() {
    var result =
        Cli.execute(
            "run",
            "--set",
            "ticks.frames=5",
            "--set",
            "ticks.waitMs=1",
            "--stats",
            "../examples/live.yaml");

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines())
        .anySatisfy(l -> assertThat(l).matches("ticks +NullSource +12 +0 +0 +6 +1 +6 .*"));
    assertThat(result.errLines())
        .anySatisfy(l -> assertThat(l).matches("sink +NullSink +12 +0 +0 +6 +1 +6 .*"));
  }

  @Test
  void everyExampleFileHasATestHere() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("hello.yaml", "pairs.json", "printer.yaml", "live.yaml");
    }
  }

  @Test
  void theReadmePipelinePrintsWhatTheReadmeSays(@TempDir Path dir) throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
    int start = readme.indexOf("```yaml");
    int end = readme.subList(start, readme.size()).indexOf("```") + start;
    Path file = dir.resolve("readme.yaml");
    Files.write(file, readme.subList(start + 1, end));

    var result = Cli.execute("run", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [10, 20, 30]");
    assertThat(String.join("\n", readme))
        .contains("This one (`examples/hello.yaml`) prints `collect: [10, 20, 30]`");
  }
}
