package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.WorkerParameter;
import dev.sgn4j.process.codec.FrameCodecs;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worker parameters reach a worker process encoded, with their values and types (SPEC X1). */
class ProcessParametersTest {

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  /** Answers each number with what the parameters make of it, seen inside the worker process. */
  public static final class Describe implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame && !frame.isGap()) {
        int factor = context.parameter("factor");
        String label = context.parameter("label");
        double[] weights = context.parameter("weights");
        List<String> tags = context.parameter("tags");
        Map<String, Object> limits = context.parameter("limits");
        Object nothing = context.parameter("nothing");
        String text =
            String.join(
                " | ",
                label + ((int) frame.data() * factor),
                Arrays.toString(weights),
                tags.toString(),
                limits.toString(),
                String.valueOf(nothing),
                context.parameters().keySet().toString(),
                String.valueOf(
                    ProcessHandle.current().pid() != (long) context.parameter("parentPid")));
        context.output().put(frame.withData(text));
      } else if (item instanceof Frame frame) {
        context.output().put(frame);
      }
    }
  }

  /** Parameters from annotated fields and from the builder. */
  static final class Scale extends ParallelTransformElement {
    @WorkerParameter private final int factor;

    @WorkerParameter("label")
    private final String prefix;

    Scale(int factor, String prefix, ParallelTransformElement.Builder builder) {
      super(builder);
      this.factor = factor;
      this.prefix = prefix;
    }
  }

  @Test
  void parametersOfEveryPlainKindReachTheWorkerProcessWithTheirValues() {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("low", 1);
    limits.put("high", List.of(2.5, "max"));
    var builder =
        ParallelTransformElement.builder("scale")
            .mode(WorkerMode.PROCESS)
            .worker(Describe.class)
            .parameter("weights", new double[] {0.5, 1.5})
            .parameter("tags", List.of("H1", "L1"))
            .parameter("limits", limits)
            .parameter("nothing", null)
            .parameter("parentPid", ProcessHandle.current().pid());
    var scale = new Scale(7, "x", builder);
    var sink = new CollectSink("collect", List.of("in"));
    new Pipeline()
        .connect(IterSource.of("numbers", "out", List.of(1, 2)), scale)
        .connect(scale, sink)
        .run();

    String rest =
        " | [0.5, 1.5] | [H1, L1] | {low=1, high=[2.5, max]} | null"
            + " | [weights, tags, limits, nothing, parentPid, factor, label] | true";
    assertThat(sink.collected("in")).containsExactly("x7" + rest, "x14" + rest);
  }

  @Test
  void aParameterThatCannotBeEncodedFailsTheRunNamingTheElementAndTheParameter() {
    var element =
        ParallelTransformElement.builder("scale")
            .mode(WorkerMode.PROCESS)
            .worker(Describe.class)
            .parameter("lock", new Object())
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", List.of(1)), element)
            .connect(element, sink);

    assertThatThrownBy(pipeline::run)
        .hasMessage(
            "element 'scale' failed in start(): java.lang.IllegalArgumentException: element 'scale',"
                + " worker parameter 'lock': cannot encode item: java.lang.Object has no codec and is"
                + " not Serializable; register a codec with FrameCodecs.register(Object.class, codec)"
                + " or make it Serializable");
  }

  /** A Serializable value the pipeline allows to cross. */
  public record Window(int start, int end) implements java.io.Serializable {}

  /** A Serializable value nobody allowed. */
  public record Unlisted(int value) implements java.io.Serializable {}

  /** Answers each number with the window parameter's start, in the worker process. */
  public static final class WindowStart implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        Object window = context.parameter("window");
        context.output().put(frame.isGap() ? frame : frame.withData(window.toString()));
      }
    }
  }

  private static Pipeline windowPipeline(Object window, CollectSink sink) {
    var element =
        ParallelTransformElement.builder("windowed")
            .mode(WorkerMode.PROCESS)
            .worker(WindowStart.class)
            .parameter("window", window)
            .build();
    return new Pipeline()
        .connect(IterSource.of("numbers", "out", List.of(1)), element)
        .connect(element, sink);
  }

  @Test
  void aSerializableParameterOfAnAllowedClassReachesTheWorker() {
    FrameCodecs.allowSerializable(Window.class);
    var sink = new CollectSink("collect", List.of("in"));
    windowPipeline(new Window(3, 9), sink).run();

    assertThat(sink.collected("in")).containsExactly("Window[start=3, end=9]");
  }

  @Test
  void aSerializableParameterOfAClassNobodyAllowedFailsTheRunNamingIt() {
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = windowPipeline(new Unlisted(4), sink);

    assertThatThrownBy(pipeline::run)
        .hasMessage(
            "element 'windowed' failed in start(): java.lang.IllegalStateException: element"
                + " 'windowed', worker parameter 'window': a Serializable value was refused: class"
                + " dev.sgn4j.process.ProcessParametersTest$Unlisted is not allowed; allow it in the"
                + " parent before the run with"
                + " FrameCodecs.allowSerializable(dev.sgn4j.process.ProcessParametersTest.Unlisted.class),"
                + " or register a codec for it (limits: 20 levels, 1000000 references, arrays of"
                + " 100000000 elements)");
  }
}
