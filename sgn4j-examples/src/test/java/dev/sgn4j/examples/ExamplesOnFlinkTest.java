package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.flink.FlinkRunner;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SGN tutorial pipelines that need no local-only feature (signals, the control server, worker
 * threads of this JVM) run on sgn4j's embedded Flink runner and print exactly what they print
 * locally: the elements travel to the task manager, which runs in this JVM and prints here.
 */
class ExamplesOnFlinkTest {

  static Stream<Arguments> tutorials() {
    return Stream.of(
        Arguments.of("EndOfStream", (Supplier<Pipeline>) EndOfStream::pipeline),
        Arguments.of("MultiplePads", (Supplier<Pipeline>) MultiplePads::pipeline),
        Arguments.of("Transforms", (Supplier<Pipeline>) Transforms::pipeline),
        Arguments.of("InternalPads 1", (Supplier<Pipeline>) () -> InternalPads.pipeline(1)),
        Arguments.of("InternalPads 2", (Supplier<Pipeline>) () -> InternalPads.pipeline(2)),
        Arguments.of("PadSelection", (Supplier<Pipeline>) PadSelection::pipeline),
        Arguments.of(
            "ConnectionStrategies.equalNames",
            (Supplier<Pipeline>) ConnectionStrategies::equalNames),
        Arguments.of(
            "ConnectionStrategies.fanOut", (Supplier<Pipeline>) ConnectionStrategies::fanOut),
        Arguments.of(
            "ConnectionStrategies.explicitMap",
            (Supplier<Pipeline>) ConnectionStrategies::explicitMap));
  }

  @org.junit.jupiter.api.Test
  void theFlinkQuickStartPrintsTheTenfoldNumbers() {
    assertThat(Output.capture(() -> FlinkQuickStart.main(new String[0])))
        .containsExactly("[10, 20, 30]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tutorials")
  void printsWhatTheLocalRunPrints(String name, Supplier<Pipeline> pipeline) {
    List<String> local = Output.capture(() -> pipeline.get().run());
    List<String> flink = Output.capture(() -> FlinkRunner.embedded().run(pipeline.get()));
    assertThat(local).as("%s locally", name).isNotEmpty();
    assertThat(flink).as("%s on Flink", name).isEqualTo(local);
  }
}
