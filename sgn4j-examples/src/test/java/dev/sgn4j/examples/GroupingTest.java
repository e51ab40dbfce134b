package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupingTest {

  @Test
  void groupsLinkSeveralElementsInOneConnectCallAndClashingNamesAreRejected() {
    var lines = Output.capture(() -> Grouping.main(new String[0]));

    assertThat(lines)
        .containsExactly(
            "1. Sensors whose pads are all named 'data' cannot share a group",
            "  rejected: Duplicate pad name 'data' in group: 'sensor1' and 'sensor2' both have a"
                + " source pad 'data'; select the pads you want with select(...) or connect them"
                + " one by one",
            "2. Sensors with their own pad names, grouped into one logger",
            "  [logger] temperature=21.5 humidity=45 pressure=1013",
            "  [logger] temperature=22.0 humidity=47 pressure=1012",
            "  [logger] temperature=22.5 humidity=50 pressure=1011",
            "3. One broadcaster fanned out to a group of three monitors",
            "  [monitor1] Broadcast message 1",
            "  [monitor2] Broadcast message 1",
            "  [monitor3] Broadcast message 1",
            "  [monitor1] Broadcast message 2",
            "  [monitor2] Broadcast message 2",
            "  [monitor3] Broadcast message 2",
            "  [monitor1] Broadcast message 3",
            "  [monitor2] Broadcast message 3",
            "  [monitor3] Broadcast message 3",
            "4. select on a group picks pads by pad name, not element name",
            "  rejected: No pad named 'sensor1', 'sensor2' in the group; select takes pad names,"
                + " and the group's pads are [temperature, humidity, pressure] ('sensor1',"
                + " 'sensor2' are names of elements in the group: to take all of an element's"
                + " pads, put the element itself in a group)",
            "  [comfort] temperature=21.5 humidity=45",
            "  [barometer] pressure=1013",
            "  [comfort] temperature=22.0 humidity=47",
            "  [barometer] pressure=1012",
            "  [comfort] temperature=22.5 humidity=50",
            "  [barometer] pressure=1011");
  }
}
