package dev.sgn4j.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.flink.TestElements.MegabyteCheck;
import dev.sgn4j.flink.TestElements.Megabytes;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Frames through Flink's network stack between two task managers, and what a run leaves behind:
 * nothing.
 */
class ClusterTest {

  @Test
  void megabyteFramesCrossTwoTaskManagersThroughAnOrderedParallelMap() {
    var source = new Megabytes("bytes", 24);
    var plusOne =
        ParallelTransformElement.builder("plus-one")
            .workers(4)
            .map(TestElements.PlusOne.class)
            .build();
    var check = new MegabyteCheck("check");
    Pipeline p = new Pipeline("megabytes").connect(source, plusOne).connect(plusOne, check);
    FlinkRunner.embedded().taskManagers(2).chaining(false).run(p);
    assertThat(check.wrong).isEmpty();
    assertThat(check.frames).isEqualTo(24);
    assertThat(check.atEos()).isTrue();
  }

  @Test
  void backToBackRunsInOneJvmLeaveNoThreadsNorFiles() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Set<Path> tmpBefore = listing(Path.of(System.getProperty("java.io.tmpdir")));
    for (int run = 1; run <= 2; run++) {
      var sink = new CollectSink("collect", List.of("in"));
      FlinkRunner.embedded()
          .run(new Pipeline("again").connect(IterSource.of("n", "out", List.of(run, 7)), sink));
      assertThat(sink.collected("in")).containsExactly(run, 7);
    }
    List<String> left = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (before.contains(thread) || processWide(thread)) {
        continue;
      }
      thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (thread.isAlive()) {
        left.add(thread.getName());
      }
    }
    assertThat(left).as("threads left by two Flink runs").isEmpty();
    Set<Path> tmpAfter = listing(Path.of(System.getProperty("java.io.tmpdir")));
    tmpAfter.removeAll(tmpBefore);
    assertThat(tmpAfter)
        .as("files left in the temporary directory (target/ in this build)")
        .isEmpty();
    assertThat(listing(Path.of("/dev/shm")).stream().filter(f -> f.toString().contains("sgn4j")))
        .isEmpty();
  }

  /**
   * Threads that belong to the JVM, not to a run: the JDK's common pool (its idle workers end by
   * themselves) and the one daemon thread behind Flink's static {@code FutureUtils} delays, started
   * once by the first Flink client and shared by every later one.
   */
  private static boolean processWide(Thread thread) {
    return thread.getName().startsWith("ForkJoinPool.commonPool-worker-")
        || (thread.getName().equals("FlinkCompletableFutureDelayScheduler-thread-1")
            && thread.isDaemon());
  }

  private static Set<Path> listing(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new java.util.HashSet<>();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.collect(Collectors.toCollection(java.util.HashSet::new));
    }
  }
}
