package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.RunStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static RunStats stats(long iterations) {
    var element =
        new ElementStats(
            "sink",
            "Test",
            iterations,
            iterations,
            0,
            0,
            0,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            List.of(),
            Map.of(),
            false,
            java.util.Optional.empty());
    return new RunStats(iterations, Duration.ofSeconds(1), true, List.of(element));
  }

  private static boolean progressThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("sgn4j-progress") && t.isAlive());
  }

  @Test
  void closingEndsTheThreadAtOnceAndWritesTheFinalLine() {
    Supplier<RunStats> source = () -> stats(7);
    var reporter = new ProgressReporter(out, false, () -> 0L, Duration.ofSeconds(5));

    try (var monitor = ProgressMonitor.start(source, reporter, Duration.ofHours(1))) {
      assertThat(monitor).isNotNull();
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("run ended: 7 iterations in 1.000 s, 0 of 1 elements at EOS");
    assertThat(progressThreadAlive()).isFalse();
  }

  @Test
  void theThreadSamplesUntilClosed() throws InterruptedException {
    var sampled = new CountDownLatch(3);
    Supplier<RunStats> source =
        () -> {
          sampled.countDown();
          return stats(3 - sampled.getCount());
        };
    var reporter = new ProgressReporter(out, true, () -> 0L, Duration.ofSeconds(5));

    try (var monitor = ProgressMonitor.start(source, reporter, Duration.ofNanos(1))) {
      assertThat(sampled.await(10, TimeUnit.SECONDS)).isTrue();
    }

    String written = bytes.toString(StandardCharsets.UTF_8);
    assertThat(written).startsWith("\r").contains(" iteration");
    assertThat(written.lines().toList().getLast()).contains("run ended: ");
    assertThat(progressThreadAlive()).isFalse();
  }

  @Test
  void aRedirectedOrMissingConsoleIsNoTerminal() {
    assertThat(ProgressMonitor.isTerminal(null)).isFalse();
  }
}
