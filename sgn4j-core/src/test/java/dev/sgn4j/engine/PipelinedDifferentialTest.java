package dev.sgn4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Random graphs (fan-out, multi-input transforms, sources ending in different iterations, both EOS
 * policies, random costs per element) run by the lock-step loop and by the pipelined scheduler with
 * random pool sizes and link capacities, some with elements in worker threads: every sink pad and
 * every pad of every transform sees the same frames in the same order (see {@link
 * RandomGraph#assertSamePads} for transforms still streaming at the end).
 */
class PipelinedDifferentialTest {

  @AfterEach
  void noPoolThreadOutlivesItsRun() {
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.isAlive() && thread.getName().contains("-pool-"));
  }

  static LongStream seeds() {
    return LongStream.range(0, 500);
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thePipelinedSchedulerGivesEveryPadTheFramesOfTheLockStepLoop(long seed) {
    RandomGraph graph = RandomGraph.generate(seed);
    Random random = new Random(seed * 13 + 5);
    var placements =
        random.nextInt(4) == 0
            ? graph.randomPlacements(random, true, WorkerMode.THREAD, WorkerMode.VIRTUAL_THREAD)
            : Map.<String, RandomGraph.Placement>of();
    int[] capacities = {1, 2, 3, 8, 64};
    RunOptions options =
        RunOptions.defaults()
            .scheduler(Scheduler.PIPELINED)
            .threads(1 + random.nextInt(4))
            .linkCapacity(capacities[random.nextInt(capacities.length)]);
    boolean costs = random.nextBoolean();

    RandomGraph.Result lockStep = graph.run(Map.of(), RunOptions.defaults(), costs);
    RandomGraph.Result pipelined = graph.run(placements, options, costs);

    graph.assertSameFrames(placements, lockStep, pipelined);
    // A parallel element stops pulling once at EOS, so with workers the elements before it may
    // repeat EOS fewer times; every pad's stream up to its first EOS is still the same.
    graph.assertSamePads(
        lockStep, pipelined, placements.isEmpty(), options + ", workers: " + placements);
  }
}
