package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectTest {

  private final Recording rec = new Recording();

  @Test
  void connectInsertsBothElementsAndLinksPadsOfTheSameName() {
    var src = rec.source("src", 1, "H1", "L1");
    var snk = rec.sink("snk", "H1", "L1");
    Pipeline pipeline = new Pipeline().connect(src, snk);

    assertThat(pipeline.elements()).containsExactly(src, snk);
    assertThat(pipeline.edges())
        .containsExactly(
            new Pipeline.Edge("src:src:H1", "snk:snk:H1"),
            new Pipeline.Edge("src:src:L1", "snk:snk:L1"));
  }

  @Test
  void partialMatchesLinkOnlyTheSharedNames() {
    var src = rec.source("src", 1, "H1", "L1", "V1");
    var snk = rec.sink("snk", "H1", "L1", "out");
    Pipeline pipeline = new Pipeline().connect(src, snk);

    assertThat(pipeline.edges())
        .containsExactly(
            new Pipeline.Edge("src:src:H1", "snk:snk:H1"),
            new Pipeline.Edge("src:src:L1", "snk:snk:L1"));
  }

  @Test
  void aSingleSourcePadLinksToASingleSinkPadOfAnotherName() {
    var src = rec.source("src", 1, "out");
    var snk = rec.sink("snk", "in");

    assertThat(new Pipeline().connect(src, snk).edges())
        .containsExactly(new Pipeline.Edge("src:src:out", "snk:snk:in"));
  }

  @Test
  void aSingleSourcePadFansOutToEverySinkPad() {
    var src = rec.source("src", 1, "output");
    var snk = rec.sink("snk", "in1", "in2", "in3");

    assertThat(new Pipeline().connect(src, snk).edges())
        .containsExactly(
            new Pipeline.Edge("src:src:output", "snk:snk:in1"),
            new Pipeline.Edge("src:src:output", "snk:snk:in2"),
            new Pipeline.Edge("src:src:output", "snk:snk:in3"));
  }

  @Test
  void manySourcePadsIntoOneSinkPadIsRejectedNotSilentlyDropped() {
    var src = rec.source("src", 1, "A", "B", "C");
    var snk = rec.sink("snk", "input");
    Pipeline pipeline = new Pipeline();

    assertThatThrownBy(() -> pipeline.connect(src, snk))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot connect the 3 source pads [A, B, C] to the single sink pad 'snk:snk:input': a"
                + " sink pad takes exactly one upstream pad; give the sink one pad per source (or"
                + " use a merging transform), or pass a link map");
    assertThat(pipeline.elements()).isEmpty();
  }

  @Test
  void anExplicitMapLinksShortNames() {
    var src = rec.source("src", 1, "out_A", "out_B");
    var snk = rec.sink("snk", "in_X", "in_Y");
    Pipeline pipeline = new Pipeline().connect(src, snk, Map.of("in_X", "out_A", "in_Y", "out_B"));

    assertThat(pipeline.edges())
        .containsExactly(
            new Pipeline.Edge("src:src:out_A", "snk:snk:in_X"),
            new Pipeline.Edge("src:src:out_B", "snk:snk:in_Y"));
  }

  @Test
  void anExplicitMapWithUnknownNamesListsTheAvailablePads() {
    var src = rec.source("src", 1, "out_A");
    var snk = rec.sink("snk", "in_X");

    assertThatThrownBy(() -> new Pipeline().connect(src, snk, Map.of("invalid_sink", "out_A")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sink pad 'invalid_sink' not found; the sink pads are [in_X]");
    assertThatThrownBy(() -> new Pipeline().connect(src, snk, Map.of("in_X", "invalid_src")))
        .hasMessage("source pad 'invalid_src' not found; the source pads are [out_A]");
  }

  @Test
  void sinksAsSourcesAndSourcesAsSinksAreRejected() {
    var src = rec.source("src", 1, "out");
    var snk = rec.sink("snk", "in");

    assertThatThrownBy(() -> new Pipeline().connect(snk, src))
        .hasMessage("Source 'snk' is a SinkElement and has no source pads");
    var other = rec.sink("other", "in");
    assertThatThrownBy(() -> new Pipeline().connect(src, rec.source("src2", 1, "in")))
        .hasMessage("Sink 'src2' is a SourceElement and has no sink pads");
    assertThat(other.sinkPads()).hasSize(1);
  }

  @Test
  void ambiguousPadSetsNeedAnExplicitMap() {
    var src = rec.source("src", 1, "a", "b", "c");
    var snk = rec.sink("snk", "x", "y");

    assertThatThrownBy(() -> new Pipeline().connect(src, snk))
        .hasMessage(
            "unable to determine unambiguous linking strategy from source pads [a, b, c] and sink"
                + " pads [x, y]; an explicit link map (sink pad name -> source pad name) is"
                + " required");
  }

  @Test
  void connectingAnAlreadyLinkedSinkPadFailsBeforeAnythingIsInserted() {
    var a = rec.source("a", 1, "out");
    var b = rec.source("b", 1, "out");
    var k = rec.sink("k", "in");
    Pipeline pipeline = new Pipeline().connect(a, k);

    assertThatThrownBy(() -> pipeline.connect(b, k)).hasMessageContaining("already linked");
    assertThat(pipeline.elements()).containsExactly(a, k);
  }

  @Test
  void connectedPipelinesRun() {
    var t = CallableTransform.fromCallable("t", f -> f.get(0).data(), "out", List.of("in"));
    var sink = new CollectSink("k", List.of("out"));
    new Pipeline().connect(IterSource.of("s", "out", List.of("a", "b")), t).connect(t, sink).run();

    assertThat(sink.collected("out")).containsExactly("a", "b");
  }
}
