package dev.sgn4j.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pad;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SourcesTest {

  private static List<Frame> frames(SourceElement source, String pad, int count) {
    var sink = new CollectSink("snk", List.of("in"), false, false);
    sink.setEosPolicy(EosPolicy.ALL);
    new Pipeline().connect(source, sink, Map.of("in", pad)).run();
    List<Object> all = sink.collected("in");
    return all.subList(0, Math.min(count, all.size())).stream().map(Frame.class::cast).toList();
  }

  @Test
  void iterSourceSendsItsItemsThenEos() {
    List<Frame> frames = frames(IterSource.of("src", "out", List.of(1, 2, 3)), "out", 10);

    assertThat(frames).containsExactly(Frame.of(1), Frame.of(2), Frame.of(3), Frame.eos());
  }

  @Test
  void aNullItemIsDataNotTheEndOfTheStream() {
    List<Frame> frames = frames(IterSource.of("src", "out", Arrays.asList(1, null, 3)), "out", 10);

    assertThat(frames).containsExactly(Frame.of(1), Frame.of(null), Frame.of(3), Frame.eos());
    assertThat(frames.get(1).isGap()).isFalse();
  }

  @Test
  void anEmptyIterableSendsEosAtOnce() {
    assertThat(frames(IterSource.of("src", "out", List.of()), "out", 10))
        .containsExactly(Frame.eos());
  }

  @Test
  void padsOfOneIterSourceEndIndependently() {
    var source = IterSource.builder("src").pad("a", List.of(1, 2)).pad("b", List.of(9)).build();
    var sink = new CollectSink("snk", List.of("a", "b"), true, false);
    sink.setEosPolicy(EosPolicy.ALL);
    new Pipeline().connect(source, sink).run();

    assertThat(source.sourcePads()).extracting(Pad::shortName).containsExactly("a", "b");
    assertThat(sink.collected("a")).containsExactly(1, 2, null);
    assertThat(sink.collected("b")).containsExactly(9, null, null);
  }

  @Test
  void withoutEosOnEmptyAnExhaustedIterSourceSendsGaps() {
    var source = IterSource.builder("src").pad("out", List.of(1)).eosOnEmpty(false).build();
    var stopper = new AtomicInteger();
    var sink =
        new CollectSink("snk", List.of("in"), false, false) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (stopper.incrementAndGet() == 3) {
              markEos(pad);
            }
          }
        };
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("in")).containsExactly(Frame.of(1), Frame.gap(), Frame.gap());
  }

  @Test
  void updateIsCalledBeforeEachItem() {
    var updates = new AtomicInteger();
    var source =
        new IterSource("src", List.of("out"), Map.of("out", List.of("x", "y")), true) {
          @Override
          protected void update(SourcePad pad) {
            updates.incrementAndGet();
          }
        };
    frames(source, "out", 10);

    assertThat(updates).hasValue(3);
  }

  @Test
  void iterablesMustMatchThePads() {
    assertThatThrownBy(
            () -> new IterSource("src", List.of("a"), Map.of("a", List.of(), "c", List.of()), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "IterSource 'src' has items for pads that do not exist: [c]; its source pads are [a]");
    assertThatThrownBy(() -> new IterSource("src", List.of("a", "b"), Map.of("a", List.of()), true))
        .hasMessage("IterSource 'src' needs one iterable per source pad; missing: [b]");
    assertThatThrownBy(() -> IterSource.builder("src").pad("a", List.of()).pad("a", List.of()))
        .hasMessage("pad 'a' is added twice");
  }

  @Test
  void dequeSourceIsFirstInFirstOut() {
    var source = new DequeSource("src", List.of("out"), true);
    source.deque("out").addAll(List.of(1, 2, 3));

    assertThat(frames(source, "out", 10))
        .containsExactly(Frame.of(1), Frame.of(2), Frame.of(3), Frame.eos());
  }

  @Test
  void aLiveDequeSourceSendsGapsUntilItsStreamIsEnded() {
    var source = new DequeSource("src", List.of("out"), false);
    source.deque("out").add("a");
    var sink =
        new CollectSink("snk", List.of("in"), false, false) {
          private int calls;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            calls++;
            if (calls == 2) {
              source.deque("out").add("b");
            } else if (calls == 4) {
              source.endOfStream("out");
            }
          }
        };
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("in"))
        .containsExactly(Frame.of("a"), Frame.gap(), Frame.of("b"), Frame.gap(), Frame.eos());
  }

  @Test
  void nullSourceSendsItsFramesPerPadThenEos() {
    var source = new NullSource("null", List.of("a", "b"), 2, null);
    var sink = new CollectSink("snk", List.of("a", "b"), false, false);
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("a")).containsExactly(Frame.gap(), Frame.gap(), Frame.eos());
    assertThat(sink.collected("b")).containsExactly(Frame.gap(), Frame.gap(), Frame.eos());
  }

  @Test
  void nullSourceWithZeroFramesEndsAtOnceAndCountsAgainOnEveryRun() {
    var source = new NullSource("null", List.of("out"), 0, java.time.Duration.ofMillis(1));
    var sink = new CollectSink("snk", List.of("in"), false, false);
    Pipeline pipeline = new Pipeline().connect(source, sink);
    pipeline.run();
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(Frame.eos(), Frame.eos());
  }

  @Test
  void aStopEndsANullSourcesPauseAtOnce() throws Exception {
    var source = new NullSource("clock", List.of("out"), -1, java.time.Duration.ofHours(1));
    var started = new java.util.concurrent.CountDownLatch(1);
    var sink =
        new CollectSink("snk", List.of("in"), false, false) {
          @Override
          protected void start() {
            super.start();
            started.countDown();
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, sink);
    var run = java.util.concurrent.CompletableFuture.runAsync(pipeline::run);

    assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    pipeline.stop();
    run.get(10, java.util.concurrent.TimeUnit.SECONDS); // not an hour

    assertThat(sink.collected("in")).containsExactly(Frame.eos());
  }

  @Test
  void nullSourceRejectsANegativeWait() {
    assertThatThrownBy(
            () -> new NullSource("n", List.of("out"), 1, java.time.Duration.ofMillis(-1)))
        .hasMessage("NullSource 'n': wait must not be negative, got PT-0.001S");
  }

  @Test
  void nullSourceRejectsFrameCountsBelowMinusOneAndKeepsMinusOneForNoLimit() {
    assertThatThrownBy(() -> new NullSource("n", List.of("out"), -5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NullSource 'n': numFrames must be 0 or more, or -1 for no limit, got -5");
    assertThatThrownBy(() -> new NullSource("n", List.of("out"), Long.MIN_VALUE, null))
        .hasMessage(
            "NullSource 'n': numFrames must be 0 or more, or -1 for no limit, got "
                + Long.MIN_VALUE);
    assertThat(new NullSource("n", List.of("out"), -1, null).name()).isEqualTo("n");
  }

  @Test
  void nullSourceRejectsAWaitLongerThanNanosecondsCanHold() {
    var longest = java.time.Duration.ofNanos(Long.MAX_VALUE);
    assertThat(new NullSource("n", List.of("out"), 1, longest).name()).isEqualTo("n");
    assertThatThrownBy(() -> new NullSource("n", List.of("out"), 1, longest.plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "NullSource 'n': wait must be at most PT2562047H47M16.854775807S (what fits in a long"
                + " of nanoseconds), got PT2562047H47M16.854775808S");
    assertThatThrownBy(
            () ->
                new NullSource(
                    "n", List.of("out"), 1, java.time.Duration.ofSeconds(Long.MAX_VALUE)))
        .hasMessageStartingWith("NullSource 'n': wait must be at most");
  }
}
