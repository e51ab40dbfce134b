package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.test.ElementTester;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScaleTest {

  static CallableTransform scale() {
    return CallableTransform.fromCallable(
        "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
  }

  @Test
  void scalesEveryNumberAndEndsTheIterationAfterItsInput() {
    ElementTester.of(scale())
        .input("in", 1, 2, 3)
        .expectData("out", 10, 20, 30)
        .expectEosAt("out", 4)
        .verify();
  }

  @Test
  void passesGapsOnWithoutCallingTheFunction() {
    ElementTester.of(scale())
        .inputFrames("in", Frame.of(1), Frame.gap(), Frame.of(3).withEos(true))
        .expectFrames("out", Frame.of(10), Frame.gap(), Frame.of(30).withEos(true))
        .verify();
  }
}
