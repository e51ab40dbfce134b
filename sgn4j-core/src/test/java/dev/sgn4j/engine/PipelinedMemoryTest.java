package dev.sgn4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pipelined run keeps memory bounded by its links: 10 GB of 1 MiB frames from a fast source
 * through a slower sink go through a child JVM whose heap is 64 MiB.
 */
class PipelinedMemoryTest {

  @Test
  void tenGigabytesOfOneMebibyteFramesThroughASlowSinkFitInA64MebibyteHeap() throws Exception {
    long frames = 10_000; // 10,485,760,000 bytes
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                SlowSinkMain.class.getName(),
                Long.toString(frames),
                "8")
            .redirectErrorStream(true)
            .start();
    try {
      boolean ended = child.waitFor(180, TimeUnit.SECONDS);
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(ended).as("the child ended within 180 s").isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output.lines().toList())
          .isEqualTo(List.of(frames + " frames, 10485760000 bytes, checksum " + frames));
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
