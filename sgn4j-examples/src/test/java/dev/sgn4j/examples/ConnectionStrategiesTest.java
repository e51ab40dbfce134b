package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline.Edge;
import org.junit.jupiter.api.Test;

class ConnectionStrategiesTest {

  @Test
  void equalPadNamesAreLinkedOneToOne() {
    assertThat(ConnectionStrategies.equalNames().edges())
        .containsExactly(
            new Edge("sensors:src:sensor1", "display:snk:sensor1"),
            new Edge("sensors:src:sensor2", "display:snk:sensor2"));
  }

  @Test
  void partialMatchLinksOnlyTheNamesBothSidesHave() {
    assertThat(ConnectionStrategies.partialMatch().edges())
        .containsExactly(
            new Edge("station:src:humidity", "display:snk:humidity"),
            new Edge("station:src:status", "log:snk:status"),
            new Edge("station:src:temp", "display:snk:temp"));
  }

  @Test
  void singleSinkPadIsLinkedFromTheSingleSourcePad() {
    assertThat(ConnectionStrategies.singleSinkPad().edges())
        .containsExactly(new Edge("counter:src:out", "display:snk:in"));
  }

  @Test
  void singleSourcePadFansOutToEverySinkPad() {
    assertThat(ConnectionStrategies.fanOut().edges())
        .containsExactly(
            new Edge("broadcaster:src:output", "receiver:snk:in1"),
            new Edge("broadcaster:src:output", "receiver:snk:in2"),
            new Edge("broadcaster:src:output", "receiver:snk:in3"));
  }

  @Test
  void explicitLinkMapRoutesByShortNames() {
    assertThat(ConnectionStrategies.explicitMap().edges())
        .containsExactly(
            new Edge("source:src:out_A", "sink:snk:in_X"),
            new Edge("source:src:out_B", "sink:snk:in_Y"));
  }

  @Test
  void insertAndLinkByFullNamesBuildsTheSameGraphAsConnect() {
    assertThat(ConnectionStrategies.insertAndLink().edges())
        .isEqualTo(ConnectionStrategies.equalNames().edges());
  }

  @Test
  void mainShowsEveryStrategyRejectsFanInAndMergesWithOnePadPerSource() {
    var lines = Output.capture(() -> ConnectionStrategies.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "1. Equal pad names: linked one to one",
            "  sensors.sensor1 -> display.sensor1",
            "  sensors.sensor2 -> display.sensor2",
            "2. Some names match: only those are linked",
            "  station.temp -> display.temp",
            "  station.humidity -> display.humidity",
            "  station.status -> log.status",
            "3. One sink pad: linked from the one source pad",
            "  counter.out -> display.in",
            "4. One source pad: fanned out to every sink pad",
            "  broadcaster.output -> receiver.in1",
            "  broadcaster.output -> receiver.in2",
            "  broadcaster.output -> receiver.in3",
            "5. Several pads on both sides, no names in common: a link map is needed",
            "  rejected: unable to determine unambiguous linking strategy from source pads"
                + " [out_A, out_B] and sink pads [in_X, in_Y]; an explicit link map"
                + " (sink pad name -> source pad name) is required",
            "  with the link map in_X <- out_A, in_Y <- out_B:",
            "  source.out_A -> sink.in_X",
            "  source.out_B -> sink.in_Y",
            "6. Several source pads into one sink pad: rejected",
            "  rejected: cannot connect the 3 source pads [A, B, C] to the single sink pad"
                + " 'combiner:snk:input': a sink pad takes exactly one upstream pad; give the"
                + " sink one pad per source (or use a merging transform), or pass a link map",
            "  a sink with one pad per source merges them:",
            "  Combined: Stream A, Stream B, Stream C",
            "7. insert and link by full pad names: the same graph as section 1",
            "  sensors:src:sensor1 -> display:snk:sensor1",
            "  sensors:src:sensor2 -> display:snk:sensor2",
            "  same edges as connect: true",
            "  sensors.sensor1 -> display.sensor1",
            "  sensors.sensor2 -> display.sensor2");
  }
}
