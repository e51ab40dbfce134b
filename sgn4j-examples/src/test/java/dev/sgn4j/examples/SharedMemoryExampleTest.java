package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

class SharedMemoryExampleTest {

  @RepeatedTest(10)
  void theWorkerDoublesTheSharedArrayInPlaceOnceAndTheScopeFreesIt() {
    var lines = Output.capture(() -> SharedMemoryExample.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "before: [1.0, 2.0, 3.0, 4.0]", "after: [2.0, 4.0, 6.0, 8.0]", "freed: true");
    assertThat(WorkerThreads.alive()).isEmpty();
  }
}
