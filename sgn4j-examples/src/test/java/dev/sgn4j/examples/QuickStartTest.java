package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void quickStartPrintsTheNumbersMultipliedByTen() {
    var lines = Output.capture(() -> QuickStart.main(new String[0]));

    assertThat(lines).containsExactly("[10, 20, 30]");
  }
}
