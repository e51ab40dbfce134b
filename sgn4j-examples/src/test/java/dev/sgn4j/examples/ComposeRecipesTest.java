package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeRecipesTest {

  @Test
  void theFiveRecipesGiveSgnsResults() {
    assertThat(Output.capture(() -> ComposeRecipes.main(new String[0])))
        .containsExactly(
            "composed source: [12, 14, 16, 18, 20]",
            "composed source, transform and sink: [result=-102, result=-104, result=-106,"
                + " result=-108, result=-110]",
            "two sources merged: temperature [68.0, 77.0, 86.0], humidity [50%, 60%, 70%]",
            "fan-out sink: squared [16, 81, 256], square roots [2.0, 3.0, 4.0]",
            "factory to_f: [32.0, 68.0, 212.0]");
  }

  @Test
  void factoryCopiesAreIndependent() {
    var first = ComposeRecipes.scaleAndOffset("a", 2, 1);
    var second = ComposeRecipes.scaleAndOffset("b", 2, 1);

    assertThat(first.innerElements()).doesNotContainAnyElementsOf(second.innerElements());
  }
}
