package dev.sgn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HarnessTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int harness(Map<String, BenchCase> cases, String... args) {
    return Harness.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        cases);
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Worker threads of parallel elements still alive: none may outlive a run. */
  private static List<String> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("sgn-worker-") || name.contains("-pool-"))
        .sorted()
        .toList();
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theProcessCaseRunsThroughAWorkerProcessAndChecksWhatComesBack() {
    int status = harness(Harness.CASES, "process", "40");

    assertThat(status).isZero();
    assertThat(errText()).isEmpty();
    List<String> lines = outLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).matches("process 40 frames \\d+\\.\\d{3} s \\d+ frames/s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"process_bytes", "process_slices"})
  void byteCasesAlsoPrintMegabytesPerSecond(String name) {
    int status = harness(Harness.CASES, name, "40");

    assertThat(status).isZero();
    assertThat(errText()).isEmpty();
    List<String> lines = outLines();
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i))
          .matches(
              "warmup %d/3: %s 40 frames \\d+\\.\\d{3} s \\d+ frames/s \\d+\\.\\d MB/s"
                  .formatted(i + 1, name));
    }
    assertThat(lines.get(3))
        .matches(name + " 40 frames \\d+\\.\\d{3} s \\d+ frames/s \\d+\\.\\d MB/s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"core", "core_callable", "thread", "pool"})
  void coreCasesWarmUpThreeTimesThenPrintTheMeasuredRunAsTheLastLine(String name) {
    int status = harness(Harness.CASES, name, "2000");

    assertThat(status).isZero();
    assertThat(errText()).isEmpty();
    List<String> lines = outLines();
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i))
          .matches(
              "warmup " + (i + 1) + "/3: " + name + " 2000 frames \\d+\\.\\d{3} s \\d+ frames/s");
    }
    assertThat(lines.get(3)).matches(name + " 2000 frames \\d+\\.\\d{3} s \\d+ frames/s");
    assertThat(workerThreads()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipelined_core", "pipelined_heavy"})
  void pipelinedCasesPrintTheLockStepFigureOfTheSameRunsBeforeTheReportLine(String name) {
    int status = harness(Harness.CASES, name, "300");

    assertThat(status).isZero();
    assertThat(errText()).isEmpty();
    List<String> lines = outLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(3))
        .matches(
            "lock-step: \\d+ frames/s; pipelined \\d+\\.\\d{2} x lock-step \\(measured run\\),"
                + " \\d+\\.\\d{2} x over all runs");
    assertThat(lines.get(4)).matches(name + " 300 frames \\d+\\.\\d{3} s \\d+ frames/s");
    assertThat(workerThreads()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"close", "process_close"})
  void closeCasesPrintTheCloseTimeOverAllRunsJustBeforeTheReportLine(String name) {
    int status = harness(Harness.CASES, name, "500");

    assertThat(status).isZero();
    assertThat(errText()).isEmpty();
    List<String> lines = outLines();
    assertThat(lines).hasSize(5);
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i))
          .matches(
              "warmup " + (i + 1) + "/3: " + name + " 500 frames \\d+\\.\\d{3} s \\d+ frames/s");
    }
    assertThat(lines.get(3))
        .matches(
            "close: \\d+\\.\\d{3} ms mean, \\d+\\.\\d{3} ms max after the last frame \\(4 runs\\)");
    assertThat(lines.get(4)).matches(name + " 500 frames \\d+\\.\\d{3} s \\d+ frames/s");
    assertThat(workerThreads()).isEmpty();
  }

  @Test
  void theFlinkCaseWarmsUpOnceAndPrintsBothSidesAndTheirRatioBeforeTheReportLine() {
    int status = harness(Harness.CASES, "flink", "500");

    assertThat(status).isZero();
    List<String> lines = outLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).matches("warmup 1/1: flink 500 frames \\d+\\.\\d{3} s \\d+ frames/s");
    assertThat(lines.get(1)).matches("flink sgn4j startup \\d+\\.\\d{2} s, \\d+ frames/s");
    assertThat(lines.get(2)).matches("flink plain startup \\d+\\.\\d{2} s, \\d+ frames/s");
    assertThat(lines.get(3)).matches("flink sgn4j/plain steady rate \\d+\\.\\d{2}");
    assertThat(lines.get(4)).matches("flink 500 frames \\d+\\.\\d{3} s \\d+ frames/s");
  }

  @Test
  void flinkCaseRunsCheckBothSidesAndMeasureStartupsWithinTheRuns() {
    BenchCase.Result result = new FlinkCase("flink").run(1000);

    assertThat(result.frames()).isEqualTo(1000);
    Map<String, Long> nanos = result.extraNanos();
    assertThat(nanos)
        .containsOnlyKeys(
            FlinkCase.SGN4J_STARTUP,
            FlinkCase.SGN4J_STEADY,
            FlinkCase.PLAIN_STARTUP,
            FlinkCase.PLAIN_STEADY,
            FlinkCase.PLAIN_RUN);
    assertThat(nanos.get(FlinkCase.SGN4J_STARTUP)).isPositive();
    assertThat(nanos.get(FlinkCase.SGN4J_STARTUP) + nanos.get(FlinkCase.SGN4J_STEADY))
        .isLessThan(result.nanos());
    assertThat(nanos.get(FlinkCase.PLAIN_STARTUP)).isPositive();
    assertThat(nanos.get(FlinkCase.PLAIN_STARTUP) + nanos.get(FlinkCase.PLAIN_STEADY))
        .isLessThan(nanos.get(FlinkCase.PLAIN_RUN));
  }

  @Test
  void flinkSummaryGivesTheMeasuredRunsStartupsRatesAndTheirRatio() {
    var flink = new FlinkCase("flink");
    List<BenchCase.Result> runs =
        List.of(
            new BenchCase.Result(
                10,
                5,
                Map.of(
                    FlinkCase.SGN4J_STARTUP, 1L,
                    FlinkCase.SGN4J_STEADY, 1L,
                    FlinkCase.PLAIN_STARTUP, 1L,
                    FlinkCase.PLAIN_STEADY, 1L,
                    FlinkCase.PLAIN_RUN, 1L)),
            new BenchCase.Result(
                2_000_000,
                9_000_000_000L,
                Map.of(
                    FlinkCase.SGN4J_STARTUP, 2_410_000_000L,
                    FlinkCase.SGN4J_STEADY, 4_000_000_000L,
                    FlinkCase.PLAIN_STARTUP, 1_980_000_000L,
                    FlinkCase.PLAIN_STEADY, 1_000_000_000L,
                    FlinkCase.PLAIN_RUN, 4_000_000_000L)));

    assertThat(flink.summary(runs))
        .containsExactly(
            "flink sgn4j startup 2.41 s, 500000 frames/s",
            "flink plain startup 1.98 s, 2000000 frames/s",
            "flink sgn4j/plain steady rate 0.25");
  }

  @Test
  void aCaseMayAskForFewerWarmUpRunsButNotForNone() {
    List<Long> runs = new ArrayList<>();
    BenchCase once = withWarmupRuns(recordingCase(runs), 1);

    int status = harness(Map.of("rec", once), "rec", "10");

    assertThat(status).isZero();
    assertThat(runs).containsExactly(10L, 10L);
    assertThat(outLines()).hasSize(2);
    assertThat(outLines().get(0)).startsWith("warmup 1/1: rec 10 frames ");

    int none = harness(Map.of("rec", withWarmupRuns(recordingCase(runs), 0)), "rec", "10");

    assertThat(none).isEqualTo(1);
    assertThat(errText())
        .startsWith(
            "case rec with 10 frames failed: java.lang.IllegalStateException: case rec asks for 0"
                + " warm-up runs; at least 1 required\n");
  }

  @Test
  void closeSummaryIsTheMeanAndMaxOfTheCloseTimesOfEveryRun() {
    var close = new CloseCase("close", false);
    List<BenchCase.Result> runs =
        List.of(
            new BenchCase.Result(10, 5, Map.of(CloseCase.CLOSE, 1_000_000L)),
            new BenchCase.Result(10, 5, Map.of(CloseCase.CLOSE, 3_500_000L)),
            new BenchCase.Result(10, 5, Map.of(CloseCase.CLOSE, 500_000L)),
            new BenchCase.Result(20, 9, Map.of(CloseCase.CLOSE, 3_000_000L)));

    assertThat(close.summary(runs))
        .containsExactly("close: 2.000 ms mean, 3.500 ms max after the last frame (4 runs)");
  }

  @Test
  void closeCaseRunsCheckTheSinkTotalsAndRecordAPositiveCloseTime() {
    BenchCase.Result result = new CloseCase("close", false).run(1000);

    assertThat(result.frames()).isEqualTo(1000);
    assertThat(result.extraNanos()).containsOnlyKeys(CloseCase.CLOSE);
    assertThat(result.extraNanos().get(CloseCase.CLOSE)).isPositive().isLessThan(result.nanos());
    assertThat(workerThreads()).isEmpty();
  }

  @Test
  void casesWithoutExtraMeasurementsPrintNoSummary() {
    assertThat(Harness.CASES.get("core").summary(List.of(new BenchCase.Result(1, 1)))).isEmpty();
    assertThat(new BenchCase.Result(1, 1).extraNanos()).isEmpty();
  }

  @Test
  void warmUpRunsAreCappedAtOneMillionFrames() {
    List<Long> runs = new ArrayList<>();
    BenchCase recording = recordingCase(runs);

    harness(Map.of("rec", recording), "rec", "3000000");

    assertThat(runs).containsExactly(1_000_000L, 1_000_000L, 1_000_000L, 3_000_000L);
  }

  @Test
  void unknownCaseListsTheKnownCasesAndExitsWith2() {
    int status = harness(Harness.CASES, "nope", "10");

    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(errText())
        .isEqualTo(
            "unknown case 'nope'; known cases: core, core_callable, thread, pool, process, process_bytes, process_slices, close, process_close, pipelined_core, pipelined_heavy, flink\n");
  }

  @Test
  void wrongNumberOfArgumentsPrintsTheUsageAndExitsWith2() {
    int status = harness(Harness.CASES, "core");

    assertThat(status).isEqualTo(2);
    assertThat(errText())
        .isEqualTo(
            "usage: Harness CASE FRAMES; known cases: core, core_callable, thread, pool, process, process_bytes, process_slices, close, process_close, pipelined_core, pipelined_heavy, flink\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-5", "+5", "1.5", "", "99999999999999999999"})
  void framesThatAreNotAPositiveIntegerExitWith2(String frames) {
    int status = harness(Harness.CASES, "core", frames);

    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(errText())
        .isEqualTo(
            "FRAMES must be a positive integer (at most 9223372036854775807), got '"
                + frames
                + "'\n");
  }

  @Test
  void aCaseWhoseCheckFailsExitsWith1AndSaysWhy() {
    BenchCase broken =
        new BenchCase() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public Result run(long frames) {
            throw new IllegalStateException("sink received 0 data frames");
          }
        };

    int status = harness(Map.of("broken", broken), "broken", "10");

    assertThat(status).isEqualTo(1);
    assertThat(out.size()).isZero();
    assertThat(errText())
        .startsWith(
            "case broken with 10 frames failed: java.lang.IllegalStateException: sink received 0"
                + " data frames\n");
  }

  @ParameterizedTest
  @EnumSource(CorePipeline.Doubling.class)
  void checkOfAPipelineThatDidNotRunNamesExpectedAndActualTotals(CorePipeline.Doubling doubling) {
    CorePipeline pipeline = CorePipeline.build(3, doubling);

    assertThatThrownBy(pipeline::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sink received 0 data frames summing to 0; expected 3 frames summing to 12");
  }

  @Test
  void corePipelineCanBeRunAgainAndSendsTheSameFramesEachTime() {
    for (CorePipeline.Doubling doubling : CorePipeline.Doubling.values()) {
      CorePipeline pipeline = CorePipeline.build(1000, doubling);
      for (int run = 0; run < 3; run++) {
        pipeline.run();
        pipeline.check();
        assertThat(pipeline.sum()).isEqualTo(1000L * 1001);
      }
    }
    assertThat(workerThreads()).isEmpty();
  }

  @Test
  void resultLineHasThreeDecimalsAndAnIntegerRate() {
    BenchCase.Result result = new BenchCase.Result(5_000_000, 241_000_000);

    assertThat(result.format("core")).isEqualTo("core 5000000 frames 0.241 s 20746888 frames/s");
  }

  @Test
  void aResultOfByteFramesAddsPayloadMegabytesPerSecond() {
    BenchCase.Result result = new BenchCase.Result(2000, 1_000_000_000, Map.of(), 1 << 20);

    assertThat(result.format("process_bytes"))
        .isEqualTo("process_bytes 2000 frames 1.000 s 2000 frames/s 2097.2 MB/s");
    assertThatThrownBy(() -> new BenchCase.Result(1, 1, Map.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frameBytes >= 0 required but it was -1");
  }

  @Test
  void twoCasesWithOneNameAreRejected() {
    List<Long> runs = new ArrayList<>();

    assertThatThrownBy(() -> Harness.register(recordingCase(runs), recordingCase(runs)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two cases are named 'rec'");
  }

  private static BenchCase withWarmupRuns(BenchCase benchCase, int warmupRuns) {
    return new BenchCase() {
      @Override
      public String name() {
        return benchCase.name();
      }

      @Override
      public Result run(long frames) {
        return benchCase.run(frames);
      }

      @Override
      public int warmupRuns() {
        return warmupRuns;
      }
    };
  }

  private static BenchCase recordingCase(List<Long> runs) {
    return new BenchCase() {
      @Override
      public String name() {
        return "rec";
      }

      @Override
      public Result run(long frames) {
        runs.add(frames);
        return new Result(frames, 1);
      }
    };
  }
}
