package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.IterSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinePrinterTest {

  @Test
  void onePadPrintsTheLabelAndTheDataOfEveryFrame() {
    var printer = new LinePrinter("show", Map.of("label", "value"));
    var lines =
        Output.capture(
            () ->
                new Pipeline()
                    .connect(IterSource.of("numbers", "in", List.of(1, 2)), printer)
                    .run());

    assertThat(lines).containsExactly("value: 1", "value: 2");
  }

  @Test
  void severalPadsPrintThePadNameTooAndTheLabelDefaultsToTheElementName() {
    var source = IterSource.builder("pair").pad("a", List.of("x")).pad("b", List.of("y")).build();
    var printer = new LinePrinter("show", Map.of("pads", List.of("a", "b")));
    var lines = Output.capture(() -> new Pipeline().connect(source, printer).run());

    assertThat(lines).containsExactly("show a: x", "show b: y");
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> new LinePrinter("show", Map.of("colour", "red")))
        .hasMessage(
            "LinePrinter 'show': unknown parameter 'colour'; its parameters are pads and label");
    assertThatThrownBy(() -> new LinePrinter("show", Map.of("pads", List.of())))
        .hasMessage(
            "LinePrinter 'show': parameter 'pads' must be a non-empty list of pad names, got []");
    assertThatThrownBy(() -> new LinePrinter("show", Map.of("label", 3)))
        .hasMessage("LinePrinter 'show': parameter 'label' must be a string, got 3");
  }
}
