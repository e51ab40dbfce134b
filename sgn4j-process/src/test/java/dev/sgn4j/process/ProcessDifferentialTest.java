package dev.sgn4j.process;

import dev.sgn4j.RunOptions;
import dev.sgn4j.Scheduler;
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
 * Random graphs (see sgn4j-core's {@code ParallelDifferentialTest}) run plain and with some
 * transforms in worker processes and others in worker threads: every sink pad receives the same
 * frames, every sink runs {@code internal()} as often.
 */
class ProcessDifferentialTest {

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  /** Graphs in which at least one transform goes to a worker process. */
  static LongStream seeds() {
    return LongStream.range(0, 200)
        .filter(
            seed ->
                placements(RandomGraph.generate(seed), seed).values().stream()
                    .anyMatch(p -> p.mode() == WorkerMode.PROCESS))
        .limit(8);
  }

  private static Map<String, RandomGraph.Placement> placements(RandomGraph graph, long seed) {
    return graph.randomPlacements(
        new Random(seed * 17 + 3), false, WorkerMode.PROCESS, WorkerMode.THREAD);
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workerProcessesChangeNoFrameOfAnySink(long seed) {
    RandomGraph graph = RandomGraph.generate(seed);
    RandomGraph.Result plain = graph.run(Map.of());
    var placements = placements(graph, seed);
    RandomGraph.Result moved = graph.run(placements);

    graph.assertSameFrames(placements, plain, moved);
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void workerProcessesUnderThePipelinedSchedulerChangeNoFrameOfAnySink(long seed) {
    RandomGraph graph = RandomGraph.generate(seed);
    RandomGraph.Result plain = graph.run(Map.of());
    var placements = placements(graph, seed);
    RandomGraph.Result moved =
        graph.run(
            placements, RunOptions.defaults().scheduler(Scheduler.PIPELINED).threads(2), false);

    graph.assertSameFrames(placements, plain, moved);
  }
}
