package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  @RepeatedTest(5)
  void countsComeOutInInputOrderWhateverWorkerFinishesFirst() {
    var lines = Output.capture(() -> WorkerPool.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "primes below 1000000: 78498",
            "primes below 10: 4",
            "primes below 100000: 9592",
            "primes below 100: 25",
            "primes below 500000: 41538",
            "primes below 1000: 168",
            "primes below 50000: 5133",
            "primes below 10000: 1229",
            "8 counts in input order from 4 workers");
    assertThat(WorkerThreads.alive()).isEmpty();
  }

  @Test
  void trialDivisionCountsThePrimesStrictlyBelowTheLimit() {
    assertThat(WorkerPool.Count.below(2)).isEqualTo(new WorkerPool.Count(2, 0));
    assertThat(WorkerPool.Count.below(3)).isEqualTo(new WorkerPool.Count(3, 1));
    assertThat(WorkerPool.Count.below(11)).isEqualTo(new WorkerPool.Count(11, 4));
    assertThat(WorkerPool.Count.below(12)).isEqualTo(new WorkerPool.Count(12, 5));
  }
}
