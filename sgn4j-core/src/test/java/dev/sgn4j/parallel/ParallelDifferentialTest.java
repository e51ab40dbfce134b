package dev.sgn4j.parallel;

import static dev.sgn4j.parallel.NoLeaks.assertNoWorkerThreads;

import dev.sgn4j.sharedtests.RandomGraph;
import dev.sgn4j.worker.WorkerMode;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random graphs run plain and with a random subset of their elements in worker threads, virtual
 * threads, pools, capacity-1 queues and compositions: every sink pad receives the same frames, and
 * every plain sink runs {@code internal()} as often, ends in the same iteration.
 */
class ParallelDifferentialTest {

  @AfterEach
  void nothingLeaks() {
    assertNoWorkerThreads();
  }

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void workersChangeNoFrameOfAnySink(long seed) {
    RandomGraph graph = RandomGraph.generate(seed);
    RandomGraph.Result plain = graph.run(Map.of());
    var placements =
        graph.randomPlacements(
            new Random(seed * 31 + 7), true, WorkerMode.THREAD, WorkerMode.VIRTUAL_THREAD);
    RandomGraph.Result moved = graph.run(placements);

    graph.assertSameFrames(placements, plain, moved);
  }
}
