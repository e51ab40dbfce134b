package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

  private final Recording rec = new Recording();

  @Test
  void aPipelineWithoutSinksIsRejected() {
    assertThatThrownBy(() -> new Pipeline().check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Pipeline contains no sink elements; insert at least one SinkElement");
    assertThatThrownBy(() -> new Pipeline().insert(rec.source("s", 1, "out")).run())
        .hasMessage("Pipeline contains no sink elements; insert at least one SinkElement");
  }

  @Test
  void everyUnlinkedPadIsListed() {
    var src = rec.source("src", 1, "a", "b");
    var snk = rec.sink("snk", "a", "c");
    Pipeline pipeline = new Pipeline().connect(src, snk);

    assertThatThrownBy(pipeline::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Pipeline has 2 unlinked pads: source pad src:src:b, sink pad snk:snk:c; link every pad"
                + " (Pipeline.link or connect) or build the element without it");
  }

  @Test
  void aCycleIsNamedPadByPad() {
    var src = rec.source("src", 1, "out");
    var merge = rec.transform("merge", List.of("in", "back"), List.of("out"));
    var loop = rec.transform("loop", List.of("in"), List.of("out", "tap"));
    var snk = rec.sink("snk", "in");
    Pipeline pipeline =
        new Pipeline()
            .insert(src, merge, loop, snk)
            .link("merge:snk:in", "src:src:out")
            .link("loop:snk:in", "merge:src:out")
            .link("merge:snk:back", "loop:src:out")
            .link("snk:snk:in", "loop:src:tap");

    assertThatThrownBy(pipeline::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Pipeline has a cycle: merge:snk:back -> merge:inl:inl -> merge:src:out -> loop:snk:in"
                + " -> loop:inl:inl -> loop:src:out -> merge:snk:back; pipelines must be acyclic"
                + " (feed data back through a source that reads a queue, such as DequeSource)");
    assertThatThrownBy(pipeline::run).hasMessageStartingWith("Pipeline has a cycle: ");
  }

  @Test
  void aCompleteGraphPasses() {
    assertThatCode(
            () -> new Pipeline().connect(rec.source("s", 1, "x"), rec.sink("k", "x")).check())
        .doesNotThrowAnyException();
  }
}
