package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ComposeTest {

  private static CallableTransform map(String name, Function<Object, Object> function) {
    return CallableTransform.fromCallable(
        name, frames -> function.apply(frames.get(0).data()), "out", List.of("in"));
  }

  private static int intOf(Object value) {
    return (int) value;
  }

  @Test
  void aComposedSourceRunsItsInnerChain() {
    var doubler = map("double", x -> intOf(x) * 2);
    var plusTen = map("plus-ten", x -> intOf(x) + 10);
    ComposedSourceElement numbers =
        new Compose()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3, 4, 5)), doubler)
            .connect(doubler, plusTen)
            .asSource("numbers-plus");
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(numbers, sink);
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(12, 14, 16, 18, 20);
    assertThat(numbers.sourcePads())
        .extracting(Pad::fullName)
        .containsExactly("numbers-plus:src:out");
    assertThat(numbers.innerElements())
        .extracting(Element::name)
        .containsExactly("numbers", "double", "plus-ten");
    assertThat(pipeline.edges())
        .containsExactly(new Pipeline.Edge("numbers-plus:src:out", "collect:snk:in"));
    assertThat(pipeline.element("double")).isSameAs(doubler);
    assertThat(pipeline.pad("plus-ten:src:out")).isSameAs(plusTen.sourcePad("out"));
    assertThat(pipeline.elements()).containsExactly(numbers, sink);
  }

  private static ComposedTransformElement shift() {
    var plus = map("plus-hundred", x -> intOf(x) + 100);
    var negate = map("negate", x -> -intOf(x));
    return new Compose().connect(plus, negate).asTransform("shift");
  }

  @Test
  void composedSourceTransformAndSinkChain() {
    var doubler = map("double", x -> intOf(x) * 2);
    var source =
        new Compose()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3, 4, 5)), doubler)
            .asSource("doubled");
    var format = map("format", x -> "result=" + x);
    var collect = new CollectSink("collect", List.of("out"));
    var sink = new Compose().connect(format, collect).asSink("report");
    var shift = shift();
    new Pipeline().connect(source, shift).connect(shift, sink).run();

    assertThat(collect.collected("out"))
        .containsExactly("result=-102", "result=-104", "result=-106", "result=-108", "result=-110");
  }

  @Test
  void aComposedSinkIsAtEosWhenEveryInnerSinkIs() {
    var analyzer = map("analyzer", x -> x);
    var squares =
        CallableTransform.fromCallable(
            "square", f -> intOf(f.get(0).data()) * intOf(f.get(0).data()), "out", List.of("in"));
    var roots =
        CallableTransform.fromCallable(
            "sqrt", f -> Math.sqrt(intOf(f.get(0).data())), "out", List.of("in"));
    var squared = new CollectSink("squared", List.of("out"));
    var rooted = new CollectSink("rooted", List.of("out"));
    ComposedSinkElement report =
        new Compose()
            .connect(analyzer, squares)
            .connect(analyzer, roots)
            .connect(squares, squared)
            .connect(roots, rooted)
            .asSink("report");
    squared.setEosPolicy(EosPolicy.ANY);
    new Pipeline().connect(IterSource.of("src", "out", List.of(4, 9, 16)), report).run();

    assertThat(squared.collected("out")).containsExactly(16, 81, 256);
    assertThat(rooted.collected("out")).containsExactly(2.0, 3.0, 4.0);
    assertThat(report.atEos()).isTrue();
  }

  @Test
  void twoSourcesMergedIntoOneConverterAsAComposedSource() {
    var temps = IterSource.of("temps", "celsius", List.of(20.0, 25.0, 30.0));
    var humid = IterSource.of("humid", "percent", List.of(50, 60, 70));
    var convert =
        CallableTransform.fromCombinations(
            "convert",
            List.of(
                new CallableTransform.Combination(
                    List.of("celsius"), f -> (double) f.get(0).data() * 9 / 5 + 32, "fahrenheit"),
                new CallableTransform.Combination(
                    List.of("percent"), f -> f.get(0).data() + "%", "humidity")));
    var sensors = new Compose().connect(temps, convert).connect(humid, convert).asSource("sensors");
    var sink = new CollectSink("display", List.of("fahrenheit", "humidity"));
    new Pipeline().connect(sensors, sink).run();

    assertThat(sensors.srcs().keySet()).containsExactly("fahrenheit", "humidity");
    assertThat(sink.collected("fahrenheit")).containsExactly(68.0, 77.0, 86.0);
    assertThat(sink.collected("humidity")).containsExactly("50%", "60%", "70%");
  }

  private static ComposedTransformElement scaleAndOffset(String name, double scale, double offset) {
    var times = map(name + "-scale", x -> ((Number) x).doubleValue() * scale);
    var plus = map(name + "-offset", x -> (double) x + offset);
    return new Compose().connect(times, plus).asTransform(name);
  }

  @Test
  void factoriesBuildIndependentCopies() {
    var toF = scaleAndOffset("to_f", 9.0 / 5, 32);
    var toK = scaleAndOffset("to_k", 1, 273.15);
    var sink = new CollectSink("out", List.of("f", "k"));
    var celsius = IterSource.of("celsius", "out", List.of(0, 20, 100));
    new Pipeline()
        .connect(celsius, toF)
        .connect(celsius, toK)
        .connect(toF, sink, Map.of("f", "out"))
        .connect(toK, sink, Map.of("k", "out"))
        .run();

    assertThat(sink.collected("f")).containsExactly(32.0, 68.0, 212.0);
    assertThat(sink.collected("k")).containsExactly(273.15, 293.15, 373.15);
  }

  @Test
  void compositionsNestAndTheirInnerElementsStartAndStop() {
    Recording rec = new Recording();
    var inner =
        new Compose()
            .connect(
                rec.transform("a", List.of("in"), List.of("out")),
                rec.transform("b", List.of("in"), List.of("out")));
    var middle = inner.asTransform("middle");
    var outer = new Compose().connect(rec.source("src", 2, "out"), middle).asSource("outer");
    var sink = rec.sink("sink", "out");
    new Pipeline().connect(outer, sink).run();

    assertThat(sink.received).extracting(Frame::data).containsExactly(1, 2, null);
    assertThat(rec.log)
        .startsWith("sink.start", "b.start", "a.start", "src.start", "src.internal")
        .endsWith("src.stop", "a.stop", "b.stop", "sink.stop");
  }

  @Test
  void openPadsOfAComposedElementMustBeLinkedInThePipeline() {
    var t = map("t", x -> x);
    var composed = new Compose(t).asTransform("wrap");
    Pipeline pipeline = new Pipeline().insert(composed, new CollectSink("k", List.of("in")));
    pipeline.link("k:snk:in", "wrap:src:out");

    assertThatThrownBy(pipeline::check)
        .hasMessage(
            "Pipeline has 1 unlinked pad: sink pad wrap:snk:in; link every pad (Pipeline.link or"
                + " connect) or build the element without it");
  }

  @Test
  void compositionsAreChecked() {
    assertThatThrownBy(() -> new Compose().asSource("empty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ComposedSourceElement 'empty' requires at least one element");
    assertThatThrownBy(() -> new Compose(map("t", x -> x)).asSource("s"))
        .hasMessage("ComposedSourceElement 's' requires at least one SourceElement");
    assertThatThrownBy(
            () ->
                new Compose()
                    .connect(IterSource.of("i", "out", List.of()), new NullSink("n", List.of("in")))
                    .asSource("s"))
        .hasMessage("ComposedSourceElement 's' cannot contain SinkElement, got 'n'");
    assertThatThrownBy(() -> new Compose(new NullSink("n", List.of("in"))).asTransform("t"))
        .hasMessage(
            "ComposedTransformElement 't' can only contain TransformElements, got 'n' (NullSink)");
    assertThatThrownBy(() -> new Compose(map("t", x -> x)).asSink("k"))
        .hasMessage("ComposedSinkElement 'k' requires at least one SinkElement");
    assertThatThrownBy(
            () ->
                new Compose()
                    .connect(IterSource.of("i", "out", List.of()), new NullSink("n", List.of("in")))
                    .asSink("k"))
        .hasMessage("ComposedSinkElement 'k' cannot contain SourceElement, got 'i'");
    assertThatThrownBy(
            () ->
                new Compose(IterSource.of("i", "out", List.of()))
                    .insert(CallableTransform.fromCallable("t", f -> 1, "res", List.of("in")))
                    .asSource("s"))
        .hasMessage(
            "ComposedSourceElement 's' has no inputs, but sink pads [t:snk:in] are not linked inside"
                + " the composition; link them");
    assertThatThrownBy(
            () -> new Compose(map("a", x -> x)).insert(map("b", x -> x)).asTransform("t"))
        .hasMessage(
            "ComposedTransformElement 't': two open sink pads are named 'in': 'a:snk:in' and"
                + " 'b:snk:in'; rename one, or link it inside the composition");
  }

  @Test
  void anElementBelongsToOneCompositionAndIsNotInsertedOnItsOwn() {
    var t = map("t", x -> x);
    var composed = new Compose(t).asTransform("wrap");

    assertThatThrownBy(() -> new Compose(t))
        .hasMessage(
            "Element 't' is already in a pipeline or another composition; build a new one for this"
                + " composition");
    assertThatThrownBy(() -> new Pipeline().insert(t))
        .hasMessage("Element 't' is part of a composition; insert the composed element instead");
    Pipeline pipeline = new Pipeline().insert(composed, new CollectSink("k", List.of("in")));
    assertThatThrownBy(() -> pipeline.link("k:snk:in", "t:src:out"))
        .hasMessage(
            "Element 't' of pad 't:src:out' is inside a composed element; link the composed"
                + " element's pads instead");
    var again = new Compose(map("t", x -> x)).asTransform("again");
    assertThatThrownBy(() -> new Pipeline().insert(new CollectSink("t", List.of("in")), again))
        .hasMessage(
            "Element name 't' is already in use in this pipeline by t (CollectSink); element names"
                + " must be unique");
    var frozen = new Compose(map("x", v -> v));
    frozen.asTransform("once");
    assertThatThrownBy(() -> frozen.asTransform("twice"))
        .hasMessage("this composition was already turned into an element; start a new Compose");
  }
}
