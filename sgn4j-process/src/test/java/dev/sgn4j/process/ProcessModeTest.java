package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.WorkerException;
import dev.sgn4j.testsupport.Repeat;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ProcessModeTest {

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  /** Squares each frame's number, in a worker process. */
  public static final class Square implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        context
            .output()
            .put(frame.isGap() ? frame : frame.withData((int) frame.data() * (int) frame.data()));
      }
    }
  }

  private static List<Integer> numbers(int count) {
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  private static ParallelTransformElement processElement(
      String name, Class<? extends WorkerLogic> logic) {
    return ParallelTransformElement.builder(name).mode(WorkerMode.PROCESS).worker(logic).build();
  }

  @Test
  void aWorkerProcessSquaresEveryFrame() {
    var square = processElement("square", Square.class);
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("numbers", "out", numbers(100)), square)
        .connect(square, sink)
        .run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 100).map(n -> n * n).boxed().toList());
    assertThat(square.mode()).contains(WorkerMode.PROCESS);
  }

  /** Throws on the third frame. */
  public static final class FailsOnThree implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        if (Integer.valueOf(3).equals(frame.data())) {
          throw new IllegalStateException("bad frame 3");
        }
        context.output().put(frame);
      }
    }
  }

  @Repeat(value = 20, quick = 2) // a fault test: must pass 20 times in a row
  void aWorkerProcessExceptionIsRebuiltWithTypeMessageAndStack() {
    var failing = processElement("failing", FailsOnThree.class);
    var sink = new CollectSink("collect", List.of("in"));
    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () ->
                new Pipeline()
                    .connect(IterSource.of("numbers", "out", numbers(5)), failing)
                    .connect(failing, sink)
                    .run());

    assertThat(e)
        .hasMessageStartingWith(
            "element 'failing': worker stopped before EOS: worker 'failing' threw java.lang.IllegalStateException: bad frame 3");
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("bad frame 3");
    assertThat(e.getCause().getStackTrace()[0].getClassName())
        .isEqualTo(FailsOnThree.class.getName());
    assertThat(failing.workerException()).isSameAs(e.getCause());
  }

  /** Calls System.exit on the second frame. */
  public static final class Exits implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        if (Integer.valueOf(2).equals(frame.data())) {
          System.err.println("giving up on frame 2");
          System.exit(3);
        }
        context.output().put(frame);
      }
    }
  }

  @Repeat(value = 20, quick = 2) // a fault test: must pass 20 times in a row
  void aWorkerProcessThatExitsFailsTheRunWithItsStatusAndStderr() {
    var exits = processElement("exits", Exits.class);
    var sink = new CollectSink("collect", List.of("in"));
    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () ->
                new Pipeline()
                    .connect(IterSource.of("numbers", "out", numbers(5)), exits)
                    .connect(exits, sink)
                    .run());

    assertThat(e.getCause()).isInstanceOf(WorkerProcessException.class);
    assertThat(e.getCause().getMessage())
        .matches(
            "(?s)exit: worker process \\d+ of element 'exits' exited with status 3 before EOS;"
                + " last lines of its standard error:\n  giving up on frame 2");
  }

  /** Sends every item back unchanged. */
  public static final class Echo implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item != null) {
        context.output().put(item);
      }
    }
  }

  private static List<byte[]> payloads(int count, int bytes) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              byte[] payload = new byte[bytes];
              java.util.Arrays.fill(payload, (byte) i);
              return payload;
            })
        .toList();
  }

  @RepeatedTest(3)
  void framesThatFillTheRingByBytesBeforeByCountWaitForRoomAndAllComeBackInOrder() {
    // 64 KiB rings hold two 24 KiB frames although the queue capacity says 256 items.
    var echo =
        ParallelTransformElement.builder("echo")
            .mode(WorkerMode.PROCESS)
            .queueBytes(1 << 16)
            .worker(Echo.class)
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    List<byte[]> sent = payloads(60, 24 << 10);
    new Pipeline().connect(IterSource.of("bytes", "out", sent), echo).connect(echo, sink).run();

    assertThat(sink.collected("in")).hasSize(60);
    for (int i = 0; i < 60; i++) {
      assertThat((byte[]) sink.collected("in").get(i)).as("frame %d", i).isEqualTo(sent.get(i));
    }
  }

  @Test
  void aFrameLargerThanTheRingFailsTheRunNamingTheQueueAndWhatToDo() {
    var echo =
        ParallelTransformElement.builder("echo")
            .mode(WorkerMode.PROCESS)
            .queueBytes(1 << 12)
            .worker(Echo.class)
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                new Pipeline()
                    .connect(IterSource.of("bytes", "out", payloads(1, 5000)), echo)
                    .connect(echo, sink)
                    .run());

    assertThat(e).hasMessageContaining("element 'echo'");
    assertThat(e)
        .rootCause()
        .hasMessage(
            "worker input of 'echo' cannot take a dev.sgn4j.Frame: an item of 5007 bytes does"
                + " not fit in a ring of 4096 data bytes (at most 4092 bytes per item): raise the"
                + " element's queueBytes, or pass large payloads through shared memory (toShm)");
  }

  @Test
  void theStatisticsOfAProcessElementShowHowOldItsWorkersHeartbeatIs() {
    var square = processElement("square", Square.class);
    var pipeline = new java.util.concurrent.atomic.AtomicReference<Pipeline>();
    List<Object> ages = new java.util.ArrayList<>();
    var sink =
        new dev.sgn4j.SinkElement("ages", List.of("in")) {
          @Override
          protected void pull(dev.sgn4j.SinkPad pad, Frame frame) {
            if (frame.isEos()) {
              markEos(pad);
            }
            ages.add(pipeline.get().stats().element("square").extra().get("heartbeat_age_ms"));
          }
        };
    pipeline.set(
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(20)), square)
            .connect(square, sink));
    pipeline.get().run();

    assertThat(ages).hasSize(21); // 20 numbers and EOS
    // The child beats once when it is ready and then every 250 ms, so the age stays small.
    assertThat(ages).allSatisfy(age -> assertThat((Long) age).isBetween(0L, 10_000L));
    // After the run the figures stay readable: the last heartbeat the parent saw.
    assertThat(pipeline.get().stats().element("square").extra()).containsKey("heartbeat_age_ms");
  }

  /** A Serializable value no pipeline allowed. */
  public record Unexpected(String text) implements java.io.Serializable {}

  /** Answers every frame with a value of a class the parent did not allow. */
  public static final class SendsUnexpected implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        context.output().put(frame.withData(new Unexpected("gadget")));
      }
    }
  }

  @Test
  void aWorkerProcessCannotMakeItsParentDecodeAClassThePipelineDidNotAllow() {
    var sends = processElement("sends", SendsUnexpected.class);
    var pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(3)), sends)
            .connect(sends, new CollectSink("collect", List.of("in")));

    var e = catchThrowableOfType(dev.sgn4j.PipelineException.class, pipeline::run);

    assertThat(e.elementName()).isEqualTo("sends");
    assertThat(e).rootCause().isInstanceOf(java.io.InvalidClassException.class);
    assertThat(e.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "element 'sends': a Serializable value was refused: class"
                + " dev.sgn4j.process.ProcessModeTest$Unexpected is not allowed");
  }

  @Test
  void anUnnamedElementRunsInAWorkerProcessUnderItsGeneratedName() {
    var square =
        ParallelTransformElement.builder(null)
            .mode(WorkerMode.PROCESS)
            .worker(Square.class)
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("numbers", "out", numbers(3)), square)
        .connect(square, sink)
        .run();

    assertThat(square.name()).startsWith("paralleltransformelement-");
    assertThat(sink.collected("in")).containsExactly(1, 4, 9);
  }

  /** Squares each frame's number: a map class, in whichever worker the element has. */
  public static final class SquareMap implements FrameMap {
    @Override
    public Frame apply(Frame frame) {
      return frame.withData((int) frame.data() * (int) frame.data());
    }
  }

  @Repeat(value = 10, quick = 2)
  void aPoolOfWorkerProcessesRunsAMapClassAndKeepsTheOrder() {
    var square =
        ParallelTransformElement.builder("square")
            .map(SquareMap.class)
            .workers(3)
            .mode(WorkerMode.PROCESS)
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("numbers", "out", numbers(300)), square)
        .connect(square, sink)
        .run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).map(n -> n * n).boxed().toList());
    assertThat(square.workerStats().orElseThrow().workers()).isEqualTo(3);
    assertThat(square.mode()).contains(WorkerMode.PROCESS);
  }

  @Test
  void switchingAMapClassFromThreadsToProcessesIsOneSetting() {
    for (WorkerMode mode : List.of(WorkerMode.THREAD, WorkerMode.PROCESS)) {
      var square =
          ParallelTransformElement.builder("square")
              .map(SquareMap.class)
              .workers(2)
              .mode(mode)
              .build();
      var sink = new CollectSink("collect", List.of("in"));
      new Pipeline()
          .connect(IterSource.of("numbers", "out", numbers(20)), square)
          .connect(square, sink)
          .run();

      assertThat(sink.collected("in"))
          .as("%s", mode)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).map(n -> n * n).boxed().toList());
    }
  }
}
