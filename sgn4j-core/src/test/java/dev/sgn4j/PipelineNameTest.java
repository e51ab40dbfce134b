package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PipelineNameTest {

  private static Pipeline numbers(Pipeline pipeline) {
    return pipeline
        .handleSignals(false)
        .connect(
            IterSource.of("numbers", "in", List.of(1, 2)),
            new CollectSink("collect", List.of("in")));
  }

  @Test
  void aNamedPipelineNamesItsRuns() throws Exception {
    var pipeline = numbers(new Pipeline("h1-whitening"));

    Run first = pipeline.start();
    first.await(Duration.ofSeconds(30));
    Run second = pipeline.start();
    second.await(Duration.ofSeconds(30));

    assertThat(pipeline.name()).isEqualTo("h1-whitening");
    assertThat(first.id()).isEqualTo("h1-whitening#1");
    assertThat(second.id()).isEqualTo("h1-whitening#2");
  }

  @Test
  void anUnnamedPipelineIsNamedByItsIdentity() {
    var pipeline = new Pipeline();

    assertThat(pipeline.name())
        .isEqualTo("Pipeline@" + Integer.toHexString(System.identityHashCode(pipeline)));
  }

  @Test
  void theRunsLastLogLineNamesTheRun() throws Exception {
    List<LogRecord> records;
    try (var log = LogRecords.of("sgn.pipeline", java.util.logging.Level.INFO)) {
      numbers(new Pipeline("l1")).run();
      records = List.copyOf(log.records());
    }

    assertThat(records)
        .filteredOn(r -> r.getMessage().startsWith("Pipeline {0} run finished"))
        .singleElement()
        .satisfies(r -> assertThat(r.getParameters()[0]).isEqualTo("l1#1"))
        .satisfies(r -> assertThat(r.getParameters()[1]).isEqualTo(3L));
  }

  @Test
  void badNamesAreRefusedSayingWhatANameMayHold() {
    for (String bad : List.of("", "two words", "a/b", "x".repeat(101))) {
      assertThatThrownBy(() -> new Pipeline(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "pipeline name '" + bad + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
    }
    assertThatThrownBy(() -> new Pipeline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}
