package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsMonitoringTest {

  private static final String HEADER =
      "--- Stats from stats_printer:snk:stats_in at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ---";
  private static final String SIZE = "(\\d+\\.\\d (MiB|GiB)|n/a)";
  private static final String PERCENT = "(\\d+\\.\\d%|n/a)";
  private static final String PROCESS = process(Long.toString(ProcessHandle.current().pid()));

  private static String process(String pid) {
    return "process: pid "
        + pid
        + ", cpu "
        + PERCENT
        + ", heap "
        + SIZE
        + " used of "
        + SIZE
        + ", \\d+ threads \\(peak \\d+\\), \\d+ GCs in \\d+ ms";
  }

  private static final String SYSTEM =
      "system: "
          + Runtime.getRuntime().availableProcessors()
          + " processors, load (\\d+\\.\\d\\d|n/a), cpu "
          + PERCENT
          + ", memory "
          + SIZE
          + " free of "
          + SIZE;

  @Test
  void printsTheAskedNumberOfReportsThenEnds() {
    List<String> lines = Output.capture(() -> StatsMonitoring.run(3, null, null));

    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).isEqualTo("Monitoring the JVM, press Ctrl+C to stop");
    for (int report = 0; report < 3; report++) {
      assertThat(lines.get(1 + 3 * report)).matches(HEADER);
      assertThat(lines.get(2 + 3 * report)).matches(PROCESS);
      assertThat(lines.get(3 + 3 * report)).matches(SYSTEM);
    }
    assertThat(lines.subList(10, 12))
        .containsExactly(
            "End of stream detected on stats_printer:snk:stats_in",
            "Monitoring stopped; reports printed: 3");
  }

  @Test
  void framesWithinTheIntervalPrintNothing() {
    // An interval of an hour: only the first frame has figures.
    List<String> lines = Output.capture(() -> StatsMonitoring.run(4, Duration.ofHours(1), null));

    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).matches(HEADER);
    assertThat(lines.subList(4, 6))
        .containsExactly(
            "End of stream detected on stats_printer:snk:stats_in",
            "Monitoring stopped; reports printed: 1");
  }

  @Test
  void aBadReportCountIsRejected() {
    for (String bad : List.of("0", "-3", "many")) {
      assertThatThrownBy(() -> StatsMonitoring.main(new String[] {bad}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "StatsMonitoring: the number of reports must be a whole number of at least 1, but"
                  + " it was '"
                  + bad
                  + "'; leave it out to run until Ctrl+C");
    }
  }

  @Test
  void ctrlCEndsTheWaitAndTheRun() throws Exception {
    ChildProgram.assumeSigintDeliverable();
    Duration deadline = Duration.ofSeconds(30);
    try (var child = ChildProgram.start(StatsMonitoring.class)) {
      // The first report comes after the first 2-second wait.
      child.awaitOutput(lines -> lines.size() >= 4, deadline, "the first report");

      child.signal("INT");

      assertThat(child.awaitExit(deadline)).as("exit status; errors: %s", child.errors()).isZero();
      List<String> lines = child.lines();
      assertThat(lines.get(0)).isEqualTo("Monitoring the JVM, press Ctrl+C to stop");
      int reports = (lines.size() - 3) / 3;
      assertThat(lines).hasSize(3 + 3 * reports);
      for (int report = 0; report < reports; report++) {
        assertThat(lines.get(1 + 3 * report)).matches(HEADER);
        assertThat(lines.get(2 + 3 * report)).matches(process("\\d+"));
        assertThat(lines.get(3 + 3 * report)).matches(SYSTEM);
      }
      assertThat(lines.subList(lines.size() - 2, lines.size()))
          .containsExactly(
              "End of stream detected on stats_printer:snk:stats_in",
              "Monitoring stopped; reports printed: " + reports);
    }
  }
}
