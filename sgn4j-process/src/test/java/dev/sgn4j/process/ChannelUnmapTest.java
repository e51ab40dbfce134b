package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.stats.WorkerStats;
import dev.sgn4j.worker.WorkerMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's worker channels are unmapped when it ends, not left to a garbage collection that may
 * never come (16 MiB of address space, and of /dev/shm pages, per worker per run).
 */
class ChannelUnmapTest {

  @BeforeEach
  void unmappingIsPossibleHere() {
    assumeTrue(
        SharedFile.canUnmap(),
        "unmapping on demand needs Java 22 or later; this JVM is " + Runtime.version());
    assumeTrue(
        Files.isReadable(Path.of("/proc/self/maps")),
        "mappings are read from /proc/self/maps, which this system does not have");
  }

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  private static ParallelTransformElement square(String name) {
    return ParallelTransformElement.builder(name)
        .mode(WorkerMode.PROCESS)
        .worker(ProcessModeTest.Square.class)
        .build();
  }

  @Test
  void everyRunUnmapsItsWorkerChannelsWhenItEndsWithoutAGarbageCollection() {
    for (int run = 1; run <= 8; run++) {
      var square = square("square");
      var again = square("again");
      var sink = new CollectSink("collect", List.of("in"));
      Pipeline pipeline =
          new Pipeline()
              .connect(IterSource.of("numbers", "out", List.of(1, 2, 3)), square)
              .connect(square, again)
              .connect(again, sink);
      pipeline.run();

      assertThat(sink.collected("in")).as("run %d", run).containsExactly(1, 16, 81);
      assertThat(ProcessLeaks.mappedChannels()).as("channels mapped after run %d", run).isEmpty();
      WorkerStats workers = pipeline.stats().element("square").workers().orElseThrow();
      assertThat(workers.queuedIn()).isZero();
      assertThat(workers.queuedOut()).isZero();
      assertThat(workers.workers()).isEqualTo(1);
      assertThat(workers.mode()).isEqualTo("PROCESS");
    }
  }
}
