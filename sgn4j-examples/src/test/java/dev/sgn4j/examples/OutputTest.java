package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class OutputTest {

  @Test
  void captureReturnsEachPrintedLineAndRestoresSystemOut() {
    PrintStream before = System.out;

    var lines =
        Output.capture(
            () -> {
              System.out.println("one");
              System.out.print("two\nthree ");
            });

    assertThat(lines).containsExactly("one", "two", "three ");
    assertThat(System.out).isSameAs(before);
  }

  @Test
  void captureRestoresSystemOutWhenTheProgramThrows() {
    PrintStream before = System.out;

    assertThatThrownBy(
            () ->
                Output.capture(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(System.out).isSameAs(before);
  }

  @Test
  void repeatRepeatsTheLinesInOrder() {
    assertThat(Output.repeat(2, "a", "b")).containsExactly("a", "b", "a", "b");
    assertThat(Output.repeat(0, "a")).isEmpty();
  }
}
