package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.flink.FlinkRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code sgn4j run --engine flink}: every pipeline file of examples/ on the embedded Flink runner
 * gives every sink pad the frames of the local run, and the command prints what a local run prints.
 */
class FlinkEngineTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  /** The run-ended line without its time, which differs from run to run. */
  private static List<String> timeless(List<String> lines) {
    return lines.stream()
        .filter(line -> !line.startsWith("WARNING: "))
        .map(line -> line.replaceAll("in \\d+\\.\\d{3} s", "in _ s"))
        .toList();
  }

  @Test
  void helloOnFlinkPrintsWhatTheLocalRunPrints() {
    var local = Cli.execute("run", "../examples/hello.yaml");
    var flink = Cli.execute("run", "--engine", "flink", "../examples/hello.yaml");

    assertThat(flink.exitCode()).isZero();
    assertThat(flink.outLines()).containsExactly("collect: [10, 20, 30]");
    assertThat(flink.outLines()).isEqualTo(local.outLines());
    assertThat(timeless(flink.errLines()))
        .containsExactly("run ended: 4 iterations in _ s, 3 of 3 elements at EOS")
        .isEqualTo(timeless(local.errLines()));
  }

  @Test
  void theUserElementOfPrinterPrintsTheSameLinesInTheTaskManager() {
    var local = Cli.execute("run", "../examples/printer.yaml");
    var flink = Cli.execute("run", "--engine", "flink", "../examples/printer.yaml");

    assertThat(flink.exitCode()).isZero();
    assertThat(flink.outLines()).hasSize(6).isEqualTo(local.outLines());
  }

  @Test
  void everyExampleFileGivesEverySinkPadTheFramesOfTheLocalRun() throws Exception {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files =
          listing
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files.stream().map(f -> f.getFileName().toString()))
        .contains("hello.yaml", "live.yaml", "pairs.json", "printer.yaml");
    for (Path file : files) {
      Tapped local = load(file);
      local.loaded().pipeline().run();
      Tapped flink = load(file);
      FlinkRunner.embedded().run(flink.loaded().pipeline());
      for (var pad : local.taps().keySet()) {
        List<Object> expected = local.taps().get(pad).collected("in");
        assertThat(expected).as("%s: local frames of %s", file, pad).isNotEmpty();
        assertThat(flink.taps().get(pad).collected("in"))
            .as("%s: frames of %s on Flink", file, pad)
            .isEqualTo(expected);
      }
      assertThat(printed(flink.loaded()))
          .as("%s: collected", file)
          .isEqualTo(printed(local.loaded()));
    }
  }

  /** A loaded pipeline file and, for every sink pad, a sink collecting the frames it gets. */
  private record Tapped(LoadedPipeline loaded, Map<String, CollectSink> taps) {}

  /**
   * Loads {@code file} (live.yaml shortened to 40 frames without waits) and links a
   * frame-collecting tap to the upstream pad of every sink pad.
   */
  private static Tapped load(Path file) throws PipelineFileException, IOException {
    Map<String, Map<String, Node>> overrides = new LinkedHashMap<>();
    if (file.getFileName().toString().equals("live.yaml")) {
      overrides.put(
          "ticks",
          Map.of(
              "frames", TreeReader.readValue("40", "test"),
              "waitMs", TreeReader.readValue("0", "test")));
    }
    LoadedPipeline loaded =
        PipelineLoader.load(
            file,
            file.toString(),
            new LoadOptions("tapped", overrides, FlinkEngineTest.class.getClassLoader()));
    Pipeline pipeline = loaded.pipeline();
    Map<String, CollectSink> taps = new LinkedHashMap<>();
    List<SinkPad> sinkPads = new ArrayList<>();
    for (var element : pipeline.elements()) {
      if (element instanceof SinkElement sink) {
        sinkPads.addAll(sink.sinkPads());
      }
    }
    for (SinkPad pad : sinkPads) {
      SourcePad upstream = pad.upstream().orElseThrow();
      CollectSink tap = new CollectSink("tap-" + taps.size(), List.of("in"), false, false);
      pipeline.insert(tap).link(tap.sinkPad("in"), upstream);
      taps.put(pad.fullName(), tap);
    }
    return new Tapped(loaded, taps);
  }

  private static String printed(LoadedPipeline loaded) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      loaded.printCollected(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void engineOptionsThatDoNotGoTogetherAreUsageErrors() {
    var unknown = Cli.execute("run", "--engine", "spark", "../examples/hello.yaml");
    assertThat(unknown.exitCode()).isEqualTo(Main.USAGE);
    assertThat(unknown.errLines())
        .containsExactly("--engine: unknown engine 'spark'; use local or flink");

    var address = Cli.execute("run", "--flink-address", "localhost:8081", "../examples/hello.yaml");
    assertThat(address.exitCode()).isEqualTo(Main.USAGE);
    assertThat(address.errLines()).containsExactly("--flink-address goes with --engine flink");

    var control =
        Cli.execute("run", "--engine", "flink", "--control", "0", "../examples/hello.yaml");
    assertThat(control.exitCode()).isEqualTo(Main.USAGE);
    assertThat(control.errLines())
        .containsExactly(
            "--control watches and steers local runs; it does not apply to --engine flink");

    var badAddress =
        Cli.execute(
            "run", "--engine", "flink", "--flink-address", "nowhere", "../examples/hello.yaml");
    assertThat(badAddress.exitCode()).isEqualTo(Main.USAGE);
    assertThat(badAddress.errLines())
        .containsExactly(
            "--flink-address 'nowhere': write HOST:PORT, the REST address of the JobManager, e.g."
                + " localhost:8081");
  }
}
