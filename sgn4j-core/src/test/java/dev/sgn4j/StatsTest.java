package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.EosTime;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatsTest {

  private static Pipeline quickStart() {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var scale =
        CallableTransform.fromCallable(
            "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
    var sink = new CollectSink("collect", List.of("in"));
    return new Pipeline().connect(source, scale).connect(scale, sink);
  }

  @Test
  void beforeTheFirstRunThereIsNothingToReport() {
    RunStats stats = quickStart().stats();

    assertThat(stats.iterations()).isZero();
    assertThat(stats.elements()).isEmpty();
    assertThat(stats.running()).isFalse();
  }

  @Test
  void everyElementAndPadIsCounted() {
    Pipeline pipeline = quickStart();
    pipeline.run();
    RunStats stats = pipeline.stats();

    assertThat(stats.iterations()).isEqualTo(4);
    assertThat(stats.running()).isFalse();
    assertThat(stats.elements())
        .extracting(ElementStats::name)
        .containsExactly("numbers", "scale", "collect");
    ElementStats numbers = stats.element("numbers");
    assertThat(numbers)
        .extracting(
            ElementStats::type,
            ElementStats::calls,
            ElementStats::framesIn,
            ElementStats::framesOut,
            ElementStats::gaps,
            ElementStats::eos)
        .containsExactly("IterSource", 8L, 0L, 3L, 1L, 1L);
    assertThat(stats.element("scale"))
        .extracting(
            ElementStats::calls,
            ElementStats::framesIn,
            ElementStats::framesOut,
            ElementStats::gaps,
            ElementStats::eos)
        .containsExactly(12L, 3L, 3L, 2L, 2L);
    assertThat(stats.element("collect"))
        .extracting(ElementStats::framesIn, ElementStats::eos)
        .containsExactly(3L, 1L);
    assertThat(stats.element("scale").pads())
        .extracting(PadStats::pad, PadStats::calls, PadStats::frames, PadStats::gaps, PadStats::eos)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("scale:snk:in", 4L, 3L, 1L, 1L),
            org.assertj.core.groups.Tuple.tuple("scale:inl:inl", 4L, 0L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("scale:src:out", 4L, 3L, 1L, 1L));
    assertThat(numbers.time()).isPositive();
    assertThat(numbers.p99()).isGreaterThanOrEqualTo(numbers.mean().dividedBy(2));
  }

  @Test
  void everyElementIsAtEosAfterARunThatEnded() {
    Pipeline pipeline = quickStart();
    pipeline.run();

    assertThat(pipeline.stats().elements())
        .extracting(ElementStats::name, ElementStats::atEos)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("numbers", true),
            org.assertj.core.groups.Tuple.tuple("scale", true),
            org.assertj.core.groups.Tuple.tuple("collect", true));
  }

  @Test
  void aSourceIsAtEosOnlyWhenEveryOneOfItsSourcePadsSentEos() {
    var source = IterSource.builder("two").pad("short", List.of(1)).pad("long", List.of(1, 2, 3));
    var sink = new CollectSink("collect", List.of("short", "long"));
    Pipeline pipeline = new Pipeline().connect(source.build(), sink);
    pipeline.run();

    assertThat(pipeline.stats().elements())
        .extracting(ElementStats::name, ElementStats::atEos)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("two", false),
            org.assertj.core.groups.Tuple.tuple("collect", true));
  }

  @Test
  void eachElementsEosIterationAndTimeAreReported() {
    // short ends in iteration 3, long in iteration 6; each sink is at EOS with its source. The
    // sink of the long branch comes first in the schedule, so the early one is checked while the
    // late one is not yet at EOS.
    var late = IterSource.of("long", "out", List.of(1, 2, 3, 4, 5));
    var lateSink = new CollectSink("longSink", List.of("in"));
    var early = IterSource.of("short", "out", List.of(1, 2));
    var earlySink = new CollectSink("shortSink", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(late, lateSink).connect(early, earlySink);
    pipeline.run();
    RunStats stats = pipeline.stats();

    assertThat(stats.elements())
        .extracting(e -> e.name() + "@" + e.eosTime().orElseThrow().iteration())
        .containsExactlyInAnyOrder("long@6", "longSink@6", "short@3", "shortSink@3");
    Duration earlyAt = stats.element("shortSink").eosTime().orElseThrow().elapsed();
    Duration lateAt = stats.element("longSink").eosTime().orElseThrow().elapsed();
    assertThat(stats.element("short").eosTime().orElseThrow().elapsed())
        .isLessThanOrEqualTo(earlyAt);
    assertThat(earlyAt).isLessThanOrEqualTo(lateAt);
    assertThat(lateAt).isLessThanOrEqualTo(stats.elapsed());
  }

  @Test
  void anElementThatNeverReachedEosHasNoEosTime() {
    var source = IterSource.builder("two").pad("short", List.of(1)).pad("long", List.of(1, 2, 3));
    var sink = new CollectSink("collect", List.of("short", "long"));
    Pipeline pipeline = new Pipeline().connect(source.build(), sink);
    pipeline.run();

    assertThat(pipeline.stats().element("two").eosTime()).isEmpty();
    assertThat(pipeline.stats().toTable().lines().filter(line -> line.startsWith("two ")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("two +IterSource +6 +0 +3 +1 +1 +- +- +[0-9.]+ +[0-9.]+ +[0-9.]+");
    assertThat(pipeline.stats().element("collect").eosTime().orElseThrow().iteration())
        .isEqualTo(2);
  }

  @Test
  void aThreadedTransformReachesEosInTheIterationOfTheLockStepRun() {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var scale =
        dev.sgn4j.parallel.ParallelTransformElement.builder("scale")
            .map(frame -> frame.withData((int) frame.data() * 10))
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, scale).connect(scale, sink);
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(10, 20, 30);
    assertThat(pipeline.stats().elements())
        .extracting(e -> e.name() + "@" + e.eosTime().orElseThrow().iteration())
        .containsExactly("numbers@4", "scale@4", "collect@4");
  }

  @Test
  void anEosTimeIsGivenExactlyWhenTheElementIsAtEos() {
    assertThatThrownBy(
            () ->
                new ElementStats(
                    "sink",
                    "Test",
                    0,
                    0,
                    0,
                    0,
                    0,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    List.of(),
                    java.util.Map.of(),
                    true,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'sink': an EOS time must be given exactly when the element is at EOS, got"
                + " atEos=true and Optional.empty");
    assertThatThrownBy(() -> new EosTime(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an EOS time needs an iteration and an elapsed time not negative, got -1 and PT0S");
    assertThatThrownBy(() -> new EosTime(1, Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an EOS time needs an iteration and an elapsed time not negative, got 1 and PT-0.000000001S");
  }

  @Test
  void theTableIsAligned() {
    Pipeline pipeline = quickStart();
    pipeline.run();
    List<String> lines = pipeline.stats().toTable().lines().toList();

    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .isEqualTo(
            "element  type               calls  in  out  gaps  eos  eos it  eos ms  time ms~"
                + "  mean us~  p99 us~  extra");
    assertThat(lines.get(1))
        .matches(
            "numbers  IterSource             8   0    3     1    1       4 +[0-9.]+ +[0-9.]+ +[0-9.]+"
                + " +[0-9.]+");
    assertThat(lines.get(2))
        .startsWith("scale    CallableTransform     12   3    3     2    2       4");
    assertThat(lines.get(3))
        .startsWith("collect  CollectSink            8   3    0     1    1       4");
    assertThat(lines.get(4))
        .matches(
            "4 iterations in [0-9]+\\.[0-9]{3} s; ~ estimated from the calls of one pass in 128");
  }

  @Test
  void unknownElementsNameTheOnesThereAre() {
    Pipeline pipeline = quickStart();
    pipeline.run();

    assertThatThrownBy(() -> pipeline.stats().element("nope"))
        .hasMessage("no element 'nope' in these stats; they cover [numbers, scale, collect]");
  }

  @Test
  void statsCanBeReadWhileTheRunIsActive() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    var source =
        new SourceElement("src", List.of("out")) {
          private int count;

          @Override
          protected Frame newFrame(SourcePad pad) {
            count++;
            if (count == 50) {
              reading.countDown();
              try {
                assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
            return count > 100 ? Frame.eos() : Frame.of(count);
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, new NullSink("k", List.of("in")));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> run = executor.submit(() -> pipeline.run());
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
      RunStats during = pipeline.stats();
      read.countDown();
      run.get(10, TimeUnit.SECONDS);

      assertThat(during.running()).isTrue();
      assertThat(during.element("k").framesIn()).isBetween(45L, 50L);
      assertThat(pipeline.stats().element("k").framesIn()).isEqualTo(100);
    } finally {
      executor.shutdownNow();
    }
  }
}
