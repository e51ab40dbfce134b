package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultiplePadsTest {

  @Test
  void countingInNewFrameCountsEachPadSoEosComesInTheSixthIteration() {
    var lines = Output.capture(() -> MultiplePads.main(new String[0]));

    assertThat(lines).containsExactlyElementsOf(Output.repeat(6, "Hello!", "How are you?"));
  }
}
