package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.test.ElementTester;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PoolQuickStartTest {

  @RepeatedTest(3)
  void theCountsAreCollectedInInputOrder() {
    assertThat(Output.capture(() -> PoolQuickStart.main(new String[0])))
        .containsExactly("[78498, 4, 9592, 25]");
    assertThat(WorkerThreads.alive()).isEmpty();
  }

  @Test
  void primesBelowALimitLeaveTheLimitOut() {
    ElementTester.of(
            ParallelTransformElement.builder("count-primes")
                .workers(2)
                .map(f -> f.withData(PoolQuickStart.primesBelow(f.dataAs(Integer.class))))
                .build())
        .input("in", 2, 3, 11, 12)
        .expectData("out", 0L, 1L, 4L, 5L)
        .verify();
  }
}
