package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.Parallelize;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The encodability check of thread mode (SPEC X5): with it on, a thread worker's queues carry what
 * a worker process's would, so a value that process mode cannot encode fails in thread mode too,
 * with the same words, and frames travel as decoded copies.
 */
class EncodabilityCheckTest {

  @AfterEach
  void nothingLeaks() {
    Parallelize.setDefaultCheckEncodable(false);
    ProcessLeaks.assertNone();
  }

  /** A value with no codec that is not Serializable. */
  public static final class Opaque {
    @Override
    public String toString() {
      return "opaque";
    }
  }

  /** Passes each frame on. */
  public static final class Identity implements FrameMap {
    @Override
    public Frame apply(Frame frame) {
      return frame;
    }
  }

  /** Answers each frame with a value no codec knows. */
  public static final class MakeOpaque implements FrameMap {
    @Override
    public Frame apply(Frame frame) {
      return frame.withData(new Opaque());
    }
  }

  /** Doubles every number of an int[] in place and passes the same array on. */
  public static final class DoubleInPlace implements FrameMap {
    @Override
    public Frame apply(Frame frame) {
      int[] numbers = (int[]) frame.data();
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] *= 2;
      }
      return frame;
    }
  }

  private static final String OPAQUE_PROBLEM =
      "cannot encode frame data: dev.sgn4j.process.EncodabilityCheckTest$Opaque has no codec and"
          + " is not Serializable; register a codec with"
          + " FrameCodecs.register(EncodabilityCheckTest.Opaque.class, codec) or make it"
          + " Serializable";

  private static ParallelTransformElement.Builder element(Class<? extends FrameMap> map) {
    return ParallelTransformElement.builder("check").map(map);
  }

  private static Pipeline pipeline(
      List<?> items, ParallelTransformElement element, CollectSink sink) {
    return new Pipeline()
        .connect(IterSource.of("numbers", "out", items), element)
        .connect(element, sink);
  }

  private static Throwable failure(Runnable run) {
    try {
      run.run();
    } catch (PipelineException e) {
      return e;
    }
    throw new AssertionError("the run did not fail");
  }

  @Test
  void anInputThatProcessModeCannotEncodeFailsInThreadModeWithTheSameWords() {
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline threads =
        pipeline(
            List.of(1, new Opaque()), element(Identity.class).checkEncodable(true).build(), sink);
    Throwable checked = failure(threads::run);
    var processSink = new CollectSink("collect", List.of("in"));
    Pipeline processes =
        pipeline(
            List.of(1, new Opaque()),
            element(Identity.class).mode(WorkerMode.PROCESS).build(),
            processSink);
    Throwable real = failure(processes::run);

    assertThat(checked)
        .hasMessage(
            "element 'check' failed at pad 'check:inl:inl' in iteration 2:"
                + " java.lang.IllegalArgumentException: element 'check': "
                + OPAQUE_PROBLEM);
    assertThat(checked.getMessage()).isEqualTo(real.getMessage());
    assertThat(checked.getCause()).isExactlyInstanceOf(real.getCause().getClass());
  }

  @Test
  void anOutputThatProcessModeCannotEncodeFailsInThreadModeWithTheSameWords() {
    Throwable checked =
        failure(
            pipeline(
                    List.of(1, 2),
                    element(MakeOpaque.class).checkEncodable(true).build(),
                    new CollectSink("collect", List.of("in")))
                ::run);
    Throwable real =
        failure(
            pipeline(
                    List.of(1, 2),
                    element(MakeOpaque.class).mode(WorkerMode.PROCESS).build(),
                    new CollectSink("collect", List.of("in")))
                ::run);

    assertThat(checked)
        .hasMessage(
            "element 'check': worker stopped before EOS: worker 'check' threw"
                + " java.lang.IllegalArgumentException: element 'check': "
                + OPAQUE_PROBLEM);
    assertThat(checked.getMessage()).isEqualTo(real.getMessage());
  }

  @Test
  void withoutTheCheckThreadModeCarriesTheSameObjects() {
    Opaque opaque = new Opaque();
    var sink = new CollectSink("collect", List.of("in"));
    pipeline(List.of(opaque), element(Identity.class).build(), sink).run();

    assertThat(sink.collected("in")).singleElement().isSameAs(opaque);
  }

  @Test
  void frameDataTravelsAsADecodedCopyAsBetweenProcesses() {
    int[] numbers = {1, 2, 3};
    var checkedSink = new CollectSink("collect", List.of("in"));
    pipeline(
            List.of(numbers),
            element(DoubleInPlace.class).checkEncodable(true).build(),
            checkedSink)
        .run();

    assertThat(numbers).containsExactly(1, 2, 3);
    assertThat((int[]) checkedSink.collected("in").get(0)).containsExactly(2, 4, 6);

    var plainSink = new CollectSink("collect", List.of("in"));
    pipeline(List.of(numbers), element(DoubleInPlace.class).build(), plainSink).run();
    assertThat(numbers).containsExactly(2, 4, 6);
    assertThat(plainSink.collected("in").get(0)).isSameAs(numbers);
  }

  @Test
  void aScopeTurnsTheCheckOnForItsElementsAndAnElementCanTurnItOff() {
    Pipeline scoped =
        pipeline(
            List.of(new Opaque()),
            element(Identity.class).build(),
            new CollectSink("collect", List.of("in")));
    try (var scope = new Parallelize(scoped).checkEncodable(true)) {
      assertThatThrownBy(scope::run)
          .isInstanceOf(PipelineException.class)
          .hasMessageEndingWith("element 'check': " + OPAQUE_PROBLEM);
    }

    var sink = new CollectSink("collect", List.of("in"));
    Pipeline optedOut =
        pipeline(
            List.of(new Opaque()), element(Identity.class).checkEncodable(false).build(), sink);
    try (var scope = new Parallelize(optedOut).checkEncodable(true)) {
      scope.run();
    }
    assertThat(sink.collected("in")).hasSize(1);
  }

  @Test
  void theJvmDefaultTurnsTheCheckOnForPipelineRun() {
    assertThat(Parallelize.defaultCheckEncodable()).isFalse();
    Parallelize.setDefaultCheckEncodable(true);
    assertThat(Parallelize.defaultCheckEncodable()).isTrue();
    Pipeline pipeline =
        pipeline(
            List.of(new Opaque()),
            element(Identity.class).mode(WorkerMode.VIRTUAL_THREAD).build(),
            new CollectSink("collect", List.of("in")));

    assertThatThrownBy(pipeline::run)
        .isInstanceOf(PipelineException.class)
        .hasMessageEndingWith("element 'check': " + OPAQUE_PROBLEM);
  }

  @Test
  void aParameterThatProcessModeCannotEncodeFailsWhenTheRunStarts() {
    Pipeline pipeline =
        pipeline(
            List.of(1),
            element(Identity.class).checkEncodable(true).parameter("lock", new Object()).build(),
            new CollectSink("collect", List.of("in")));

    assertThatThrownBy(pipeline::run)
        .hasMessage(
            "element 'check' failed in start(): java.lang.IllegalArgumentException: element"
                + " 'check', worker parameter 'lock': cannot encode item: java.lang.Object has no"
                + " codec and is not Serializable; register a codec with"
                + " FrameCodecs.register(Object.class, codec) or make it Serializable");
  }

  /** Encodable values of several kinds, through a pool of three checked workers, in order. */
  @RepeatedTest(20)
  void encodableFramesComeOutEqualAndInOrderThroughACheckedPool() {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(
          switch (i % 4) {
            case 0 -> i;
            case 1 -> "frame " + i;
            case 2 -> new double[] {i, i + 0.5};
            default -> List.of(i, Map.of("gps", (long) i));
          });
    }
    var sink = new CollectSink("collect", List.of("in"));
    pipeline(
            items,
            ParallelTransformElement.builder("check")
                .workers(3)
                .checkEncodable(true)
                .map(Identity.class)
                .build(),
            sink)
        .run();

    List<Object> out = sink.collected("in");
    assertThat(out).hasSize(300);
    for (int i = 0; i < 300; i++) {
      if (items.get(i) instanceof double[] expected) {
        assertThat((double[]) out.get(i)).isNotSameAs(expected).containsExactly(expected);
      } else {
        assertThat(out.get(i)).isEqualTo(items.get(i));
      }
    }
  }
}
