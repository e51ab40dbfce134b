package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong(1_000);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static ElementStats element(String name, String pad, long calls, boolean atEos) {
    PadStats padStats =
        new PadStats(pad, calls, calls, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return new ElementStats(
        name,
        "Test",
        calls,
        0,
        0,
        0,
        0,
        Duration.ZERO,
        Duration.ZERO,
        Duration.ZERO,
        List.of(padStats),
        Map.of(),
        atEos,
        atEos
            ? java.util.Optional.of(new dev.sgn4j.stats.EosTime(calls, Duration.ZERO))
            : java.util.Optional.empty());
  }

  /** A source that made {@code frames} frames and a sink, after {@code millis}. */
  private static RunStats stats(long iterations, long frames, long millis, boolean sourceEnded) {
    return new RunStats(
        iterations,
        Duration.ofMillis(millis),
        true,
        List.of(
            element("numbers", "numbers:src:out", frames, sourceEnded),
            element("collect", "collect:snk:in", frames, false)));
  }

  @Test
  void theTextHasIterationsFramesPerSecondElementsAtEosAndElapsedTime() {
    assertThat(ProgressReporter.describe(stats(1200, 1200, 2500, true)))
        .isEqualTo("1200 iterations, 480 frames/s, 1 of 2 elements at EOS, 2.5 s");
    assertThat(ProgressReporter.describe(stats(1, 0, 0, false)))
        .isEqualTo("1 iteration, 0 frames/s, 0 of 2 elements at EOS, 0.0 s");
  }

  @Test
  void onATerminalEachSampleRewritesTheLine() {
    var reporter = new ProgressReporter(out, true, clock::get, Duration.ofSeconds(5));

    reporter.sample(stats(1000, 1000, 1000, false));
    reporter.sample(stats(2, 2, 1000, false));
    reporter.finish(stats(3, 3, 1500, true));

    String first = "1000 iterations, 1000 frames/s, 0 of 2 elements at EOS, 1.0 s";
    String second = "2 iterations, 2 frames/s, 0 of 2 elements at EOS, 1.0 s";
    assertThat(written())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + second
                + " ".repeat(first.length() - second.length())
                + "\r"
                + " ".repeat(second.length())
                + "\r"
                + "run ended: 3 iterations in 1.500 s, 1 of 2 elements at EOS"
                + System.lineSeparator());
  }

  @Test
  void elsewhereAPlainLineIsWrittenAtMostOncePerInterval() {
    var reporter = new ProgressReporter(out, false, clock::get, Duration.ofSeconds(5));

    reporter.sample(stats(10, 10, 1000, false)); // 0 s since start: too soon
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    reporter.sample(stats(50, 50, 5000, false)); // 5 s: written
    clock.addAndGet(Duration.ofSeconds(4).toNanos());
    reporter.sample(stats(90, 90, 9000, false)); // 4 s later: too soon
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    reporter.sample(stats(100, 100, 10000, true)); // 5 s later: written
    reporter.finish(stats(101, 101, 10100, true));

    assertThat(written().lines())
        .containsExactly(
            "progress: 50 iterations, 10 frames/s, 0 of 2 elements at EOS, 5.0 s",
            "progress: 100 iterations, 10 frames/s, 1 of 2 elements at EOS, 10.0 s",
            "run ended: 101 iterations in 10.100 s, 1 of 2 elements at EOS");
  }

  @Test
  void samplesBeforeTheRunStartedShowNothing() {
    var reporter = new ProgressReporter(out, true, clock::get, Duration.ofSeconds(5));

    reporter.sample(new RunStats(0, Duration.ZERO, false, List.of()));

    assertThat(written()).isEmpty();
  }

  @Test
  void onlySourcePadsCountAsFrames() {
    RunStats stats =
        new RunStats(
            4,
            Duration.ofSeconds(1),
            false,
            List.of(
                element("a", "a:src:out", 4, true),
                element("b", "b:snk:in", 4, true),
                element("c", "c:inl:inl", 4, true)));

    assertThat(ProgressReporter.describe(stats))
        .isEqualTo("4 iterations, 4 frames/s, 3 of 3 elements at EOS, 1.0 s");
  }
}
