package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

class SharedMemoryExampleTest {

  @RepeatedTest(10)
  void theWorkerDoublesTheSharedArrayInPlaceOnceAndTheScopeFreesIt() {
    var lines = Output.capture(() -> SharedMemoryExample.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "worker mode: THREAD",
            "before: [1.0, 2.0, 3.0, 4.0]",
            "after: [2.0, 4.0, 6.0, 8.0]",
            "freed: true");
    assertThat(WorkerThreads.alive()).isEmpty();
  }

  @RepeatedTest(3)
  void aWorkerProcessChangesTheSharedArrayAndTheParentSeesIt() {
    var lines = Output.capture(() -> SharedMemoryExample.main(new String[] {"process"}));

    assertThat(lines)
        .containsExactly(
            "worker mode: PROCESS",
            "before: [1.0, 2.0, 3.0, 4.0]",
            "after: [2.0, 4.0, 6.0, 8.0]",
            "freed: true");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
