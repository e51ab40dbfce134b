package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineBuildTest {

  private final Recording rec = new Recording();

  /** SGN's test graph: src1 (H1) -> t1 (H1 -> H1) -> snk1 (H1). */
  private Pipeline sgnGraph() {
    var src = rec.source("src1", 1, "H1");
    var t = rec.transform("t1", List.of("H1"), List.of("H1"));
    var snk = rec.sink("snk1", "H1");
    return new Pipeline()
        .insert(src, t, snk)
        .link(Map.of("t1:snk:H1", "src1:src:H1"))
        .link(Map.of(snk.sinkPad("H1"), t.sourcePad("H1")));
  }

  @Test
  void nodesAreTheSortedFullPadNames() {
    Pipeline pipeline = sgnGraph();

    assertThat(pipeline.nodes())
        .containsExactly("snk1:snk:H1", "src1:src:H1", "t1:snk:H1", "t1:src:H1");
    assertThat(pipeline.nodes(true, true))
        .containsExactly(
            "snk1:inl:inl",
            "snk1:snk:H1",
            "src1:inl:inl",
            "src1:src:H1",
            "t1:inl:inl",
            "t1:snk:H1",
            "t1:src:H1");
    assertThat(pipeline.nodes(false, false)).containsExactly("snk1", "src1", "t1");
  }

  @Test
  void edgesAreTheSortedLinks() {
    Pipeline pipeline = sgnGraph();

    assertThat(pipeline.edges())
        .containsExactly(
            new Pipeline.Edge("src1:src:H1", "t1:snk:H1"),
            new Pipeline.Edge("t1:src:H1", "snk1:snk:H1"));
    assertThat(pipeline.edges(false, false))
        .containsExactly(new Pipeline.Edge("src1", "t1"), new Pipeline.Edge("t1", "snk1"));
    assertThat(pipeline.edges(true, true))
        .containsExactly(
            new Pipeline.Edge("snk1:snk:H1", "snk1:inl:inl"),
            new Pipeline.Edge("src1:inl:inl", "src1:src:H1"),
            new Pipeline.Edge("src1:src:H1", "t1:snk:H1"),
            new Pipeline.Edge("t1:inl:inl", "t1:src:H1"),
            new Pipeline.Edge("t1:snk:H1", "t1:inl:inl"),
            new Pipeline.Edge("t1:src:H1", "snk1:snk:H1"));
  }

  @Test
  void elementsAndPadsAreFoundByName() {
    Pipeline pipeline = sgnGraph();

    assertThat(pipeline.element("t1").name()).isEqualTo("t1");
    assertThat(pipeline.pad("t1:src:H1")).isInstanceOf(SourcePad.class);
    assertThat(pipeline.elements()).extracting(Element::name).containsExactly("src1", "t1", "snk1");
    assertThat(pipeline.sinks()).extracting(Element::name).containsExactly("snk1");
    assertThat(((SinkPad) pipeline.pad("t1:snk:H1")).upstream())
        .containsSame((SourcePad) pipeline.pad("src1:src:H1"));
    assertThat(((SourcePad) pipeline.pad("src1:src:H1")).downstream())
        .containsExactly((SinkPad) pipeline.pad("t1:snk:H1"));
  }

  @Test
  void unknownNamesSuggestNearMatches() {
    Pipeline pipeline = sgnGraph();

    assertThatThrownBy(() -> pipeline.pad("src1:src:H2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No pad named 'src1:src:H2' in this pipeline; did you mean 'src1:src:H1'?");
    assertThatThrownBy(() -> pipeline.element("t2"))
        .hasMessage("No element named 't2' in this pipeline; did you mean 't1'?");
    assertThatThrownBy(() -> pipeline.element("completely-different"))
        .hasMessage("No element named 'completely-different' in this pipeline");
  }

  @Test
  void insertRejectsNullsDuplicatesAndElementsOfOtherPipelines() {
    var a = rec.source("a", 1, "out");
    var b = rec.source("a", 1, "out");
    Pipeline pipeline = new Pipeline().insert(a);

    assertThatThrownBy(() -> pipeline.insert((Element) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("insert: element 0 is null");
    assertThatThrownBy(() -> pipeline.insert(a))
        .hasMessage("Element 'a' is already in this pipeline");
    assertThatThrownBy(() -> pipeline.insert(b))
        .hasMessage(
            "Element name 'a' is already in use in this pipeline by a (Source); element names must"
                + " be unique");
    assertThatThrownBy(() -> new Pipeline().insert(a))
        .hasMessage(
            "Element 'a' already belongs to another pipeline; an element can be in one pipeline"
                + " only");
    var c = rec.source("c", 1, "out");
    assertThatThrownBy(() -> new Pipeline().insert(c, c))
        .hasMessage("Element 'c' is passed to insert twice");
    assertThat(pipeline.elements()).containsExactly(a);
  }

  @Test
  void fanInToOneSinkPadIsRejectedWithTheNamesOfBothSources() {
    var a = rec.source("a", 1, "out");
    var b = rec.source("b", 1, "out");
    var k = rec.sink("k", "in");
    Pipeline pipeline = new Pipeline().insert(a, b, k).link(k.sinkPad("in"), a.sourcePad("out"));

    assertThatThrownBy(() -> pipeline.link(k.sinkPad("in"), b.sourcePad("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot link sink pad 'k:snk:in' to 'b:src:out': it is already linked to 'a:src:out'"
                + " and a sink pad takes exactly one upstream pad; to combine both streams, link"
                + " them to two sink pads of a merging transform");
    assertThat(k.sinkPad("in").upstream()).containsSame(a.sourcePad("out"));
  }

  @Test
  void relinkingTheSamePadsIsRejected() {
    var a = rec.source("a", 1, "out");
    var k = rec.sink("k", "in");
    Pipeline pipeline = new Pipeline().insert(a, k).link("k:snk:in", "a:src:out");

    assertThatThrownBy(() -> pipeline.link("k:snk:in", "a:src:out"))
        .hasMessage("Sink pad 'k:snk:in' is already linked to 'a:src:out'; each link is made once");
    assertThat(a.sourcePad("out").downstream()).hasSize(1);
  }

  @Test
  void linkByNameChecksThePadKinds() {
    var a = rec.source("a", 1, "out");
    var k = rec.sink("k", "in");
    Pipeline pipeline = new Pipeline().insert(a, k);

    assertThatThrownBy(() -> pipeline.link("a:src:out", "k:snk:in"))
        .hasMessage(
            "'a:src:out' is not a sink pad; link takes the sink pad first, then the source pad");
    assertThatThrownBy(() -> pipeline.link("k:snk:in", "k:inl:inl"))
        .hasMessage(
            "'k:inl:inl' is not a source pad; link takes the sink pad first, then the source pad");
    assertThatThrownBy(() -> pipeline.link(Map.of(1, "a:src:out")))
        .hasMessage("link map keys must be sink pads or full sink pad names, got 1 (Integer)");
  }

  @Test
  void linkingAPadOfAnElementNotInsertedIsRejected() {
    var a = rec.source("a", 1, "out");
    var k = rec.sink("k", "in");
    Pipeline pipeline = new Pipeline().insert(k);

    assertThatThrownBy(() -> pipeline.link(k.sinkPad("in"), a.sourcePad("out")))
        .hasMessage(
            "Element 'a' of pad 'a:src:out' is not in this pipeline; insert it first (connect"
                + " inserts by itself)");
  }

  @Test
  void aLinkMapIsAllOrNothing() {
    var a = rec.source("a", 1, "x", "y");
    var k = rec.sink("k", "x", "y");
    var other = rec.source("other", 1, "out");
    Pipeline pipeline = new Pipeline().insert(a, k, other).link("k:snk:y", "other:src:out");
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("k:snk:x", "a:src:x");
    map.put("k:snk:y", "a:src:y");

    assertThatThrownBy(() -> pipeline.link(map)).hasMessageContaining("already linked");
    assertThat(k.sinkPad("x").isLinked()).isFalse();
  }
}
