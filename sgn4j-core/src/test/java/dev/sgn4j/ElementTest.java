package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTest {

  static class Plain extends SourceElement {
    Plain(String name, List<String> pads) {
      super(name, pads);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.eos();
    }
  }

  @StaticPads(source = {"monitor"})
  static class WithMonitor extends Plain {
    WithMonitor(String name, List<String> pads) {
      super(name, pads);
    }
  }

  /** A subclass of an element with static pads: SGN raises TypeError here. */
  static class WithMonitorSubclass extends WithMonitor {
    WithMonitorSubclass(String name) {
      super(name, List.of());
    }
  }

  @StaticPads(
      source = {"left", "right"},
      allowDynamicSourcePads = false)
  static class Stereo extends Plain {
    Stereo(String name, List<String> pads) {
      super(name, pads);
    }
  }

  @StaticPads(allowDynamicSourcePads = false)
  static class NoStatics extends Plain {
    NoStatics() {
      super("none", List.of("x"));
    }
  }

  @StaticPads(sink = {"in"})
  static class SourceWithSinkPad extends Plain {
    SourceWithSinkPad() {
      super("bad", List.of("out"));
    }
  }

  static class Drop extends SinkElement {
    Drop(String name, List<String> pads) {
      super(name, pads);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}

    void eos(SinkPad pad) {
      markEos(pad);
    }
  }

  @StaticPads(source = {"out"})
  static class SinkWithSourcePad extends Drop {
    SinkWithSourcePad() {
      super("bad", List.of("in"));
    }
  }

  static class Pass extends TransformElement {
    Pass(String name, List<String> sinks, List<String> sources) {
      super(name, sinks, sources);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.eos();
    }
  }

  @Test
  void padsHaveShortAndFullNamesAndAnInternalPad() {
    var element = new Pass("t1", List.of("H1", "L1"), List.of("H1"));

    assertThat(element.sinkPad("H1").fullName()).isEqualTo("t1:snk:H1");
    assertThat(element.sourcePad("H1").fullName()).isEqualTo("t1:src:H1");
    assertThat(element.sourcePad("H1").shortName()).isEqualTo("H1");
    assertThat(element.internalPad().fullName()).isEqualTo("t1:inl:inl");
    assertThat(element.pads())
        .extracting(Pad::fullName)
        .containsExactly("t1:src:H1", "t1:snk:H1", "t1:snk:L1", "t1:inl:inl");
    assertThat(element.srcs()).containsOnlyKeys("H1");
    assertThat(element.snks().keySet()).containsExactly("H1", "L1");
    assertThat(element.sinkPad("L1").element()).isSameAs(element);
    assertThat(element.internalPad().isLinked()).isTrue();
    assertThat(element.sinkPad("L1").isLinked()).isFalse();
    assertThat(element.toString()).isEqualTo("t1 (Pass)");
  }

  @Test
  void unnamedElementsGetAGeneratedName() {
    var first = new Plain(null, List.of("out"));
    var second = new Plain("  ", List.of("out"));

    assertThat(first.name()).matches("plain-[0-9a-f]{8}");
    assertThat(second.name()).matches("plain-[0-9a-f]{8}").isNotEqualTo(first.name());
  }

  @Test
  void staticPadsAreAppendedAfterTheInstancePads() {
    var element = new WithMonitor("src", List.of("out"));

    assertThat(element.sourcePads()).extracting(Pad::shortName).containsExactly("out", "monitor");
  }

  @Test
  void subclassesInheritStaticPads() {
    var element = new WithMonitorSubclass("sub");

    assertThat(element.sourcePads()).extracting(Pad::shortName).containsExactly("monitor");
  }

  @Test
  void fixedPadElementsRejectInstancePads() {
    assertThat(new Stereo("st", List.of()).sourcePads())
        .extracting(Pad::shortName)
        .containsExactly("left", "right");
    assertThatThrownBy(() -> new Stereo("st", List.of("center")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'st' has allowDynamicSourcePads=false; it has the static source pads [left,"
                + " right], so do not pass source pad names [center]");
  }

  @Test
  void forbiddingDynamicPadsWithoutStaticPadsIsAnError() {
    assertThatThrownBy(NoStatics::new)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'none' (dev.sgn4j.ElementTest$NoStatics) has allowDynamicSourcePads=false but"
                + " declares no static source pads; list them in @StaticPads");
  }

  @Test
  void elementKindsCheckTheirPads() {
    assertThatThrownBy(() -> new Plain("src", List.of()))
        .hasMessage("SourceElement 'src' has no source pads; give it at least one source pad name");
    assertThatThrownBy(SourceWithSinkPad::new)
        .hasMessage(
            "SourceElement 'bad' must not have sink pads, got [in]; use a TransformElement to take"
                + " input");
    assertThatThrownBy(() -> new Pass("t", List.of("in"), List.of()))
        .hasMessage(
            "TransformElement 't' needs both sink and source pads, got sink pads [in] and source"
                + " pads []");
    assertThatThrownBy(() -> new Pass("t", List.of(), List.of("out")))
        .hasMessage(
            "TransformElement 't' needs both sink and source pads, got sink pads [] and source"
                + " pads [out]");
    assertThatThrownBy(() -> new Drop("k", List.of()))
        .hasMessage("SinkElement 'k' has no sink pads; give it at least one sink pad name");
    assertThatThrownBy(SinkWithSourcePad::new)
        .hasMessage(
            "SinkElement 'bad' must not have source pads, got [out]; use a TransformElement to emit"
                + " frames");
  }

  @Test
  void padAndElementNamesAreValidated() {
    assertThatThrownBy(() -> new Plain("src", List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'src' declares source pad 'a' twice [a, b, a]; pad names must be unique per"
                + " kind");
    assertThatThrownBy(() -> new Plain("src", List.of("a:b")))
        .hasMessage(
            "Element 'src' has an invalid source pad name 'a:b'; pad names must be non-empty and"
                + " free of ':'");
    assertThatThrownBy(() -> new Plain("a:b", List.of("out")))
        .hasMessage(
            "element name 'a:b' must not contain ':' (it separates the parts of pad names)");
  }

  @Test
  void aNullPadNameIsNamedWithItsIndex() {
    assertThatThrownBy(() -> new Plain("src", java.util.Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'src' has a null source pad name at index 1 of [a, null]; give every pad a"
                + " non-empty name free of ':' and whitespace");
    assertThatThrownBy(() -> new Pass("t", java.util.Arrays.asList((String) null), List.of("o")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 't' has a null sink pad name at index 0 of [null]; give every pad a"
                + " non-empty name free of ':' and whitespace");
  }

  @Test
  void padNamesWithWhitespaceAreRejected() {
    assertThatThrownBy(() -> new Plain("src", List.of("out", "left out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'src' has an invalid source pad name 'left out'; pad names must not contain"
                + " whitespace (spaces, tabs or line breaks) or ':'");
    assertThatThrownBy(() -> new Drop("k", List.of("in\t2")))
        .hasMessage(
            "Element 'k' has an invalid sink pad name 'in\t2'; pad names must not contain"
                + " whitespace (spaces, tabs or line breaks) or ':'");
  }

  @Test
  void unknownPadLookupsNameTheAvailablePads() {
    var element = new Pass("t", List.of("in"), List.of("out"));

    assertThatThrownBy(() -> element.sourcePad("in"))
        .hasMessage("Element 't' has no source pad 'in'; its source pads are [out]");
    assertThatThrownBy(() -> element.sinkPad("out"))
        .hasMessage("Element 't' has no sink pad 'out'; its sink pads are [in]");
  }

  @Test
  void markingEosOnOnePadOfTwoPutsTheSinkAtEos() {
    var sink = new Drop("k", List.of("a", "b"));

    assertThat(sink.atEos()).isFalse();
    sink.eos(sink.sinkPad("a"));
    assertThat(sink.atEos()).isTrue();
    assertThat(sink.isEos(sink.sinkPad("a"))).isTrue();
    assertThat(sink.isEos(sink.sinkPad("b"))).isFalse();

    sink.setEosPolicy(EosPolicy.ALL);
    assertThat(sink.atEos()).isFalse();
    sink.eos(sink.sinkPad("b"));
    assertThat(sink.atEos()).isTrue();
  }

  @Test
  void markingEosOfAnotherElementsPadIsAnError() {
    var sink = new Drop("k", List.of("a"));
    var other = new Drop("other", List.of("a"));

    assertThatThrownBy(() -> sink.eos(other.sinkPad("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("markEos(other:snk:a): the pad belongs to element 'other', not 'k'");
  }

  @Test
  void theLoggerIsNamedAfterTheElement() {
    assertThat(new Plain("src1", List.of("out")).logger().getName()).isEqualTo("sgn.src1");
  }
}
