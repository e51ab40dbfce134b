package dev.sgn4j.parallel;

import static dev.sgn4j.parallel.NoLeaks.assertNoWorkerThreads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Compose;
import dev.sgn4j.Element;
import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.worker.WorkerMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A run ends only when every sink completed the run's last iteration, the one in which the last
 * sink reached EOS, and no sink runs past it: with parallel elements every sink receives what it
 * receives without them, however fast or slow the workers are.
 */
class LastIterationTest {

  private static final long SLOW = 2_000_000L;

  @AfterEach
  void nothingLeaks() {
    assertNoWorkerThreads();
  }

  /** A CollectSink that counts its iterations. */
  static final class CountingSink extends CollectSink {
    int internals;

    CountingSink(String name, List<String> pads) {
      super(name, pads);
    }

    @Override
    protected void internal() {
      internals++;
    }
  }

  private static ParallelTransformElement.Builder delay(String name, long nanos) {
    return ParallelTransformElement.builder(name)
        .map(
            frame -> {
              if (nanos > 0) {
                LockSupport.parkNanos(nanos);
              }
              return frame;
            });
  }

  /** The pipeline: a → sink pad a; b → a map in workers → sink pad b. */
  private static CountingSink runAB(Element map, EosPolicy policy) {
    var a = IterSource.of("a", "out", List.of(1, 2, 3));
    var b = IterSource.of("b", "out", List.of(10, 20, 30, 40, 50));
    var sink = new CountingSink("sink", List.of("a", "b"));
    sink.setEosPolicy(policy);
    new Pipeline()
        .connect(b, map)
        .connect(map, sink, Map.of("b", "out"))
        .connect(a, sink, Map.of("a", "out"))
        .run();
    return sink;
  }

  @RepeatedTest(20)
  void aSinkCompletesTheIterationInWhichItReachedEosWhileASlowWorkerStillHoldsAFrame() {
    var sink = runAB(delay("map", SLOW).build(), EosPolicy.ANY);

    assertThat(sink.collected("a")).containsExactly(1, 2, 3);
    assertThat(sink.collected("b")).containsExactly(10, 20, 30, 40);
    assertThat(sink.internals).isEqualTo(4);
  }

  @RepeatedTest(200)
  void aSinkCompletesTheIterationInWhichItReachedEosWithAFastWorker() {
    var sink = runAB(delay("map", 0).build(), EosPolicy.ANY);

    assertThat(sink.collected("a")).containsExactly(1, 2, 3);
    assertThat(sink.collected("b")).containsExactly(10, 20, 30, 40);
    assertThat(sink.internals).isEqualTo(4);
  }

  @RepeatedTest(50)
  void aPoolOfVirtualThreadsWithCapacityOneQueuesLosesNoFrameAtTheEnd() {
    var map = delay("map", 0).workers(3).queueCapacity(1).mode(WorkerMode.VIRTUAL_THREAD).build();
    var sink = runAB(map, EosPolicy.ANY);

    assertThat(sink.collected("b")).containsExactly(10, 20, 30, 40);
    assertThat(sink.internals).isEqualTo(4);
  }

  @RepeatedTest(50)
  void aSinkWithEosPolicyAllCompletesTheIterationOfItsLastPad() {
    var sink = runAB(delay("map", 0).build(), EosPolicy.ALL);

    assertThat(sink.collected("a")).containsExactly(1, 2, 3);
    assertThat(sink.collected("b")).containsExactly(10, 20, 30, 40, 50);
    assertThat(sink.internals).isEqualTo(6);
  }

  @RepeatedTest(50)
  void aParallelElementInsideACompositionLosesNoFrameAtTheEnd() {
    var relay = delay("relay", 0).build();
    var passThrough = new PassThrough("pass");
    var composed =
        new Compose().connect(relay, passThrough, Map.of("in", "out")).asTransform("composed");
    var sink = runAB(composed, EosPolicy.ANY);

    assertThat(sink.collected("b")).containsExactly(10, 20, 30, 40);
    assertThat(sink.internals).isEqualTo(4);
  }

  @RepeatedTest(20)
  void aSinkAtEosWaitsForTheLastIterationOfASlowerSinkAndRunsNoFurther() {
    // early reaches EOS in iteration 2 and could run on: its pad y has ten items at hand.
    var direct = IterSource.builder("direct").pad("x", List.of(1)).pad("y", range(1, 10)).build();
    var early = new CountingSink("early", List.of("x", "y"));
    // late reaches EOS in iteration 4, behind a slow worker.
    var slow = IterSource.of("slow", "out", List.of(1, 2, 3));
    var map = delay("map", SLOW).build();
    var late = new CountingSink("late", List.of("in"));
    new Pipeline().connect(direct, early).connect(slow, map).connect(map, late).run();

    assertThat(early.collected("x")).containsExactly(1);
    assertThat(early.collected("y")).containsExactly(1, 2, 3, 4);
    assertThat(early.internals).isEqualTo(4);
    assertThat(late.collected("in")).containsExactly(1, 2, 3);
    assertThat(late.internals).isEqualTo(4);
  }

  @RepeatedTest(50)
  void aParallelSinkGetsEveryPadsFrameOfItsLastIteration() {
    var a = IterSource.of("a", "out", List.of(1, 2, 3));
    var b = IterSource.of("b", "out", List.of(10, 20, 30, 40, 50));
    var map = delay("map", 0).build();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    var sink =
        ParallelSinkElement.builder("sink")
            .sinkPads("a", "b")
            .consume((pad, frame) -> seen.add(pad + "=" + (frame.isEos() ? "EOS" : frame.data())))
            .build();
    new Pipeline()
        .connect(b, map)
        .connect(map, sink, Map.of("b", "out"))
        .connect(a, sink, Map.of("a", "out"))
        .run();

    assertThat(seen).containsExactly("a=1", "b=10", "a=2", "b=20", "a=3", "b=30", "a=EOS", "b=40");
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  /** Hands each frame on unchanged. */
  static final class PassThrough extends TransformElement {
    private Frame frame;

    PassThrough(String name) {
      super(name, List.of("in"), List.of("out"));
    }

    @Override
    protected void pull(dev.sgn4j.SinkPad pad, Frame received) {
      frame = received;
    }

    @Override
    protected Frame newFrame(dev.sgn4j.SourcePad pad) {
      return frame;
    }
  }
}
