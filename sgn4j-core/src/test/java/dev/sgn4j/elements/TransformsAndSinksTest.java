package dev.sgn4j.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.Pad;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TransformsAndSinksTest {

  private static int intOf(Frame frame) {
    return (int) frame.data();
  }

  @Test
  void fromCombinationsComputesEachOutputFromItsOwnInputs() {
    var a = IterSource.of("a", "a", List.of(2, 4));
    var b = IterSource.of("b", "b", List.of(3, 5));
    var math =
        CallableTransform.fromCombinations(
            "math",
            List.of(
                new CallableTransform.Combination(
                    List.of("a", "b"), f -> intOf(f.get(0)) + intOf(f.get(1)), "sum"),
                new CallableTransform.Combination(
                    List.of("math:snk:b"), f -> intOf(f.get(0)) * 10, "tenfold")));
    var sink = new CollectSink("snk", List.of("sum", "tenfold"));
    new Pipeline().connect(a, math).connect(b, math).connect(math, sink).run();

    assertThat(math.sinkPads()).extracting(Pad::shortName).containsExactly("a", "b");
    assertThat(math.sourcePads()).extracting(Pad::shortName).containsExactly("sum", "tenfold");
    assertThat(sink.collected("sum")).containsExactly(5, 9);
    assertThat(sink.collected("tenfold")).containsExactly(30, 50);
  }

  @Test
  void eosAndGapsAreOredOverAllInputsAndGapsSkipTheFunction() {
    var a = IterSource.builder("a").pad("a", List.of(1, 2, 3)).eosOnEmpty(true).build();
    var b = IterSource.builder("b").pad("b", List.of(1)).eosOnEmpty(false).build();
    List<List<Frame>> calls = new java.util.ArrayList<>();
    Function<List<Frame>, Object> first =
        frames -> {
          calls.add(frames);
          return frames.get(0).data();
        };
    var t = CallableTransform.fromCallable("t", first, "out", List.of("a", "b"));
    var sink = new CollectSink("snk", List.of("out"), false, false);
    new Pipeline().connect(a, t).connect(b, t).connect(t, sink).run();

    assertThat(sink.collected("out"))
        .containsExactly(Frame.of(1), Frame.gap(), Frame.gap(), Frame.eos());
    assertThat(calls).containsExactly(List.of(Frame.of(1), Frame.of(1)));
  }

  @Test
  void anEosFrameWithDataIsPassedToTheFunction() {
    var source =
        new SourceElement("src", List.of("out")) {
          @Override
          protected Frame newFrame(SourcePad pad) {
            return Frame.of(7).withEos(true);
          }
        };
    var t = CallableTransform.fromCallable("t", f -> intOf(f.get(0)) + 1, "out", List.of("in"));
    var sink = new CollectSink("snk", List.of("out"), false, true);
    new Pipeline().connect(source, t).connect(t, sink).run();

    assertThat(sink.collected("out")).containsExactly(Frame.of(8).withEos(true));
  }

  @Test
  void callableTransformValidatesItsMaps() {
    Function<List<Frame>, Object> f = frames -> null;
    assertThatThrownBy(() -> new CallableTransform("t", Map.of(), Map.of("x", List.of("a")), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CallableTransform 't' requires a callmap (output pad name -> function)");
    assertThatThrownBy(() -> new CallableTransform("t", Map.of("x", f), null, null))
        .hasMessage("CallableTransform 't' requires a depmap (output pad name -> input pad names)");
    assertThatThrownBy(
            () -> new CallableTransform("t", Map.of("x", f), Map.of("y", List.of("a")), null))
        .hasMessage(
            "CallableTransform 't': callmap and depmap must have the same keys, got [x] and [y]");
    assertThatThrownBy(
            () ->
                new CallableTransform("t", Map.of("x", f), Map.of("x", List.of("a")), List.of("b")))
        .hasMessage(
            "CallableTransform 't': output 'x' depends on 'a', which is not a sink pad; the sink"
                + " pads are [b]");
    assertThatThrownBy(
            () ->
                CallableTransform.fromCombinations(
                    "t",
                    List.of(
                        new CallableTransform.Combination(List.of("a"), f, "x"),
                        new CallableTransform.Combination(List.of("b"), f, "x"))))
        .hasMessage("CallableTransform 't': two combinations write output 'x'");
  }

  @Test
  void collectSinkMarksEosThenSkipsGapsUnlessToldOtherwise() {
    var items = Arrays.asList(1, null, 3);
    var source = new DequeSource("src", List.of("out"), false);
    var data = new CollectSink("data", List.of("in"));
    var frames = new CollectSink("frames", List.of("in"), false, false);
    Pipeline pipeline = new Pipeline().connect(source, data).connect(source, frames);
    source.deque("out").add(1);
    source.deque("out").add(3);
    source.endOfStream("out");
    pipeline.run();

    assertThat(data.collected("in")).containsExactly(1, 3);
    assertThat(frames.collected("in")).containsExactly(Frame.of(1), Frame.of(3), Frame.eos());
    assertThat(data.atEos()).isTrue();
    assertThat(items).hasSize(3);
  }

  @Test
  void dequeSinkCanBeDrainedWhileAndAfterTheRun() {
    var source = IterSource.of("src", "out", List.of("a", "b", "c"));
    var sink = new DequeSink("snk", List.of("in"));
    new Pipeline().connect(source, sink).run();

    assertThat(sink.deque("in").pollFirst()).isEqualTo("a");
    assertThat(sink.deque("in")).containsExactly("b", "c");
  }

  @Test
  void nullSinkPrintsEveryFrameWhenGivenAStream() {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new Pipeline()
        .connect(IterSource.of("src", "out", List.of(1)), new NullSink("show", List.of("in"), out))
        .run();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "show:snk:in: Frame[data=1, eos=false, gap=false]",
            "show:snk:in: Frame[data=null, eos=true, gap=true]");
  }
}
