package dev.sgn4j.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.Run;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.RunOptions;
import dev.sgn4j.RunState;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.flink.TestElements.Adder;
import dev.sgn4j.flink.TestElements.Endless;
import dev.sgn4j.flink.TestElements.Failing;
import dev.sgn4j.flink.TestElements.Numbers;
import dev.sgn4j.flink.TestElements.SpecChanger;
import dev.sgn4j.flink.TestElements.StopMarker;
import dev.sgn4j.flink.TestElements.TripleCheck;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.testsupport.Await;
import dev.sgn4j.testsupport.Repeat;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipelines on the embedded Flink runner and locally: the same frames on every pad, the
 * same errors, stop and abort, and elements that cannot travel refused before submission.
 */
class FlinkRunnerTest {

  private static final FlinkRunner FLINK = FlinkRunner.embedded();

  /** A pipeline and the sink whose frames are compared. */
  record Built(Pipeline pipeline, CollectSink sink) {}

  /** Every frame of every pad of the sink after a local run, then after a Flink run. */
  private static void assertSameFrames(Supplier<Built> build) {
    assertSameFrames(build, RunOptions.defaults());
  }

  private static void assertSameFrames(Supplier<Built> build, RunOptions options) {
    Built local = build.get();
    Built flink = build.get();
    try {
      local.pipeline().start(options).await();
      FLINK.start(flink.pipeline(), options).await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    for (var pad : local.sink().sinkPads()) {
      List<Object> expected = local.sink().collected(pad.shortName());
      assertThat(expected).as("local frames of %s", pad.fullName()).isNotEmpty();
      assertThat(flink.sink().collected(pad.shortName()))
          .as("frames of %s", pad.fullName())
          .isEqualTo(expected);
    }
    assertThat(flink.sink().atEos()).isTrue();
  }

  private static CollectSink frames(String name, String... pads) {
    return new CollectSink(name, List.of(pads), false, false);
  }

  @Test
  void chainGivesTheFramesOfALocalRun() {
    assertSameFrames(
        () -> {
          var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
          var scale =
              CallableTransform.fromCallable(
                  "scale",
                  (Function<List<Frame>, Object> & Serializable)
                      frames -> (int) frames.get(0).data() * 10,
                  "out",
                  List.of("in"));
          var sink = frames("collect", "in");
          return new Built(new Pipeline("chain").connect(source, scale).connect(scale, sink), sink);
        });
  }

  @Test
  void collectedDataComesBackIntoTheSinkTheUserHolds() {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var sink = new CollectSink("collect", List.of("in"));
    FLINK.run(new Pipeline("hello").connect(source, sink));
    assertThat(sink.collected("in")).containsExactly(1, 2, 3);
    assertThat(sink.atEos()).isTrue();
  }

  @Test
  void twoInputsAlignWhenSourcesEndOnDifferentIterationsWithGapsAndEosPolicyAll() {
    assertSameFrames(
        () -> {
          var a = new Numbers("a", List.of("out"), new long[] {5}, 2, false);
          var b = new Numbers("b", List.of("x", "y"), new long[] {9, 3}, 4, true);
          var add = new Adder("add");
          var sink = frames("sink", "sum", "late", "early");
          sink.setEosPolicy(EosPolicy.ALL);
          Pipeline p = new Pipeline("align").insert(a, b, add, sink);
          p.link(add.sinkPad("a"), a.sourcePad("out"));
          p.link(add.sinkPad("b"), b.sourcePad("x"));
          p.link(sink.sinkPad("sum"), add.sourcePad("out"));
          p.link(sink.sinkPad("late"), b.sourcePad("x"));
          p.link(sink.sinkPad("early"), b.sourcePad("y"));
          return new Built(p, sink);
        });
  }

  @Test
  void aParallelMapGivesItsOutputsInInputOrder() {
    assertSameFrames(
        () -> {
          var numbers = Numbers.of("numbers", 200);
          var slow =
              ParallelTransformElement.builder("slow")
                  .workers(3)
                  .map(TestElements.SlowDouble.class)
                  .build();
          var sink = frames("sink", "in");
          return new Built(
              new Pipeline("ordered").connect(numbers, slow).connect(slow, sink), sink);
        });
  }

  @Test
  void iterationMatchedFramesStayPairedUnderSkewOver100000Frames() {
    int count = 100_000;
    var a = Numbers.of("a", count);
    var b = Numbers.of("b", count);
    var slow =
        ParallelTransformElement.builder("slow")
            .workers(2)
            .map(TestElements.SlowDouble.class)
            .build();
    var add = new Adder("add");
    var check = new TripleCheck("check");
    Pipeline p = new Pipeline("skew").insert(a, b, slow, add, check);
    p.connect(a, slow);
    p.link(add.sinkPad("a"), slow.sourcePad("out"));
    p.link(add.sinkPad("b"), b.sourcePad("out"));
    p.connect(add, check);
    FLINK.run(p);
    assertThat(check.wrong).isEmpty();
    assertThat(check.frames).isEqualTo(count);
    assertThat(check.atEos()).isTrue();
  }

  @Repeat(value = 10, quick = 2) // the failure races the reading of the results: never flaky
  void anInconsistentDataSpecificationFailsAsLocally() {
    Supplier<Pipeline> build =
        () -> {
          var source = new SpecChanger("units");
          return new Pipeline("specs").connect(source, frames("sink", "in"));
        };
    PipelineException local = catchThrowableOfType(PipelineException.class, build.get()::run);
    PipelineException flink =
        catchThrowableOfType(PipelineException.class, () -> FLINK.run(build.get()));
    assertThat(flink).hasMessage(local.getMessage());
    assertThat(flink.getMessage())
        .isEqualTo(
            "frame received by sink:snk:in is inconsistent with previously received frames;"
                + " previous data specification: Unit[name=m], current data specification:"
                + " Unit[name=s]");
    assertThat(flink.elementName()).isEqualTo("sink");
    assertThat(flink.iteration()).isEqualTo(3);
  }

  @Repeat(value = 10, quick = 2) // the failure races the reading of the results: never flaky
  void anElementsExceptionFailsTheRunWithItsPipelineExceptionAfterStopHooks(@TempDir Path dir) {
    Supplier<Pipeline> build =
        () -> {
          var numbers = Numbers.of("numbers", 10);
          var failing = new Failing("fail", 3);
          return new Pipeline("failing")
              .connect(numbers, failing)
              .connect(failing, new StopMarker("marker", dir));
        };
    PipelineException local = catchThrowableOfType(PipelineException.class, build.get()::run);
    PipelineException flink =
        catchThrowableOfType(PipelineException.class, () -> FLINK.run(build.get()));
    assertThat(flink)
        .hasMessage(local.getMessage())
        .hasMessage(
            "element 'fail' failed at pad 'fail:snk:in' in iteration 3:"
                + " java.lang.IllegalStateException: no frame 3 today");
    assertThat(flink.elementName()).isEqualTo("fail");
    assertThat(flink.padName()).isEqualTo("fail:snk:in");
    assertThat(flink.iteration()).isEqualTo(3);
    assertThat(flink.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no frame 3 today");
    assertThat(dir.resolve("marker.stopped")).exists();
  }

  @Test
  void aSinkThatNeverReachesEosFailsTheRunAsLocallyWhenRunsFailWhenStuck() {
    RunOptions options = RunOptions.defaults().stuckAfter(20).failWhenStuck(true);
    Supplier<Pipeline> build =
        () ->
            new Pipeline("stuck")
                .connect(Numbers.of("n", 3), new TestElements.Forgetful("forgetful"));
    PipelineException local =
        catchThrowableOfType(PipelineException.class, () -> build.get().start(options).await());
    PipelineException flink =
        catchThrowableOfType(
            PipelineException.class, () -> FLINK.start(build.get(), options).await());
    assertThat(flink)
        .hasMessage(local.getMessage())
        .hasMessage(
            "sink 'forgetful' has pulled EOS on every pad 20 times and is still not at EOS, so"
                + " the run cannot end; pads not marked: 'forgetful:snk:in'; a sink calls"
                + " markEos(pad) when a pad's frame is EOS");
  }

  @Test
  void aLambdaThatCannotTravelIsNamedBeforeSubmission() {
    int factor = 10;
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var scale =
        CallableTransform.fromCallable(
            "scale", frames -> (int) frames.get(0).data() * factor, "out", List.of("in"));
    Pipeline p =
        new Pipeline("unshippable").connect(source, scale).connect(scale, frames("s", "in"));
    assertThatThrownBy(() -> FLINK.run(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "element 'scale' cannot be shipped to Flink's task managers: field"
                + " scale.functions[0] holds a lambda defined in dev.sgn4j.flink.FlinkRunnerTest (")
        .hasMessageContaining("), which is not Serializable. Elements run on Flink travel by Java")
        .hasMessageEndingWith("e.g. (Function<Frame, Frame> & Serializable) f -> f");
    assertThat(p.isRunning()).isFalse();
  }

  /** A sink holding something that cannot travel, two fields down. */
  static final class Holder extends dev.sgn4j.SinkElement {
    private final Map<String, Object> settings = Map.of("lock", new Object());

    Holder(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void pull(dev.sgn4j.SinkPad pad, Frame frame) {}
  }

  @Test
  void aFieldThatCannotTravelIsNamedWithItsPathAndClass() {
    Pipeline p = new Pipeline("holder").connect(Numbers.of("n", 3), new Holder("holder"));
    assertThatThrownBy(() -> FLINK.run(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "element 'holder' cannot be shipped to Flink's task managers: field"
                + " holder.settings[lock] holds a java.lang.Object, which is not Serializable.");
  }

  @Repeat(value = 10, quick = 2) // a race between the run and the caller: never flaky
  void stopDrainsAStreamingRunFromAnotherThread() throws InterruptedException {
    var sink = frames("sink", "in");
    Pipeline p = new Pipeline("endless").connect(new Endless("endless"), sink);
    Run run = FLINK.start(p, RunOptions.defaults());
    Await.until("the job runs", () -> run.state() == RunState.RUNNING, Duration.ofSeconds(60));
    run.stop();
    assertThat(run.await(Duration.ofSeconds(60))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    assertNumbersThenEos(sink.collected("in"));
  }

  @Repeat(value = 10, quick = 2) // a race between the run and the caller: never flaky
  void aStopRightAfterTheStartIsNeverLost() throws InterruptedException {
    var sink = frames("sink", "in");
    Pipeline p = new Pipeline("early").connect(new Endless("endless"), sink);
    Run run = FLINK.start(p, RunOptions.defaults());
    run.stop();
    assertThat(run.await(Duration.ofSeconds(60))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    assertNumbersThenEos(sink.collected("in"));
  }

  /**
   * Frames 1, 2, ..., k (the last possibly carrying EOS), then EOS frames only: what a drained
   * endless source gives, wherever the drain came.
   */
  private static void assertNumbersThenEos(List<Object> frames) {
    assertThat(frames).isNotEmpty();
    int data = 0;
    while (data < frames.size() && ((Frame) frames.get(data)).data() != null) {
      assertThat(((Frame) frames.get(data)).data()).isEqualTo((long) data + 1);
      data++;
    }
    assertThat(frames.subList(0, Math.max(0, data - 1))).noneMatch(f -> ((Frame) f).isEos());
    assertThat(frames.get(frames.size() - 1)).matches(f -> ((Frame) f).isEos(), "EOS");
    assertThat(frames.subList(data, frames.size())).allMatch(f -> ((Frame) f).isEos());
  }

  @Repeat(value = 10, quick = 2) // a race between the run and the caller: never flaky
  void abortCancelsTheJob() throws InterruptedException {
    Pipeline p =
        new Pipeline("aborted")
            .connect(
                new Endless("endless"), new dev.sgn4j.elements.NullSink("sink", List.of("in")));
    Run run = FLINK.start(p, RunOptions.defaults());
    Await.until("the job runs", () -> run.state() == RunState.RUNNING, Duration.ofSeconds(60));
    run.abort();
    assertThatThrownBy(run::await).isInstanceOf(RunAbortedException.class);
    assertThat(run.state()).isEqualTo(RunState.ABORTED);
  }

  @Test
  void theIterationLimitEndsTheSourcesAsLocally() {
    assertSameFrames(
        () -> {
          var sink = frames("sink", "in");
          Pipeline p = new Pipeline("limited").connect(new Endless("endless"), sink);
          return new Built(p, sink);
        },
        RunOptions.defaults().maxIterations(50));
  }
}
