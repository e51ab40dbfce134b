package dev.sgn4j.parallel;

import static dev.sgn4j.parallel.NoLeaks.assertNoWorkerThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSource;
import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.testsupport.Await;
import dev.sgn4j.testsupport.Requirement;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ParallelLifecycleTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void nothingLeaks() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertNoWorkerThreads();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  @RepeatedTest(20)
  void abortStopsAWorkerBlockedInItsFunctionAtOnce() throws Exception {
    CountDownLatch inFunction = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    var t =
        ParallelTransformElement.builder("blocked")
            .map(
                frame -> {
                  inFunction.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                  }
                  return frame;
                })
            .build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(5)), t)
            .connect(t, new CollectSink("k", List.of("in")));
    Future<?> run = executor.submit(() -> pipeline.run());
    assertThat(inFunction.await(10, TimeUnit.SECONDS)).isTrue();

    pipeline.abort();

    var failure =
        catchThrowableOfType(
            java.util.concurrent.ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
    assertThat(failure.getCause())
        .isInstanceOf(RunAbortedException.class)
        .hasMessageEndingWith(": Pipeline.abort() was called");
  }

  @RepeatedTest(20)
  void anExceptionElsewhereStopsEveryWorker() {
    var first = ParallelTransformElement.builder("first").map(f -> f).build();
    var second =
        ParallelTransformElement.builder("second")
            .mode(WorkerMode.VIRTUAL_THREAD)
            .map(f -> f)
            .build();
    var failing =
        new SinkElement("failing", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (Integer.valueOf(3).equals(frame.data())) {
              throw new IllegalStateException("disk full");
            }
          }
        };
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(1000)), first)
            .connect(first, second)
            .connect(second, failing);

    PipelineException e = catchThrowableOfType(PipelineException.class, pipeline::run);

    assertThat(e.padName()).isEqualTo("failing:snk:in");
    assertThat(e.getCause()).hasMessage("disk full");
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void stopFromAnotherThreadDrainsAnEndlessParallelSource() throws Exception {
    AtomicInteger made = new AtomicInteger();
    var ticks =
        ParallelSourceElement.builder("ticks")
            .generate(() -> Frame.of(made.incrementAndGet()))
            .build();
    CountDownLatch fifty = new CountDownLatch(50);
    var sink =
        new CollectSink("k", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            fifty.countDown();
          }
        };
    Pipeline pipeline = new Pipeline().connect(ticks, sink);
    Future<?> run = executor.submit(() -> pipeline.run());
    assertThat(fifty.await(10, TimeUnit.SECONDS)).isTrue();

    pipeline.stop();
    run.get(10, TimeUnit.SECONDS);

    List<Object> got = sink.collected("in");
    assertThat(got).hasSizeGreaterThanOrEqualTo(49);
    assertThat(got)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, got.size()).boxed().toList());
  }

  @Test
  void aParallelSourceEndsWhenItsSupplierSendsEos() {
    AtomicInteger n = new AtomicInteger();
    var numbers =
        ParallelSourceElement.builder("numbers")
            .generate(
                () -> {
                  int next = n.incrementAndGet();
                  return next > 10 ? Frame.eos() : Frame.of(next);
                })
            .build();
    var sink = new CollectSink("k", List.of("in"));
    new Pipeline().connect(numbers, sink).run();

    assertThat(sink.collected("in")).containsExactlyElementsOf(numbers(10));
  }

  @Test
  void aParallelSinkIsAtEosOnlyAfterItsWorkerConsumedEverything() {
    List<String> lines = new CopyOnWriteArrayList<>();
    var log =
        ParallelSinkElement.builder("log")
            .queueCapacity(4)
            .consume(
                (pad, frame) -> {
                  lines.add(
                      frame.isEos()
                          ? "Sink received EOS on " + pad
                          : "Sink received on " + pad + ": " + frame.data());
                })
            .build();
    new Pipeline().connect(IterSource.of("s", "out", numbers(100)), log).run();

    assertThat(lines).hasSize(101);
    assertThat(lines.get(0)).isEqualTo("Sink received on in: 1");
    assertThat(lines.get(99)).isEqualTo("Sink received on in: 100");
    assertThat(lines.get(100)).isEqualTo("Sink received EOS on in");
    assertThat(log.atEos()).isTrue();
    assertThat(log.framesIn()).isEqualTo(101);
  }

  @Test
  void aFailingSinkWorkerFailsTheRun() {
    var sink =
        ParallelSinkElement.builder("writer")
            .consume(
                frame -> {
                  if (Integer.valueOf(2).equals(frame.data())) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("no space"));
                  }
                })
            .build();
    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () -> new Pipeline().connect(IterSource.of("s", "out", numbers(5)), sink).run());

    assertThat(e.getCause()).isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(sink.workerException()).isSameAs(e.getCause());
  }

  @Test
  void shutdownReturnsEveryOutputTheWorkerLeft() {
    var t = ParallelTransformElement.builder("t").map(f -> f.withData((int) f.data() * 10)).build();
    List<Object> leftovers = new CopyOnWriteArrayList<>();
    long[] counts = new long[2];
    var sink =
        new CollectSink("k", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (leftovers.isEmpty() && !frame.isEos()) {
              counts[0] = t.framesIn();
              counts[1] = t.framesOut();
              leftovers.addAll(t.shutdown(Duration.ofSeconds(10)));
              markEos(pad);
            }
          }
        };
    new Pipeline().connect(IterSource.of("s", "out", numbers(50)), t).connect(t, sink).run();

    long expected = counts[0] - counts[1];
    assertThat(leftovers).hasSize((int) expected);
    List<Object> values = leftovers.stream().map(f -> ((Frame) f).data()).toList();
    List<Object> wanted = new java.util.ArrayList<>();
    for (long i = counts[1] + 1; i <= counts[0]; i++) {
      wanted.add(i > 50 ? null : (int) i * 10);
    }
    assertThat(values).containsExactlyElementsOf(wanted);
  }

  @Test
  void shutdownFailsWhenTheWorkerDoesNotEndInTime() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    var t =
        ParallelTransformElement.builder("slow")
            .map(
                f -> {
                  busy.countDown();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return f;
                })
            .build();
    AtomicBoolean checked = new AtomicBoolean();
    var source =
        new dev.sgn4j.SourceElement("s", List.of("out")) {
          private int n;

          @Override
          protected Frame newFrame(dev.sgn4j.SourcePad pad) {
            n++;
            if (n == 2) {
              try {
                assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              assertThatThrownBy(() -> t.shutdown(Duration.ofMillis(1)))
                  .isInstanceOf(WorkerException.class)
                  .hasMessage(
                      "element 'slow': timeout exceeded for worker shutdown: the workers did not"
                          + " end within PT0.001S");
              checked.set(true);
              release.countDown();
            }
            return n >= 2 ? Frame.eos() : Frame.of(n);
          }
        };
    new Pipeline().connect(source, t).connect(t, new CollectSink("k", List.of("in"))).run();

    assertThat(checked).isTrue();
  }

  @Test
  void aStalledWorkerHitsItsJoinTimeout() throws Exception {
    aStalledWorkerHitsTheJoinTimeout(
        ParallelTransformElement.builder("stalled").joinTimeout(Duration.ofMillis(200)));
  }

  @Test
  void withoutAJoinTimeoutOfItsOwnAnElementUsesTheDefault() throws Exception {
    Duration before = Parallelize.defaultJoinTimeout();
    Parallelize.setDefaultJoinTimeout(Duration.ofMillis(200));
    try {
      aStalledWorkerHitsTheJoinTimeout(ParallelTransformElement.builder("stalled"));
    } finally {
      Parallelize.setDefaultJoinTimeout(before);
    }
    assertThat(Parallelize.defaultJoinTimeout())
        .isEqualTo(before)
        .isEqualTo(Duration.ofSeconds(10));
  }

  private void aStalledWorkerHitsTheJoinTimeout(ParallelTransformElement.Builder builder)
      throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var t =
        builder
            .map(
                f -> {
                  stalled.countDown();
                  while (true) {
                    try {
                      if (release.await(30, TimeUnit.SECONDS)) {
                        return f;
                      }
                    } catch (InterruptedException ignored) {
                      // ignores interrupts on purpose
                    }
                  }
                })
            .build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(3)), t)
            .connect(t, new CollectSink("k", List.of("in")));
    Future<?> run = executor.submit(() -> pipeline.run());
    assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
    pipeline.abort();

    Throwable failure =
        catchThrowableOfType(
                java.util.concurrent.ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS))
            .getCause();
    release.countDown();
    Thread left =
        Thread.getAllStackTraces().keySet().stream()
            .filter(th -> th.getName().equals("sgn-worker-stalled"))
            .findFirst()
            .orElse(null);
    if (left != null) {
      assertThat(left.join(Duration.ofSeconds(10))).isTrue();
    }

    assertThat(failure).isInstanceOf(RunAbortedException.class);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0])
        .isInstanceOf(WorkerException.class)
        .hasMessage(
            "element 'stalled': worker [sgn-worker-stalled] did not stop within PT0.2S"
                + " after being interrupted; it is left running");
  }

  @Test
  void theModeIsReadWhenTheRunStarts() {
    List<Boolean> virtual = new CopyOnWriteArrayList<>();
    var t =
        ParallelTransformElement.builder("t")
            .map(
                f -> {
                  virtual.add(Thread.currentThread().isVirtual());
                  return f;
                })
            .build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(2)), t)
            .connect(t, new CollectSink("k", List.of("in")));
    Parallelize.setDefaultMode(WorkerMode.VIRTUAL_THREAD);
    try {
      pipeline.run();
    } finally {
      Parallelize.setDefaultMode(WorkerMode.THREAD);
    }

    assertThat(virtual).containsExactly(true, true);
    assertThat(t.mode()).contains(WorkerMode.VIRTUAL_THREAD);
  }

  @Test
  void aScopeModeAppliesToElementsWithoutTheirOwn() {
    var t = ParallelTransformElement.builder("t").map(f -> f).build();
    var own = ParallelTransformElement.builder("own").mode(WorkerMode.THREAD).map(f -> f).build();
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("s", "out", numbers(2)), t)
            .connect(t, own)
            .connect(own, new CollectSink("k", List.of("in")));
    try (var scope = new Parallelize(pipeline, WorkerMode.VIRTUAL_THREAD)) {
      assertThat(scope.mode()).contains(WorkerMode.VIRTUAL_THREAD);
      scope.run();
    }

    assertThat(t.mode()).contains(WorkerMode.VIRTUAL_THREAD);
    assertThat(own.mode()).contains(WorkerMode.THREAD);
  }

  @Test
  void threadAndVirtualThreadWorkersMixInOnePipeline() {
    var doubled =
        ParallelTransformElement.builder("double")
            .workers(2)
            .mode(WorkerMode.THREAD)
            .map(f -> f.withData((int) f.data() * 2))
            .build();
    var squared =
        ParallelTransformElement.builder("square")
            .mode(WorkerMode.VIRTUAL_THREAD)
            .map(f -> f.withData((int) f.data() * (int) f.data()))
            .build();
    var sink = new CollectSink("k", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("s", "out", numbers(100)), doubled)
        .connect(doubled, squared)
        .connect(squared, sink)
        .run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 100).map(n -> 4 * n * n).boxed().toList());
  }

  @RepeatedTest(10)
  void twoPipelinesWithWorkersRunAtTheSameTime() throws Exception {
    Pipeline[] pipelines = new Pipeline[2];
    CollectSink[] sinks = new CollectSink[2];
    for (int i = 0; i < 2; i++) {
      int offset = i * 1000;
      var t =
          ParallelTransformElement.builder("t")
              .map(f -> f.withData((int) f.data() + offset))
              .build();
      sinks[i] = new CollectSink("k", List.of("in"));
      pipelines[i] =
          new Pipeline().connect(IterSource.of("s", "out", numbers(5000)), t).connect(t, sinks[i]);
    }
    Future<?> a = executor.submit(() -> pipelines[0].run());
    Future<?> b = executor.submit(() -> pipelines[1].run());
    a.get(30, TimeUnit.SECONDS);
    b.get(30, TimeUnit.SECONDS);

    assertThat(sinks[0].collected("in")).containsExactlyElementsOf(numbers(5000));
    assertThat(sinks[1].collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1001, 6000).boxed().toList());
  }

  /** Reads the "greeting" segment, answers in the "reply" segment. */
  public static final class SharedReader implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofSeconds(5));
      if (item instanceof Frame frame) {
        ByteBuffer greeting = context.sharedMemory("greeting").buffer();
        byte[] bytes = new byte[greeting.remaining()];
        greeting.get(bytes);
        context.sharedMemory("reply").buffer().put(0, (byte) 42);
        context
            .output()
            .put(frame.isEos() ? frame : frame.withData(new String(bytes, StandardCharsets.UTF_8)));
      }
    }
  }

  @Test
  void sharedMemoryIsSeenByWorkersAndFreedWithTheScope() {
    var t = ParallelTransformElement.builder("reader").worker(SharedReader.class).build();
    var sink = new CollectSink("k", List.of("in"));
    Pipeline pipeline =
        new Pipeline().connect(IterSource.of("s", "out", numbers(1)), t).connect(t, sink);
    SharedMemory reply;
    try (var scope = new Parallelize(pipeline)) {
      scope.toShm("greeting", "Hello world".getBytes(StandardCharsets.UTF_8));
      reply = scope.toShm("reply", new byte[4]);
      scope.run();
      assertThat(reply.buffer().get(0)).isEqualTo((byte) 42);
      assertThat(reply.path()).exists();
      assertThat(scope.sharedMemory()).containsOnlyKeys("greeting", "reply");
    }

    assertThat(sink.collected("in")).containsExactly("Hello world");
    assertThat(reply.isFreed()).isTrue();
    assertThat(reply.path()).doesNotExist();
    assertThatThrownBy(reply::buffer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("shared memory 'reply' was freed when its Parallelize scope closed");
  }

  @Test
  void aDuplicateSharedMemoryNameFailsAndKeepsTheOthers() {
    try (var scope = new Parallelize(new Pipeline())) {
      SharedMemory first = scope.toShm("data", new byte[] {1, 2, 3});

      assertThatThrownBy(() -> scope.toShm("data", new byte[] {9}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "shared memory 'data' already exists in this scope; choose another name (the"
                  + " existing 1 segment is kept)");
      assertThat(first.isFreed()).isFalse();
      assertThat(first.buffer().get(2)).isEqualTo((byte) 3);
      assertThat(first.size()).isEqualTo(3);
    }
  }

  @Test
  void workerContextDefaults() {
    var context =
        new DefaultWorkerContext(
            "e",
            0,
            WorkerQueues.spsc("in", 1),
            WorkerQueues.spsc("out", 1),
            java.util.Map.of(),
            java.util.Map.of());

    assertThat(context.shouldStop()).isFalse();
    assertThat(context.shouldShutdown()).isFalse();
    assertThat(context.state()).isEmpty();
    assertThat(context.parameters()).isEmpty();
    assertThat(context.sharedMemory()).isEmpty();
    assertThat(context.elementName()).isEqualTo("e");
    assertThat(context.workerIndex()).isZero();
    assertThatThrownBy(() -> context.sharedMemory("x"))
        .hasMessage("no shared memory named 'x' in the scope of element 'e'; there are []");
    context.requestShutdown();
    context.requestStop();
    assertThat(context.shouldShutdown()).isTrue();
    assertThat(context.shouldStop()).isTrue();
  }

  @Test
  void endlessNullSourceFeedingAWorkerDrainsOnStop() throws Exception {
    var source = new NullSource("ticks", List.of("out"), -1, null);
    var t = ParallelTransformElement.builder("t").map(f -> f).build();
    CountDownLatch started = new CountDownLatch(10);
    var sink =
        new CollectSink("k", List.of("in"), false, false) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            started.countDown();
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, t).connect(t, sink);
    Future<?> run = executor.submit(() -> pipeline.run());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    pipeline.stop();
    run.get(10, TimeUnit.SECONDS);

    List<Object> frames = sink.collected("in");
    assertThat(((Frame) frames.get(frames.size() - 1)).isEos()).isTrue();
    assertThat(t.framesIn()).isEqualTo(t.framesOut());
  }

  @RepeatedTest(5)
  void aSignalNeverInterruptsAWorkerAndEverythingQueuedComesOut() {
    Requirement.SIGNALS.check();
    AtomicInteger interrupted = new AtomicInteger();
    var busy =
        ParallelTransformElement.builder("busy")
            .map(
                f -> {
                  java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                  if (Thread.currentThread().isInterrupted()) {
                    interrupted.incrementAndGet();
                  }
                  return f;
                })
            .build();
    var source =
        new dev.sgn4j.SourceElement("signalling", List.of("out")) {
          private int count;

          @Override
          protected Frame newFrame(dev.sgn4j.SourcePad pad) {
            count++;
            if (count == 20) {
              sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
              Await.until("the signal to drain the run", this::signaledEos);
            }
            return Frame.of(count);
          }
        };
    var sink = new CollectSink("k", List.of("in"), false, false);
    new Pipeline().connect(source, busy).connect(busy, sink).run();

    List<Object> frames = sink.collected("in");
    assertThat(frames).hasSize(20);
    assertThat(frames.stream().map(f -> ((Frame) f).data()).toList())
        .containsExactlyElementsOf(numbers(20).stream().map(Object.class::cast).toList());
    assertThat(((Frame) frames.get(19)).isEos()).isTrue();
    assertThat(interrupted).hasValue(0);
    assertThat(busy.framesIn()).isEqualTo(20);
  }
}
