package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryProfilingTest {

  private static final String KIB = "\\d+\\.\\d KiB";

  /** The report of one iteration of the two-element pipeline: six lines. */
  private static List<Pattern> report(int iteration, String prefix) {
    return List.of(
        Pattern.compile(
            Pattern.quote(prefix + "[MEMPROF] Iteration " + iteration + ": heap change ")
                + "[+-]"
                + KIB
                + " \\(in use "
                + KIB
                + "\\)"),
        Pattern.compile(Pattern.quote(prefix + "[MEMPROF] Top 2 elements by allocated size")),
        Pattern.compile(Pattern.quote(prefix + "[MEMPROF] | #1: ") + "(source|sink): " + KIB),
        Pattern.compile(Pattern.quote(prefix + "[MEMPROF] | #2: ") + "(source|sink): " + KIB),
        Pattern.compile(Pattern.quote(prefix + "[MEMPROF] Total allocated size: ") + KIB));
  }

  @Test
  void everyFrameIsReceivedAndEveryIterationIsFollowedByItsMemoryReport() {
    List<String> lines = Output.capture(() -> MemoryProfiling.main(new String[0]));

    assertThat(lines).hasSize(11 * 6);
    for (int n = 1; n <= 11; n++) {
      List<String> iteration = lines.subList((n - 1) * 6, n * 6);
      assertThat(iteration.get(0)).isEqualTo("Received: Frame " + n);
      List<Pattern> expected = report(n, "");
      for (int i = 0; i < expected.size(); i++) {
        assertThat(iteration.get(i + 1)).matches(expected.get(i));
      }
      assertThat(iteration.subList(3, 5))
          .as("each element is listed once")
          .anyMatch(line -> line.contains(": source: "))
          .anyMatch(line -> line.contains(": sink: "));
    }
    assertThat(lines.stream().filter(line -> line.startsWith("Received: ")))
        .containsExactly(
            "Received: Frame 1",
            "Received: Frame 2",
            "Received: Frame 3",
            "Received: Frame 4",
            "Received: Frame 5",
            "Received: Frame 6",
            "Received: Frame 7",
            "Received: Frame 8",
            "Received: Frame 9",
            "Received: Frame 10",
            "Received: Frame 11");
  }

  @Test
  void sgnLogLevelPipelineMemprofLogsTheReportsWithoutAnyCode(@TempDir Path directory)
      throws IOException, InterruptedException {
    Path out = directory.resolve("out.txt");
    Path err = directory.resolve("err.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(EndOfStream.class.getName());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SGNLOGLEVEL", "pipeline:MEMPROF");
    Process child = builder.start();
    try {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(child.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readAllLines(out)).hasSize(11).containsOnly("hello");
    List<String> memprof =
        Files.readAllLines(err).stream().filter(line -> line.contains("[MEMPROF]")).toList();
    assertThat(memprof).hasSize(11 * 5);
    List<Pattern> first = report(1, "FINER sgn.pipeline: ");
    for (int i = 0; i < first.size(); i++) {
      assertThat(memprof.get(i)).matches(first.get(i));
    }
    assertThat(memprof.get(50)).startsWith("FINER sgn.pipeline: [MEMPROF] Iteration 11: ");
  }
}
