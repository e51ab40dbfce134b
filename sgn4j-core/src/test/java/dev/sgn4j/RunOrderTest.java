package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.DequeSource;
import dev.sgn4j.elements.IterSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOrderTest {

  @Test
  void oneIterationCallsEveryPadInSgnsLayerOrder() {
    Recording rec = new Recording();
    var a = rec.source("a", 0, "x", "y");
    var b = rec.source("b", 0, "z");
    var k = rec.sink("k", "x", "y");
    var k2 = rec.sink("k2", "z");
    new Pipeline()
        .insert(a, b, k, k2)
        .link(k.sinkPad("x"), a.sourcePad("x"))
        .link(k.sinkPad("y"), a.sourcePad("y"))
        .link(k2.sinkPad("z"), b.sourcePad("z"))
        .run();

    assertThat(rec.log)
        .containsExactly(
            "k2.start",
            "k.start",
            "b.start",
            "a.start",
            "a.internal",
            "b.internal",
            "a.new(x)",
            "a.new(y)",
            "b.new(z)",
            "k.pull(x)",
            "k.pull(y)",
            "k2.pull(z)",
            "k.internal",
            "k2.internal",
            "a.stop",
            "b.stop",
            "k.stop",
            "k2.stop");
  }

  @Test
  void everyIterationRunsPullsThenInternalThenNewInDependencyOrder() {
    Recording rec = new Recording();
    var s = rec.source("s", 2, "out");
    var t = rec.transform("t", List.of("in"), List.of("out"));
    var k = rec.sink("k", "in");
    new Pipeline().connect(s, t).connect(t, k).run();

    List<String> iteration =
        List.of(
            "s.internal",
            "s.new(out)",
            "t.pull(in)",
            "t.internal",
            "t.new(out)",
            "k.pull(in)",
            "k.internal");
    assertThat(rec.log.subList(3, rec.log.size() - 3))
        .containsExactlyElementsOf(
            java.util.stream.Stream.of(iteration, iteration, iteration)
                .flatMap(List::stream)
                .toList());
    assertThat(k.received).extracting(Frame::data).containsExactly(1, 2, null);
    assertThat(k.received.get(2).isEos()).isTrue();
  }

  @Test
  void fanOutHandsTheSameFrameObjectToEveryLinkedSinkPad() {
    Recording rec = new Recording();
    var s = rec.source("s", 1, "out");
    var k1 = rec.sink("k1", "in");
    var k2 = rec.sink("k2", "in");
    new Pipeline().connect(s, k1).connect(s, k2).run();

    assertThat(k1.received).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(k2.received.get(i)).isSameAs(k1.received.get(i));
    }
  }

  @Test
  void elementsAtEosKeepBeingCalledUntilEverySinkIsAtEos() {
    Recording rec = new Recording();
    var shortSource = rec.source("short", 1, "out");
    var longSource = rec.source("long", 3, "out");
    var early = rec.sink("early", "in");
    var late = rec.sink("late", "in");
    new Pipeline().connect(shortSource, early).connect(longSource, late).run();

    assertThat(early.received).hasSize(4);
    assertThat(early.received).extracting(Frame::isEos).containsExactly(false, true, true, true);
    assertThat(late.received).extracting(Frame::data).containsExactly(1, 2, 3, null);
    assertThat(early.atEos()).isTrue();
    assertThat(late.atEos()).isTrue();
  }

  @Test
  void aSinkIsAtEosWhenAnyPadSawEosUnlessItsPolicyIsAll() {
    var any = runTwoPadSink(EosPolicy.ANY);
    assertThat(any).extracting(Frame::data).containsExactly(1, 1, null, 2);

    var all = runTwoPadSink(EosPolicy.ALL);
    assertThat(all).extracting(Frame::data).containsExactly(1, 1, null, 2, null, 3, null, null);
  }

  private static List<Frame> runTwoPadSink(EosPolicy policy) {
    Recording rec = new Recording();
    var one = rec.source("one", 1, "x");
    var three = rec.source("three", 3, "y");
    var sink = rec.sink("sink", "x", "y");
    sink.setEosPolicy(policy);
    new Pipeline().connect(one, sink).connect(three, sink).run();
    return sink.received;
  }

  @Test
  void framesOfOneIterationArePairedAcrossPaths() {
    var a = IterSource.of("a", "a", List.of(1, 2, 3, 4, 5));
    var b = IterSource.of("b", "b", List.of(10, 20, 30, 40, 50));
    var sum =
        CallableTransform.fromCallable(
            "sum",
            frames -> (int) frames.get(0).data() + (int) frames.get(1).data(),
            "out",
            List.of("a", "b"));
    var sink = new CollectSink("collect", List.of("out"));
    new Pipeline().connect(a, sum).connect(b, sum).connect(sum, sink).run();

    assertThat(sink.collected("out")).containsExactly(11, 22, 33, 44, 55);
  }

  @Test
  void aPipelineCanRunAgainAndStartsWithFreshEosMarks() {
    var source = new DequeSource("src", List.of("out"), true);
    var sink = new CollectSink("sink", List.of("out"));
    Pipeline pipeline = new Pipeline().connect(source, sink);
    source.deque("out").addAll(List.of(1, 2));
    pipeline.run();
    source.deque("out").addAll(List.of(3));
    pipeline.run();

    assertThat(sink.collected("out")).containsExactly(1, 2, 3);
    assertThat(sink.atEos()).isTrue();
  }
}
