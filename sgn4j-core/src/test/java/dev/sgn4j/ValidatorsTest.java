package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

  private final Recording rec = new Recording();

  /** A transform that runs a validator at the end of its constructor, as element authors do. */
  private static final class Checked extends TransformElement {
    Checked(List<String> sinks, List<String> sources, Consumer<Element> validator) {
      super("checked", sinks, sources);
      validator.accept(this);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.gap();
    }
  }

  /** A sink that runs a validator at the end of its constructor. */
  private static final class CheckedSink extends SinkElement {
    CheckedSink(List<String> sinks, Consumer<Element> validator) {
      super("checked-sink", sinks);
      validator.accept(this);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }

  @Test
  void oneToOneAcceptsOneSinkAndOneSourcePad() {
    var element = new Checked(List.of("in"), List.of("out"), Validators::oneToOne);

    assertThat(element.sinkPads()).hasSize(1);
  }

  @Test
  void oneToOneRejectsOtherCountsInTheConstructor() {
    assertThatThrownBy(() -> new Checked(List.of("a", "b"), List.of("out"), Validators::oneToOne))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'checked' requires exactly one sink and source pad, got 2 sink pads (a, b)"
                + " and 1 source pad (out)");
  }

  @Test
  void oneToOneCalledDirectlyCountsMissingPadsAsZero() {
    var src = rec.source("src", 1, "x", "y");

    assertThatThrownBy(() -> Validators.oneToOne(src))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'src' requires exactly one sink and source pad, got 0 sink pads and 2 source"
                + " pads (x, y)");
  }

  @Test
  void oneToManyRequiresExactlyOneSinkPad() {
    assertThatCode(() -> new Checked(List.of("in"), List.of("a", "b"), Validators::oneToMany))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new Checked(List.of("a", "b"), List.of("out"), Validators::oneToMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Element 'checked' requires exactly one sink pad, got 2 (a, b)");
  }

  @Test
  void manyToOneRequiresExactlyOneSourcePad() {
    assertThatCode(() -> new Checked(List.of("a", "b"), List.of("out"), Validators::manyToOne))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new Checked(List.of("in"), List.of("x", "y"), Validators::manyToOne))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Element 'checked' requires exactly one source pad, got 2 (x, y)");
    assertThatThrownBy(() -> Validators.manyToOne(rec.sink("sink", "in")))
        .hasMessage("Element 'sink' requires exactly one source pad, got 0");
  }

  @Test
  void numPadsChecksTheCountsGivenAndSkipsNull() {
    assertThatCode(
            () -> new Checked(List.of("a", "b"), List.of("out"), e -> Validators.numPads(e, 2, 1)))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new Checked(
                    List.of("a", "b", "c"), List.of("out"), e -> Validators.numPads(e, null, 1)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> new Checked(List.of("a"), List.of("out"), e -> Validators.numPads(e, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Element 'checked' requires exactly 2 sink pads, got 1 (a)");
    assertThatThrownBy(
            () -> new Checked(List.of("a"), List.of("x", "y"), e -> Validators.numPads(e, null, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Element 'checked' requires exactly 1 source pad, got 2 (x, y)");
  }

  @Test
  void numPadsRejectsNegativeCounts() {
    var src = rec.source("src", 1, "out");

    assertThatThrownBy(() -> Validators.numPads(src, -1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numPads: the number of sink pads must be at least 0, got -1");
  }

  @Test
  void padNamesMatchAcceptsTheSameNamesInAnyOrder() {
    var element =
        new Checked(
            List.of("H1", "L1", "V1"), List.of("V1", "H1", "L1"), Validators::padNamesMatch);

    assertThat(element.srcs().keySet()).containsExactly("V1", "H1", "L1");
  }

  @Test
  void padNamesMatchListsBothSidesWhenTheyDiffer() {
    assertThatThrownBy(
            () -> new Checked(List.of("H1", "L1"), List.of("H1", "V1"), Validators::padNamesMatch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Element 'checked' requires source and sink pad names to match. Source: [H1, V1],"
                + " Sink: [H1, L1]");
  }

  @Test
  void singlePadRequiresOneSinkPadOnASink() {
    var sink = new CheckedSink(List.of("in"), Validators::singlePad);

    assertThat(sink.sinkPads()).hasSize(1);
    assertThatThrownBy(() -> new CheckedSink(List.of("a", "b"), Validators::singlePad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Element 'checked-sink' requires exactly one sink pad, got 2 (a, b)");
    assertThatThrownBy(() -> Validators.singlePad(rec.sink("sink", "a", "b", "c")))
        .hasMessage("Element 'sink' requires exactly one sink pad, got 3 (a, b, c)");
  }
}
