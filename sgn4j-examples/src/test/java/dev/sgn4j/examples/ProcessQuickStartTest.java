package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessQuickStartTest {

  @Test
  void theNumbersAreSquaredInAWorkerProcessAndCollectedInOrder() {
    assertThat(Output.capture(() -> ProcessQuickStart.main(new String[0])))
        .containsExactly("[1, 4, 9]");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
