package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Frame;
import dev.sgn4j.test.ElementTester;
import org.junit.jupiter.api.Test;

class TransformsTest {

  @Test
  void sinkPrintsBothGreetingsAndTheirReversalElevenTimes() {
    var lines = Output.capture(() -> Transforms.main(new String[0]));

    assertThat(lines)
        .containsExactlyElementsOf(Output.repeat(11, " Hello! How are you? ?uoy era woH !olleH"));
  }

  @Test
  void theReverserJoinsTheTwoPadsOfAnIterationAndEndsWithEitherOfThem() {
    ElementTester.of(new Transforms.Reverser())
        .input("l", "ab", "cd")
        .inputFrames("m", Frame.of("ef"), Frame.of("gh").withEos(true))
        .expectFrames("n", Frame.of("fe ba"), Frame.of("hg dc").withEos(true))
        .verify();
  }
}
