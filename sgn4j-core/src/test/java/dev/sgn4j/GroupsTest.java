package dev.sgn4j;

import static dev.sgn4j.Groups.group;
import static dev.sgn4j.Groups.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SGN's test_groups behaviours, with sgn4j's messages. */
class GroupsTest {

  private final Recording rec = new Recording();

  @Test
  void selectKeepsTheElementAndTheNamesInTheOrderGiven() {
    var src = rec.source("src", 1, "H1", "L1", "V1");
    PadSelection selection = select(src, "L1", "H1", "L1");

    assertThat(selection.element()).isSameAs(src);
    assertThat(selection.padNames()).containsExactly("L1", "H1");
    assertThat(selection).hasToString("select(src, [L1, H1])");
  }

  @Test
  void selectingUnknownPadNamesListsThePadsAvailable() {
    var src = rec.source("src", 1, "H1", "L1");

    assertThat(select(src, "H1").padNames()).containsExactly("H1");
    assertThatThrownBy(() -> select(src, "V1", "H1", "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Pad names [V1, X] not found on element 'src'; the pads available are [H1, L1]");
  }

  @Test
  void selectNeedsAtLeastOnePadNameAndNoNulls() {
    var src = rec.source("src", 1, "H1", "L1");

    assertThatThrownBy(() -> select(src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("select needs at least one pad name; the pads of element 'src' are [H1, L1]");
    assertThatThrownBy(() -> select(src, "H1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("select: pad name 1 is null");
  }

  @Test
  void aSelectionOffersOnlyItsSelectedSourcePadsInPadOrder() {
    var src = rec.source("src", 1, "H1", "L1", "V1");
    PadSelection selection = select(src, "V1", "H1");

    assertThat(selection.srcs().keySet()).containsExactly("H1", "V1");
    assertThat(selection.srcs().get("H1")).isSameAs(src.sourcePad("H1"));
    assertThat(selection.srcs().get("V1")).isSameAs(src.sourcePad("V1"));
    assertThat(selection.snks()).isEmpty();
    assertThat(select(rec.sink("sink", "data"), "data").srcs()).isEmpty();
  }

  @Test
  void aSelectionOffersOnlyItsSelectedSinkPads() {
    var sink = rec.sink("sink", "in1", "in2", "in3");
    PadSelection selection = select(sink, "in1", "in3");

    assertThat(selection.snks().keySet()).containsExactly("in1", "in3");
    assertThat(selection.srcs()).isEmpty();
    assertThat(select(rec.source("src", 1, "H1"), "H1").snks()).isEmpty();
  }

  @Test
  void aNameCanSelectTheSinkAndTheSourcePadOfATransform() {
    var t = rec.transform("t", List.of("H1", "L1"), List.of("H1"));
    PadSelection selection = select(t, "H1");

    assertThat(selection.srcs().keySet()).containsExactly("H1");
    assertThat(selection.snks().keySet()).containsExactly("H1");
  }

  @Test
  void aSelectionsElementsAreItsElement() {
    var src = rec.source("src", 1, "H1");

    assertThat(select(src, "H1").elements()).containsExactly(src);
  }

  @Test
  void groupHoldsElementsAndSelectionsInOrder() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1", "V1");
    PadSelection l1 = select(src2, "L1");
    ElementGroup sources = group(src1, l1);

    assertThat(sources.items()).containsExactly(src1, l1);
    assertThat(sources).hasToString("group(src1, select(src2, [L1]))");
  }

  @Test
  void nestedGroupsAreFlattened() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1");
    var src3 = rec.source("src3", 1, "V1");

    assertThat(group(group(src1, src2), src3).items()).containsExactly(src1, src2, src3);
  }

  @Test
  void groupSelectPicksPadsByPadNameAcrossTheGroup() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1");
    var src3 = rec.source("src3", 1, "V1");
    ElementGroup selected = group(src1, src2, src3).select("H1", "V1");

    assertThat(selected.items()).containsExactly(select(src1, "H1"), select(src3, "V1"));
  }

  @Test
  void groupSelectNarrowsTheSelectionsInTheGroup() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1", "V1");
    ElementGroup selected = group(src1, select(src2, "L1")).select("L1");

    assertThat(selected.items()).containsExactly(select(src2, "L1"));
  }

  @Test
  void groupSelectByElementNameIsRejectedWithAHint() {
    var a = rec.source("source_A", 1, "H1");
    var b = rec.source("source_B", 1, "L1");

    assertThatThrownBy(() -> group(a, b).select("source_A", "source_B"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No pad named 'source_A', 'source_B' in the group; select takes pad names, and the"
                + " group's pads are [H1, L1] ('source_A', 'source_B' are names of elements in"
                + " the group: to take all of an element's pads, put the element itself in a"
                + " group)");
    assertThatThrownBy(() -> group(a, b).select("H1", "X1"))
        .hasMessage(
            "No pad named 'X1' in the group; select takes pad names, and the group's pads are"
                + " [H1, L1]");
  }

  @Test
  void groupElementsAreEachElementOnceInItemOrder() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1", "V1");

    assertThat(group(src1, src2).elements()).containsExactly(src1, src2);
    assertThat(group(src2, src1, select(src2, "L1")).elements()).containsExactly(src2, src1);
  }

  @Test
  void groupSourcePadsAreMergedByShortNameInItemOrder() {
    var src1 = rec.source("src1", 1, "H1");
    var src2 = rec.source("src2", 1, "L1", "V1");

    Map<String, SourcePad> all = group(src1, src2).srcs();
    assertThat(all.keySet()).containsExactly("H1", "L1", "V1");
    assertThat(all.get("L1")).isSameAs(src2.sourcePad("L1"));
    assertThat(group(src1, select(src2, "L1")).srcs().keySet()).containsExactly("H1", "L1");
  }

  @Test
  void groupSinkPadsAreMergedByShortName() {
    var sink1 = rec.sink("sink1", "H1");
    var sink2 = rec.sink("sink2", "L1", "V1");

    assertThat(group(sink1, sink2).snks().keySet()).containsExactly("H1", "L1", "V1");
  }

  @Test
  void duplicatePadNamesInAGroupNameThePadAndBothElements() {
    var sensor1 = rec.source("sensor1", 1, "data");
    var sensor2 = rec.source("sensor2", 1, "data");
    var sink1 = rec.sink("sink1", "H1");
    var sink3 = rec.sink("sink3", "H1");

    assertThatThrownBy(() -> group(sensor1, sensor2).srcs())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Duplicate pad name 'data' in group: 'sensor1' and 'sensor2' both have a source pad"
                + " 'data'; select the pads you want with select(...) or connect them one by one");
    assertThatThrownBy(() -> group(sink1, sink3).snks())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Duplicate pad name 'H1' in group: 'sink1' and 'sink3' both have a sink pad 'H1';"
                + " select the pads you want with select(...) or connect them one by one");
  }

  @Test
  void theSamePadTwiceInAGroupIsNoDuplicate() {
    var src = rec.source("src", 1, "H1", "L1");

    assertThat(group(src, select(src, "H1")).srcs().keySet()).containsExactly("H1", "L1");
  }

  @Test
  void anElementWithNoPadsForTheGroupsSideIsRejectedByName() {
    var src = rec.source("src", 1, "H1");
    var sink = rec.sink("sink", "L1");
    ElementGroup mixed = group(src, sink);

    assertThatThrownBy(mixed::srcs)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'sink' is a SinkElement and has no source pads; a group used as the source of"
                + " connect offers the source pads of its items, so leave 'sink' out of this"
                + " group");
    assertThatThrownBy(mixed::snks)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'src' is a SourceElement and has no sink pads; a group used as the sink of"
                + " connect offers the sink pads of its items, so leave 'src' out of this group");
  }

  @Test
  void aSelectionWithoutPadsForTheSideOffersNothingThere() {
    var src = rec.source("src", 1, "L1");
    var sink = rec.sink("sink", "L1", "V1");
    ElementGroup l1 = group(src, sink).select("L1");

    assertThat(l1.items()).containsExactly(select(src, "L1"), select(sink, "L1"));
    assertThat(l1.srcs().values()).containsExactly(src.sourcePad("L1"));
    assertThat(l1.snks().values()).containsExactly(sink.sinkPad("L1"));
  }

  @Test
  void selectOnASelectionNarrowsIt() {
    var src = rec.source("src", 1, "H1", "L1", "V1");
    PadSelection all = select(src, "H1", "L1", "V1");

    assertThat(select(all, "H1")).isEqualTo(select(src, "H1"));
    assertThat(select(all, "H1", "L1", "X1").padNames()).containsExactly("H1", "L1");
    assertThat(select(all, "H1").element()).isSameAs(src);
  }

  @Test
  void selectOnASelectionWithNoMatchSaysWhatWasRequestedAndWhatIsAvailable() {
    var src = rec.source("src", 1, "H1", "L1");

    assertThatThrownBy(() -> select(select(src, "H1"), "V1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No matching pads found in select(src, [H1]). Requested: [V1], Available: [H1]");
  }

  @Test
  void selectOnAGroupSelectsAcrossItsItems() {
    var src = rec.source("src", 1, "H1", "L1");
    var sink = rec.sink("sink", "L1", "V1");
    ElementGroup selected = select(group(src, sink), "L1");

    assertThat(selected.items()).containsExactly(select(src, "L1"), select(sink, "L1"));
  }

  @Test
  void selectOnAConnectableDispatchesOnItsKind() {
    var src = rec.source("src", 1, "H1", "L1");
    Connectable element = src;
    Connectable selection = select(src, "H1", "L1");
    Connectable group = group(src);

    assertThat(select(element, "H1")).isEqualTo(select(src, "H1"));
    assertThat(select(selection, "L1")).isEqualTo(select(src, "L1"));
    assertThat(((ElementGroup) select(group, "H1")).items()).containsExactly(select(src, "H1"));
  }

  @Test
  void otherKindsOfConnectableAreRejected() {
    Connectable custom = new Custom();

    assertThatThrownBy(() -> group(custom))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "group: item 0 is custom (dev.sgn4j.GroupsTest$Custom); expected an Element, a"
                + " PadSelection (from select) or an ElementGroup (from group)");
    assertThatThrownBy(() -> select(custom, "H1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "select: the target is custom (dev.sgn4j.GroupsTest$Custom); expected an Element, a"
                + " PadSelection (from select) or an ElementGroup (from group)");
    assertThatThrownBy(() -> group(rec.source("src", 1, "H1"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group: item 1 is null");
  }

  private static final class Custom implements Connectable {
    @Override
    public Map<String, SourcePad> srcs() {
      return Map.of();
    }

    @Override
    public Map<String, SinkPad> snks() {
      return Map.of();
    }

    @Override
    public List<Element> elements() {
      return List.of();
    }

    @Override
    public String toString() {
      return "custom";
    }
  }
}
