package dev.sgn4j.examples;

import dev.sgn4j.Compose;
import dev.sgn4j.ComposedSinkElement;
import dev.sgn4j.ComposedSourceElement;
import dev.sgn4j.ComposedTransformElement;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The five recipes of SGN's compose tutorial: sub-graphs packaged as reusable sources, transforms
 * and sinks with {@link Compose}. Prints one line per recipe:
 *
 * <pre>
 * composed source: [12, 14, 16, 18, 20]
 * composed source, transform and sink: [result=-102, result=-104, result=-106, result=-108, result=-110]
 * two sources merged: temperature [68.0, 77.0, 86.0], humidity [50%, 60%, 70%]
 * fan-out sink: squared [16, 81, 256], square roots [2.0, 3.0, 4.0]
 * factory to_f: [32.0, 68.0, 212.0]
 * </pre>
 */
public final class ComposeRecipes {

  private ComposeRecipes() {}

  /**
   * Runs the five recipes.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("composed source: " + composedSource());
    System.out.println("composed source, transform and sink: " + chain());
    System.out.println("two sources merged: " + mergedSources());
    System.out.println("fan-out sink: " + fanOutSink());
    System.out.println("factory to_f: " + factory());
  }

  /** A one-input, one-output transform of the data. */
  static CallableTransform map(String name, Function<Object, Object> function) {
    return CallableTransform.fromCallable(
        name, frames -> function.apply(frames.get(0).data()), "out", List.of("in"));
  }

  /** Recipe 1: source, doubler and +10 packaged as one source. */
  static List<Object> composedSource() {
    var doubler = map("double", x -> (int) x * 2);
    var plusTen = map("plus-ten", x -> (int) x + 10);
    ComposedSourceElement numbers =
        new Compose()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3, 4, 5)), doubler)
            .connect(doubler, plusTen)
            .asSource("numbers-plus-ten");
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(numbers, sink).run();
    return sink.collected("in");
  }

  /** Recipe 2: a composed source feeding a composed transform feeding a composed sink. */
  static List<Object> chain() {
    var doubler = map("double", x -> (int) x * 2);
    ComposedSourceElement source =
        new Compose()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3, 4, 5)), doubler)
            .asSource("doubled");
    var plusHundred = map("plus-hundred", x -> (int) x + 100);
    var negate = map("negate", x -> -(int) x);
    ComposedTransformElement shift =
        new Compose().connect(plusHundred, negate).asTransform("shift");
    var format = map("format", x -> "result=" + x);
    var collect = new CollectSink("collect", List.of("out"));
    ComposedSinkElement report = new Compose().connect(format, collect).asSink("report");
    new Pipeline().connect(source, shift).connect(shift, report).run();
    return collect.collected("out");
  }

  /** Recipe 3: two sources merged into one converter, packaged as one source. */
  static String mergedSources() {
    var temperatures = IterSource.of("temperatures", "celsius", List.of(20.0, 25.0, 30.0));
    var humidity = IterSource.of("humidity", "percent", List.of(50, 60, 70));
    var convert =
        CallableTransform.fromCombinations(
            "convert",
            List.of(
                new CallableTransform.Combination(
                    List.of("celsius"), f -> (double) f.get(0).data() * 9 / 5 + 32, "fahrenheit"),
                new CallableTransform.Combination(
                    List.of("percent"), f -> f.get(0).data() + "%", "relative")));
    ComposedSourceElement sensors =
        new Compose().connect(temperatures, convert).connect(humidity, convert).asSource("sensors");
    var display = new CollectSink("display", List.of("fahrenheit", "relative"));
    new Pipeline().connect(sensors, display).run();
    return "temperature "
        + display.collected("fahrenheit")
        + ", humidity "
        + display.collected("relative");
  }

  /** Recipe 4: one analyzer fanned out to two sinks, packaged as one sink. */
  static String fanOutSink() {
    var analyzer = map("analyzer", x -> x);
    var square = map("square", x -> (int) x * (int) x);
    var root = map("sqrt", x -> Math.sqrt((int) x));
    var squares = new CollectSink("squares", List.of("out"));
    var roots = new CollectSink("roots", List.of("out"));
    ComposedSinkElement report =
        new Compose()
            .connect(analyzer, square)
            .connect(analyzer, root)
            .connect(square, squares)
            .connect(root, roots)
            .asSink("report");
    new Pipeline().connect(IterSource.of("numbers", "out", List.of(4, 9, 16)), report).run();
    return "squared " + squares.collected("out") + ", square roots " + roots.collected("out");
  }

  /** Recipe 5's factory: each call builds a new, independent scale-and-offset transform. */
  static ComposedTransformElement scaleAndOffset(String name, double scale, double offset) {
    var times = map(name + "-scale", x -> ((Number) x).doubleValue() * scale);
    var plus = map(name + "-offset", x -> (double) x + offset);
    return new Compose().connect(times, plus).asTransform(name);
  }

  /** Recipe 5: a factory-made Celsius to Fahrenheit converter. */
  static List<Object> factory() {
    var toFahrenheit = scaleAndOffset("to_f", 9.0 / 5, 32);
    var sink = new CollectSink("fahrenheit", List.of("out"));
    new Pipeline()
        .connect(IterSource.of("celsius", "out", List.of(0, 20, 100)), toFahrenheit)
        .connect(toFahrenheit, sink, Map.of("out", "out"))
        .run();
    return sink.collected("out");
  }
}
