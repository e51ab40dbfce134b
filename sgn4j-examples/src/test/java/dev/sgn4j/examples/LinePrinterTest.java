package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.test.ElementTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinePrinterTest {

  @Test
  void onePadPrintsTheLabelAndTheDataOfEveryFrame() {
    var printer = new LinePrinter("show", Map.of("label", "value"));
    var lines = Output.capture(() -> ElementTester.of(printer).input("in", 1, 2).verify());

    assertThat(lines).containsExactly("value: 1", "value: 2");
  }

  @Test
  void severalPadsPrintThePadNameTooAndTheLabelDefaultsToTheElementName() {
    var printer = new LinePrinter("show", Map.of("pads", List.of("a", "b")));
    var lines =
        Output.capture(() -> ElementTester.of(printer).input("a", "x").input("b", "y").verify());

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
