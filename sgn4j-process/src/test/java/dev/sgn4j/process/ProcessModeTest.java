package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.CollectSink;
import dev.sgn4j.Frame;
import dev.sgn4j.IterSource;
import dev.sgn4j.Pipeline;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.WorkerContext;
import dev.sgn4j.parallel.WorkerException;
import dev.sgn4j.parallel.WorkerLogic;
import dev.sgn4j.parallel.WorkerMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
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

  @Test
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

  @Test
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
}
