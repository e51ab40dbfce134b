package dev.sgn4j;

import static dev.sgn4j.Groups.group;
import static dev.sgn4j.Groups.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Pipeline.Edge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Pipeline#connect} with groups and selections on either side. */
class ConnectGroupsTest {

  private final Recording rec = new Recording();

  @Test
  void aGroupOfAnElementAndASelectionLinksByNameAndInsertsEveryElement() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1", "V1");
    var sink = rec.sink("sink", "H1", "L1");
    Pipeline pipeline = new Pipeline().connect(group(src1, select(src2, "L1")), sink);

    assertThat(pipeline.elements()).containsExactly(src1, src2, sink);
    assertThat(pipeline.edges())
        .containsExactly(
            new Edge("src1:src:H1", "sink:snk:H1"), new Edge("src2:src:L1", "sink:snk:L1"));
    assertThat(src2.sourcePad("V1").isLinked()).isFalse();
  }

  @Test
  void oneSourcePadFansOutToAGroupOfSinks() {
    var src = rec.source("src", 2, "out");
    var s1 = rec.sink("s1", "in1");
    var s2 = rec.sink("s2", "in2");
    Pipeline pipeline = new Pipeline().connect(src, group(s1, s2));

    assertThat(pipeline.edges())
        .containsExactly(
            new Edge("src:src:out", "s1:snk:in1"), new Edge("src:src:out", "s2:snk:in2"));
    pipeline.run();
    assertThat(s1.received).extracting(Frame::data).containsExactly(1, 2, null);
    assertThat(s2.received).extracting(Frame::data).containsExactly(1, 2, null);
  }

  @Test
  void aSelectionAsSourceTakesAnExplicitLinkMap() {
    var src3 = rec.source("src3", 1, "out", "spare");
    var sink2 = rec.sink("sink2", "in");
    Pipeline pipeline = new Pipeline().connect(select(src3, "out"), sink2, Map.of("in", "out"));

    assertThat(pipeline.elements()).containsExactly(src3, sink2);
    assertThat(pipeline.edges()).containsExactly(new Edge("src3:src:out", "sink2:snk:in"));
  }

  @Test
  void theLinkMapSeesOnlyTheSelectedPads() {
    var src = rec.source("src", 1, "out", "spare");
    var sink = rec.sink("sink", "in");

    assertThatThrownBy(
            () -> new Pipeline().connect(select(src, "out"), sink, Map.of("in", "spare")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source pad 'spare' not found; the source pads are [out]");
  }

  @Test
  void selectionsSplitOneElementsPadsBetweenTwoSinks() {
    var sensor = rec.source("sensor", 2, "temp", "humidity", "co2");
    var display = rec.sink("display", "in");
    var air = rec.sink("air", "humidity", "co2");
    Pipeline pipeline =
        new Pipeline()
            .connect(select(sensor, "temp"), display)
            .connect(select(sensor, "humidity", "co2"), air);

    assertThat(pipeline.edges())
        .containsExactly(
            new Edge("sensor:src:co2", "air:snk:co2"),
            new Edge("sensor:src:humidity", "air:snk:humidity"),
            new Edge("sensor:src:temp", "display:snk:in"));
    pipeline.run();
    assertThat(display.received).extracting(Frame::data).containsExactly(1, 2, null);
  }

  @Test
  void aGroupOfSinkPadSelectionsIsFedByName() {
    var src = rec.source("src", 1, "H1", "L1");
    var a = rec.sink("a", "H1", "unused");
    var b = rec.sink("b", "L1");
    Pipeline pipeline = new Pipeline().connect(src, group(select(a, "H1"), b));

    assertThat(pipeline.edges())
        .containsExactly(new Edge("src:src:H1", "a:snk:H1"), new Edge("src:src:L1", "b:snk:L1"));
  }

  @Test
  void aDuplicateNameFailsConnectBeforeAnythingIsInserted() {
    var sensor1 = rec.source("sensor1", 1, "data");
    var sensor2 = rec.source("sensor2", 1, "data");
    var logger = rec.sink("logger", "data");
    Pipeline pipeline = new Pipeline();

    assertThatThrownBy(() -> pipeline.connect(group(sensor1, sensor2), logger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Duplicate pad name 'data' in group: 'sensor1' and 'sensor2' both have a source pad"
                + " 'data'; select the pads you want with select(...) or connect them one by one");
    assertThat(pipeline.elements()).isEmpty();
  }

  @Test
  void aSinkElementInASourceGroupIsNamedAndNothingIsInserted() {
    var src = rec.source("src", 1, "H1");
    var other = rec.sink("other", "H1");
    var sink = rec.sink("sink", "H1");
    Pipeline pipeline = new Pipeline();

    assertThatThrownBy(() -> pipeline.connect(group(src, other), sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'other' is a SinkElement and has no source pads; a group used as the source"
                + " of connect offers the source pads of its items, so leave 'other' out of this"
                + " group");
    assertThat(pipeline.elements()).isEmpty();
  }

  @Test
  void aGroupWithNoPadsForItsSideGetsConnectsOwnMessage() {
    var sink = rec.sink("sink", "in");
    var other = rec.sink("other", "in");

    assertThatThrownBy(() -> new Pipeline().connect(select(other, "in"), sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Source select(other, [in]) offers no source pads");
    assertThatThrownBy(() -> new Pipeline().connect(group(), sink))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Source group() offers no source pads");
  }

  @Test
  void aGroupOfTransformsWorksOnBothSides() {
    var src = rec.source("src", 2, "H1", "L1");
    var t1 = rec.transform("t1", List.of("H1"), List.of("H1"));
    var t2 = rec.transform("t2", List.of("L1"), List.of("L1"));
    var sink = rec.sink("sink", "H1", "L1");
    ElementGroup middle = group(t1, t2);
    Pipeline pipeline = new Pipeline().connect(src, middle).connect(middle, sink);

    assertThat(pipeline.edges(false, false))
        .containsExactly(
            new Edge("src", "t1"),
            new Edge("src", "t2"),
            new Edge("t1", "sink"),
            new Edge("t2", "sink"));
    pipeline.run();
    assertThat(sink.received).extracting(Frame::data).containsExactly(1, 1, 2, 2, null, null);
  }
}
