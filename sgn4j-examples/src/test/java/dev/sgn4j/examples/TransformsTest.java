package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransformsTest {

  @Test
  void sinkPrintsBothGreetingsAndTheirReversalElevenTimes() {
    var lines = Output.capture(() -> Transforms.main(new String[0]));

    assertThat(lines)
        .containsExactlyElementsOf(Output.repeat(11, " Hello! How are you? ?uoy era woH !olleH"));
  }
}
