package dev.sgn4j.engine;

import dev.sgn4j.testsupport.Stress;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Four thousand more random graphs through {@link PipelinedDifferentialTest}'s check, in the full
 * test loop ({@code -Pstress}): races of the pipelined scheduler that show once in a few thousand
 * runs (a signal lost to a store not yet visible hung one graph in about two thousand) need this
 * many to show at all.
 */
@Tag(Stress.TAG)
class PipelinedDifferentialStressTest {

  private final PipelinedDifferentialTest test = new PipelinedDifferentialTest();

  static LongStream seeds() {
    return LongStream.range(500, 4500);
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  @org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thePipelinedSchedulerGivesEveryPadTheFramesOfTheLockStepLoop(long seed) {
    test.thePipelinedSchedulerGivesEveryPadTheFramesOfTheLockStepLoop(seed);
    test.noPoolThreadOutlivesItsRun();
  }
}
