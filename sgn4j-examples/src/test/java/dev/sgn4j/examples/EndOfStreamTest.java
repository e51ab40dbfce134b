package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndOfStreamTest {

  @Test
  void endOfStreamPrintsHelloElevenTimesThenStops() {
    var lines = Output.capture(() -> EndOfStream.main(new String[0]));

    assertThat(lines).containsExactlyElementsOf(Output.repeat(11, "hello"));
  }
}
