package dev.sgn4j.parallel;

import static dev.sgn4j.parallel.NoLeaks.assertNoWorkerThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ParallelTransformTest {

  @AfterEach
  void nothingLeaks() {
    assertNoWorkerThreads();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  private static Frame square(Frame frame) {
    int n = (int) frame.data();
    return frame.withData(n * n);
  }

  @Test
  void aPipelineWithAParallelTransformRunsItByItself() {
    var source = IterSource.of("numbers", "out", numbers(10));
    var square =
        ParallelTransformElement.builder("square").map(ParallelTransformTest::square).build();
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, square).connect(square, sink);

    assertThat(Parallelize.needsParallelization(pipeline)).isTrue();
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(1, 4, 9, 16, 25, 36, 49, 64, 81, 100);
    assertThat(square.framesIn()).isEqualTo(11);
    assertThat(square.framesOut()).isEqualTo(11);
    assertThat(square.mode()).contains(WorkerMode.THREAD);
    assertThat(square.workerException()).isNull();
    var extra = pipeline.stats().element("square").extra();
    assertThat(extra)
        .containsEntry("mode", "THREAD")
        .containsEntry("workers", 1)
        .containsEntry("queued_in", 0L)
        .containsEntry("queued_out", 0L)
        .containsKey("worker_busy_ms");
    var workers = pipeline.stats().element("square").workers().orElseThrow();
    assertThat(workers.mode()).isEqualTo("THREAD");
    assertThat(workers.workers()).isEqualTo(1);
    assertThat(workers.queuedIn()).isZero();
    assertThat(workers.queuedOut()).isZero();
    assertThat(workers.busy()).isPresent();
    assertThat(workers.heartbeatAge()).isEmpty();
    assertThat(workers.toMap()).isEqualTo(extra);
    assertThat(square.workerStats().orElseThrow().workers()).isEqualTo(1);
    assertThat(pipeline.stats().element("numbers").workers()).isEmpty();
  }

  @Test
  void pipelinesWithoutParallelElementsNeedNoScope() {
    assertThat(Parallelize.needsParallelization(new Pipeline())).isFalse();
    var plain =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), new NullSink("k", List.of("in")));
    assertThat(Parallelize.needsParallelization(plain)).isFalse();
  }

  @RepeatedTest(200)
  void repeatedRunsLeaveNoThreadBehind() {
    var source = IterSource.of("numbers", "out", numbers(20));
    var square =
        ParallelTransformElement.builder("square").map(ParallelTransformTest::square).build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(source, square).connect(square, sink).run();

    assertThat(sink.collected("in")).hasSize(20).endsWith(400);
  }

  @Test
  void anEmptyStreamEndsCleanly() {
    var square =
        ParallelTransformElement.builder("square").map(ParallelTransformTest::square).build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("none", "out", List.of()), square)
        .connect(square, sink)
        .run();

    assertThat(sink.collected("in")).isEmpty();
    assertThat(sink.atEos()).isTrue();
  }

  @Test
  void aParallelPathJoinedWithADirectPathPairsFramesOfTheSameIteration() {
    var source = IterSource.of("numbers", "out", numbers(500));
    var slowDouble =
        ParallelTransformElement.builder("double")
            .map(
                frame -> {
                  LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
                  return frame.withData((int) frame.data() * 2);
                })
            .build();
    var join =
        CallableTransform.fromCallable(
            "join",
            frames -> List.of(frames.get(0).data(), frames.get(1).data()),
            "out",
            List.of("direct", "doubled"));
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline =
        new Pipeline()
            .connect(source, slowDouble)
            .connect(source, join, java.util.Map.of("direct", "out"))
            .connect(slowDouble, join, java.util.Map.of("doubled", "out"))
            .connect(join, sink);
    pipeline.run();

    List<Object> pairs = sink.collected("in");
    assertThat(pairs).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(pairs.get(i)).isEqualTo(List.of(i + 1, 2 * (i + 1)));
    }
  }

  @RepeatedTest(20)
  void aWorkerPoolKeepsTheInputOrderWhateverFinishesFirst() {
    var source = IterSource.of("numbers", "out", numbers(2000));
    var pool =
        ParallelTransformElement.builder("pool")
            .workers(4)
            .queueCapacity(16)
            .map(
                frame -> {
                  LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(50_000));
                  return frame.withData(-(int) frame.data());
                })
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(source, pool).connect(pool, sink).run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 2000).map(n -> -n).boxed().toList());
  }

  @Test
  void flatMapEmitsZeroOrMoreFramesPerInputInOrderAcrossAPool() {
    var source = IterSource.of("numbers", "out", numbers(6));
    var repeat =
        ParallelTransformElement.builder("repeat")
            .workers(3)
            .flatMap(
                frame -> {
                  int n = (int) frame.data();
                  List<Frame> copies = new ArrayList<>();
                  for (int i = 0; i < n % 3; i++) {
                    copies.add(frame.withData(n * 10 + i));
                  }
                  return copies;
                })
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(source, repeat).connect(repeat, sink).run();

    assertThat(sink.collected("in")).containsExactly(10, 20, 21, 40, 50, 51);
    assertThat(sink.atEos()).isTrue();
  }

  @Test
  void aThrowingFunctionFailsTheRunWithTheWorkersExceptionAsCause() {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 0, 4));
    var divide =
        ParallelTransformElement.builder("divide")
            .map(frame -> frame.withData(12 / (int) frame.data()))
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, divide).connect(divide, sink);

    WorkerException e = catchThrowableOfType(WorkerException.class, pipeline::run);

    assertThat(e)
        .hasMessage(
            "element 'divide': worker stopped before EOS: worker 'divide' threw"
                + " java.lang.ArithmeticException: / by zero");
    assertThat(e.elementName()).isEqualTo("divide");
    assertThat(e.workerName()).isEqualTo("divide");
    assertThat(e.padName()).isEqualTo("divide:inl:inl");
    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class).hasMessage("/ by zero");
    assertThat(divide.workerException()).isSameAs(e.getCause());
    assertThat(divide.workerException()).isSameAs(divide.workerException());
    assertThat(sink.collected("in")).isSubsetOf(12, 6);
  }

  /** Swallows EOS: a WorkerLogic that never passes the end of the stream on. */
  public static final class ForgetsEos implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Frame frame = (Frame) context.input().take();
      if (!frame.isEos()) {
        context.output().put(frame);
      }
    }
  }

  @Test
  void aWorkerThatEndsWithoutPassingEosOnFailsTheRun() {
    var source = IterSource.of("numbers", "out", numbers(3));
    var forgetful = ParallelTransformElement.builder("forgetful").worker(ForgetsEos.class).build();
    var sink = new CollectSink("collect", List.of("in"));

    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () -> new Pipeline().connect(source, forgetful).connect(forgetful, sink).run());

    assertThat(e)
        .hasMessage(
            "element 'forgetful': worker stopped before EOS: worker 'forgetful' ended without"
                + " sending EOS");
    assertThat(e.iteration()).isEqualTo(4);
    assertThat(sink.collected("in")).containsExactly(1, 2, 3);
  }

  /** Passes frames on, EOS included, then fails while cleaning up after EOS. */
  public static final class FailsAfterEos implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(java.time.Duration.ofSeconds(5));
      if (item instanceof Frame frame) {
        context.output().put(frame);
        if (frame.isEos()) {
          throw new IllegalStateException("cleanup failed");
        }
      }
    }
  }

  @Test
  void aWorkerFailingAfterEosStillFailsTheRun() {
    var source = IterSource.of("numbers", "out", numbers(2));
    var late = ParallelTransformElement.builder("late").worker(FailsAfterEos.class).build();
    var sink = new CollectSink("collect", List.of("in"));

    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () -> new Pipeline().connect(source, late).connect(late, sink).run());

    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("cleanup failed");
    assertThat(sink.collected("in")).isSubsetOf(1, 2);
  }

  /** Doubles each frame's data, by a parameter. */
  public static final class Multiply implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(java.time.Duration.ofSeconds(5));
      if (item instanceof Frame frame) {
        int factor = context.parameter("factor");
        String label = context.parameter("label");
        context
            .output()
            .put(frame.isGap() ? frame : frame.withData(label + ((int) frame.data() * factor)));
      }
    }
  }

  static final class Scale extends ParallelTransformElement {
    @WorkerParameter private final int factor;

    Scale(int factor) {
      super(
          ParallelTransformElement.builder("scale").worker(Multiply.class).parameter("label", "x"));
      this.factor = factor;
    }
  }

  @Test
  void workerParametersComeFromAnnotatedFieldsAndTheBuilder() {
    var source = IterSource.of("numbers", "out", numbers(3));
    var scale = new Scale(7);
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(source, scale).connect(scale, sink).run();

    assertThat(sink.collected("in")).containsExactly("x7", "x14", "x21");
  }

  /** Asks for a parameter nobody declared. */
  public static final class AsksForMissing implements WorkerLogic {
    @Override
    public void process(WorkerContext context) {
      context.parameter("missing");
    }
  }

  @Test
  void aMissingParameterNamesTheOnesThereAre() {
    var source = IterSource.of("numbers", "out", numbers(1));
    var element =
        ParallelTransformElement.builder("asks")
            .worker(AsksForMissing.class)
            .parameter("b", 1)
            .parameter("a", 2)
            .build();
    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () ->
                new Pipeline()
                    .connect(source, element)
                    .connect(element, new NullSink("k", List.of("in")))
                    .run());

    assertThat(e.getCause())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'asks' has no worker parameter 'missing'; its parameters are [a, b]");
  }

  /** Adds the two pads of each iteration: a WorkerLogic over several pads. */
  public static final class AddPads implements WorkerLogic {
    @Override
    @SuppressWarnings("unchecked")
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(java.time.Duration.ofSeconds(5));
      if (item instanceof java.util.Map<?, ?> map) {
        var frames = (java.util.Map<String, Frame>) map;
        Frame a = frames.get("a");
        Frame b = frames.get("b");
        boolean eos = a.isEos() || b.isEos();
        Frame sum = eos ? Frame.eos() : Frame.of((int) a.data() + (int) b.data());
        context
            .output()
            .put(java.util.Map.of("sum", sum, "count", eos ? Frame.eos() : Frame.of(1)));
      }
    }
  }

  @Test
  void workerLogicOverSeveralPadsExchangesMapsOfFrames() {
    var a = IterSource.of("a", "a", List.of(1, 2));
    var b = IterSource.of("b", "b", List.of(10, 20));
    var add =
        ParallelTransformElement.builder("add")
            .sinkPads("a", "b")
            .sourcePads("sum", "count")
            .worker(AddPads.class)
            .build();
    var sink = new CollectSink("collect", List.of("sum", "count"));
    new Pipeline().connect(a, add).connect(b, add).connect(add, sink).run();

    assertThat(sink.collected("sum")).containsExactly(11, 22);
    assertThat(sink.collected("count")).containsExactly(1, 1);
  }

  @Test
  void invalidSettingsAreRejectedWithTheirNames() {
    assertThatThrownBy(() -> ParallelTransformElement.builder("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallel element 't' has no work: give it a worker class or a function");
    assertThatThrownBy(
            () -> ParallelTransformElement.builder("t").workers(2).worker(ForgetsEos.class).build())
        .hasMessage(
            "parallel element 't' asks for 2 workers with a WorkerLogic class; worker pools need a"
                + " function (map, flatMap, or map(Class) for worker processes), whose outputs the"
                + " element can put back in order");
    assertThatThrownBy(
            () -> ParallelTransformElement.builder("t").sinkPads("a", "b").map(f -> f).build())
        .hasMessage(
            "parallel transform 't': map and flatMap need exactly one sink pad and one source pad,"
                + " got [a, b] and [out]; use worker(Class) for several pads");
    for (int capacity : new int[] {0, -1, (1 << 20) + 1, 1 << 30}) {
      assertThatThrownBy(() -> ParallelTransformElement.builder("t").queueCapacity(capacity))
          .hasMessage(
              "parallel element 't': queue capacity must be from 1 to 1048576 items, got "
                  + capacity);
    }
    for (int bytes : new int[] {0, 4095, 5000, 1 << 30}) {
      assertThatThrownBy(() -> ParallelTransformElement.builder("t").queueBytes(bytes))
          .hasMessage(
              "parallel element 't': queue bytes must be a power of two from 4096 (4 KiB) to"
                  + " 536870912 (512 MiB), got "
                  + bytes);
    }
    assertThatThrownBy(() -> ParallelTransformElement.builder("t").workers(0))
        .hasMessage("parallel element 't': workers must be at least 1, got 0");
    assertThatThrownBy(
            () -> ParallelTransformElement.builder("t").joinTimeout(java.time.Duration.ZERO))
        .hasMessage(
            "join timeout must be positive and at most PT2562047H47M16.854775807S (about 292"
                + " years), got PT0S");
    assertThatThrownBy(
            () ->
                ParallelTransformElement.builder("t")
                    .joinTimeout(java.time.Duration.ofDays(400 * 365)))
        .hasMessage(
            "join timeout must be positive and at most PT2562047H47M16.854775807S (about 292"
                + " years), got PT3504000H");
    assertThatThrownBy(
            () -> Parallelize.setDefaultJoinTimeout(java.time.Duration.ofDays(400 * 365)))
        .hasMessage(
            "join timeout must be positive and at most PT2562047H47M16.854775807S (about 292"
                + " years), got PT3504000H");
  }

  @Test
  void runningWithoutAScopeExplainsHowToGetOne() {
    var t = ParallelTransformElement.builder("t").map(f -> f).build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), t)
            .connect(t, new NullSink("k", List.of("in")));

    assertThatThrownBy(pipeline::runIn)
        .hasMessage(
            "element 't' failed in start(): java.lang.IllegalStateException:"
                + " ParallelTransformElement 't' runs its work in workers and needs a Parallelize"
                + " scope: call pipeline.run(), or try (var p = new Parallelize(pipeline)) {"
                + " p.run(); }");
  }

  @Test
  void processModeNeedsTheProcessModule() {
    var t =
        ParallelTransformElement.builder("t")
            .mode(WorkerMode.PROCESS)
            .worker(ForgetsEos.class)
            .build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), t)
            .connect(t, new NullSink("k", List.of("in")));

    assertThatThrownBy(pipeline::run)
        .hasMessageEndingWith(
            "worker mode PROCESS of element 't' needs the sgn4j-process module, which is not on"
                + " the class path; use THREAD or VIRTUAL_THREAD");
  }

  @Test
  void theEncodabilityCheckWithoutTheProcessModuleFailsWhenTheRunStarts() {
    var t = ParallelTransformElement.builder("t").checkEncodable(true).map(f -> f).build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), t)
            .connect(t, new NullSink("k", List.of("in")));

    assertThatThrownBy(pipeline::run)
        .hasMessage(
            "element 't' failed in start(): java.lang.UnsupportedOperationException: element 't'"
                + " checks encodability, which needs the sgn4j-process module (its codecs) on the"
                + " class path; add it, or turn the check off");
  }

  @Test
  void processModeRefusesALambdaWhenTheElementIsBuilt() {
    String expected =
        "parallel element 't' runs in worker processes, which cannot call a lambda or function"
            + " object of this JVM; give it a class they can create by name: map(MyMap.class)"
            + " with a public FrameMap class, or worker(MyLogic.class) with a public WorkerLogic"
            + " class (both with a public no-argument constructor)";
    assertThatThrownBy(
            () ->
                ParallelTransformElement.builder("t").mode(WorkerMode.PROCESS).map(f -> f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    assertThatThrownBy(
            () ->
                ParallelTransformElement.builder("t")
                    .flatMap(List::of)
                    .mode(WorkerMode.PROCESS)
                    .build())
        .hasMessage(expected);
    assertThatThrownBy(
            () ->
                ParallelSinkElement.builder("t")
                    .mode(WorkerMode.PROCESS)
                    .consume((pad, frame) -> {})
                    .build())
        .hasMessage(expected);
  }

  @Test
  void aScopeThatPutsALambdaInAWorkerProcessSaysWhatToWriteInstead() {
    var t = ParallelTransformElement.builder("t").map(f -> f).build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), t)
            .connect(t, new NullSink("k", List.of("in")));

    assertThatThrownBy(() -> new Parallelize(pipeline, WorkerMode.PROCESS).run())
        .hasMessageEndingWith(
            "element 't' runs in PROCESS mode, which cannot call a lambda or function object of"
                + " this JVM; give it map(MyMap.class) with a public FrameMap class or"
                + " worker(MyLogic.class) with a public WorkerLogic class, or use THREAD or"
                + " VIRTUAL_THREAD");
  }

  /** Doubles each frame's number: a map class, run in whatever worker the element has. */
  public static final class Doubling implements FrameMap {
    private int calls;

    @Override
    public Frame apply(Frame frame) {
      calls++;
      return frame.withData((int) frame.data() * 2 + 0 * calls);
    }
  }

  @RepeatedTest(20)
  void aMapClassRunsInAPoolOfWorkerThreadsAndKeepsTheOrder() {
    var t = ParallelTransformElement.builder("t").map(Doubling.class).workers(3).build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline().connect(IterSource.of("s", "out", numbers(50)), t).connect(t, sink).run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).map(n -> 2 * n).boxed().toList());
  }

  /** A map class the workers cannot create. */
  static final class Hidden implements FrameMap {
    @Override
    public Frame apply(Frame frame) {
      return frame;
    }
  }

  @Test
  void aMapClassWithoutAPublicConstructorFailsTheRunSayingSo() {
    var t = ParallelTransformElement.builder("t").map(Hidden.class).build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", List.of(1)), t)
            .connect(t, new NullSink("k", List.of("in")));

    assertThatThrownBy(pipeline::run)
        .isInstanceOf(WorkerException.class)
        .hasMessageEndingWith(
            "worker 't' threw java.lang.IllegalArgumentException: map class"
                + " dev.sgn4j.parallel.ParallelTransformTest$Hidden of element 't' needs to be"
                + " public with a public no-argument constructor");
  }

  @Test
  void gapFramesPassThroughWithoutCallingTheFunction() {
    List<Frame> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var source = IterSource.builder("s").pad("out", List.of(1)).eosOnEmpty(false).build();
    var t =
        ParallelTransformElement.builder("t")
            .map(
                frame -> {
                  seen.add(frame);
                  return frame;
                })
            .build();
    var sink =
        new CollectSink("k", List.of("in"), false, false) {
          private int count;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (++count == 3) {
              markEos(pad);
            }
          }
        };
    new Pipeline().connect(source, t).connect(t, sink).run();

    assertThat(sink.collected("in")).containsExactly(Frame.of(1), Frame.gap(), Frame.gap());
    assertThat(seen).containsExactly(Frame.of(1));
  }

  @Test
  void parallelElementsInsideACompositionStartAndStopLikeAnyOther() {
    var square =
        ParallelTransformElement.builder("square").map(ParallelTransformTest::square).build();
    var negate =
        CallableTransform.fromCallable("negate", f -> -(int) f.get(0).data(), "out", List.of("in"));
    var composed = new dev.sgn4j.Compose().connect(square, negate).asTransform("square-negate");
    var sink = new CollectSink("collect", List.of("out"));
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(4)), composed)
            .connect(composed, sink);

    assertThat(Parallelize.needsParallelization(pipeline)).isTrue();
    pipeline.run();

    assertThat(sink.collected("out")).containsExactly(-1, -4, -9, -16);
    assertThat(square.mode()).contains(WorkerMode.THREAD);
  }
}
