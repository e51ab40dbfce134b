package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demoRunsSourceThenTransformThenSinkInEveryIterationAndEndsOnTheLastReading() {
    var lines = Output.capture(() -> Demo.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "sgn4j demo: thermometer -> to-fahrenheit -> display",
            "iteration 1: thermometer sends 21.5 C",
            "iteration 1: to-fahrenheit converts 21.5 C to 70.7 F",
            "iteration 1: display shows 70.7 F",
            "iteration 2: thermometer sends 23.0 C",
            "iteration 2: to-fahrenheit converts 23.0 C to 73.4 F",
            "iteration 2: display shows 73.4 F",
            "iteration 3: thermometer sends 19.0 C, end of stream",
            "iteration 3: to-fahrenheit converts 19.0 C to 66.2 F, end of stream",
            "iteration 3: display shows 66.2 F, end of stream",
            "display got 3 readings in 3 iterations, average 70.1 F");
  }

  @Test
  void demoPrintsTheSameOutputOnEveryRun() {
    var first = Output.capture(() -> Demo.main(new String[0]));
    var second = Output.capture(() -> Demo.main(new String[] {"ignored"}));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void runHandsThePipelineToTheRunnerBetweenTitleAndSummary() {
    var iterations = new java.util.concurrent.atomic.AtomicLong();
    var lines =
        Output.capture(
            () ->
                Demo.run(
                    pipeline -> {
                      pipeline.run();
                      iterations.set(pipeline.stats().iterations());
                    }));

    assertThat(lines).isEqualTo(Output.capture(() -> Demo.main(new String[0])));
    assertThat(iterations).hasValue(3);
  }
}
