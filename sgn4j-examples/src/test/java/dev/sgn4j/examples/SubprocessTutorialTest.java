package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class SubprocessTutorialTest {

  @RepeatedTest(20)
  void theSinkWorkerLogsTheTenSquaresInOrderThenEosAndMainCountsThem() {
    var lines = Output.capture(() -> SubprocessTutorial.main(new String[0]));

    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      expected.add("Sink received on in: " + n * n);
    }
    expected.add("Sink received EOS on in");
    expected.add("Pipeline finished: 10 squares");
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(WorkerThreads.alive()).isEmpty();
  }
}
