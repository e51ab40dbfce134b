package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Frame;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.test.ElementTester;
import dev.sgn4j.worker.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class MixedConcurrencyTest {

  @RepeatedTest(3)
  void everyNumberIsDoubledInAThreadAndSquaredInAProcess() {
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 100; n++) {
      expected.add("original " + n + ", doubled " + 2 * n + ", squared " + 4 * n * n);
    }
    expected.add("100 numbers: doubled in a worker thread, squared in a worker process");

    assertThat(Output.capture(() -> MixedConcurrency.main(new String[0])))
        .containsExactlyElementsOf(expected);
    assertThat(WorkerThreads.alive()).isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @RepeatedTest(3)
  void theSquareWorkerSquaresInAWorkerThreadAndInAWorkerProcessAlike() {
    ElementTester.ofEach(
            () ->
                ParallelTransformElement.builder("square")
                    .worker(MixedConcurrency.Square.class)
                    .build())
        .inputFrames("in", Frame.of(3), Frame.gap(), Frame.of(-4))
        .expectFrames("out", Frame.of(9), Frame.gap(), Frame.of(16), Frame.eos())
        .inModes(WorkerMode.THREAD, WorkerMode.PROCESS)
        .verify();
    assertThat(WorkerThreads.alive()).isEmpty();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }
}
