package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.DequeSource;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFailureTest {

  /** An exception whose constructor does not take one message: SGN's re-wrapping breaks on it. */
  static final class TwoArgumentException extends RuntimeException {
    final int code;

    TwoArgumentException(String what, int code) {
      super(what + " #" + code);
      this.code = code;
    }
  }

  private final List<String> log = new ArrayList<>();

  private final class Lifecycle extends TransformElement {
    private final RuntimeException failInNew;
    private Frame input;

    Lifecycle(String name, RuntimeException failInNew) {
      super(name, List.of("in"), List.of("out"));
      this.failInNew = failInNew;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      input = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (failInNew != null && input.data() != null && (int) input.data() == 2) {
        throw failInNew;
      }
      return input;
    }

    @Override
    protected void start() {
      log.add(name() + ".start");
    }

    @Override
    protected void stop() {
      log.add(name() + ".stop");
    }
  }

  @Test
  void anExceptionStopsEveryStartedElementAndKeepsTheOriginalAsCause() {
    var boom = new TwoArgumentException("disk full", 28);
    var source = IterSource.of("src", "out", List.of(1, 2, 3));
    var failing = new Lifecycle("t1", boom);
    var after = new Lifecycle("t2", null);
    var sink = new CollectSink("snk", List.of("out"));
    Pipeline pipeline = new Pipeline().connect(source, failing).connect(failing, after);
    pipeline.connect(after, sink);

    PipelineException e = catchThrowableOfType(PipelineException.class, pipeline::run);

    assertThat(e)
        .hasMessage(
            "element 't1' failed at pad 't1:src:out' in iteration 2: "
                + "dev.sgn4j.RunFailureTest$TwoArgumentException: disk full #28");
    assertThat(e.getCause()).isSameAs(boom);
    assertThat(e.elementName()).isEqualTo("t1");
    assertThat(e.padName()).isEqualTo("t1:src:out");
    assertThat(e.iteration()).isEqualTo(2);
    assertThat(log).containsExactly("t2.start", "t1.start", "t1.stop", "t2.stop");
    assertThat(sink.collected("out")).containsExactly(1);
    assertThat(pipeline.isRunning()).isFalse();
  }

  @Test
  void failuresInPullAndInternalNameTheirPads() {
    var source = IterSource.of("src", "out", List.of(1));
    var sink =
        new SinkElement("snk", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            throw new IllegalStateException("cannot write");
          }
        };
    PipelineException pull =
        catchThrowableOfType(
            PipelineException.class, () -> new Pipeline().connect(source, sink).run());
    assertThat(pull.padName()).isEqualTo("snk:snk:in");
    assertThat(pull).hasMessageEndingWith("java.lang.IllegalStateException: cannot write");

    var source2 = IterSource.of("src", "out", List.of(1));
    var sink2 =
        new CollectSink("snk", List.of("in")) {
          @Override
          protected void internal() {
            throw new AssertionError("invariant");
          }
        };
    PipelineException internal =
        catchThrowableOfType(
            PipelineException.class, () -> new Pipeline().connect(source2, sink2).run());
    assertThat(internal.padName()).isEqualTo("snk:inl:inl");
    assertThat(internal.getCause()).isInstanceOf(AssertionError.class).hasMessage("invariant");
  }

  @Test
  void aFailingStartStopsOnlyTheElementsAlreadyStarted() {
    var source =
        new IterSource("src", List.of("out"), java.util.Map.of("out", List.of(1)), true) {
          @Override
          protected void start() {
            throw new IllegalStateException("no device");
          }

          @Override
          protected void stop() {
            log.add("src.stop");
          }
        };
    var t = new Lifecycle("t", null);
    var sink = new CollectSink("snk", List.of("out"));
    Pipeline pipeline = new Pipeline().connect(source, t).connect(t, sink);

    PipelineException e = catchThrowableOfType(PipelineException.class, pipeline::run);

    assertThat(e)
        .hasMessage("element 'src' failed in start(): java.lang.IllegalStateException: no device");
    assertThat(e.padName()).isEqualTo("start()");
    assertThat(e.iteration()).isZero();
    assertThat(log).containsExactly("t.start", "t.stop");
  }

  @Test
  void stopFailuresAreReportedAndSuppressedBehindTheFirstFailure() {
    var boom = new IllegalStateException("boom");
    var source = IterSource.of("src", "out", List.of(1, 2));
    var failing = new Lifecycle("t", boom);
    var sink =
        new CollectSink("snk", List.of("out")) {
          @Override
          protected void stop() {
            throw new IllegalArgumentException("flush failed");
          }
        };
    PipelineException e =
        catchThrowableOfType(
            PipelineException.class,
            () -> new Pipeline().connect(source, failing).connect(failing, sink).run());

    assertThat(e.getCause()).isSameAs(boom);
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(e.getSuppressed()[0])
        .hasMessage(
            "element 'snk' failed in stop(): java.lang.IllegalArgumentException: flush failed");

    var source2 = IterSource.of("src", "out", List.of(1));
    var sink2 =
        new CollectSink("snk", List.of("out")) {
          @Override
          protected void stop() {
            throw new IllegalArgumentException("flush failed");
          }
        };
    PipelineException alone =
        catchThrowableOfType(
            PipelineException.class, () -> new Pipeline().connect(source2, sink2).run());
    assertThat(alone.padName()).isEqualTo("stop()");
    assertThat(alone.iteration()).isEqualTo(2);
  }

  @Test
  void aSourcePadThatReturnsNoFrameFailsTheRun() {
    var source =
        new SourceElement("src", List.of("out")) {
          @Override
          protected Frame newFrame(SourcePad pad) {
            return null;
          }
        };
    PipelineException e =
        catchThrowableOfType(
            PipelineException.class,
            () -> new Pipeline().connect(source, new NullSink("snk", List.of("in"))).run());

    assertThat(e)
        .hasMessage(
            "source pad 'src:src:out' of element 'src' returned null from newFrame in iteration 1;"
                + " return a Frame (Frame.gap() when there is no data)");
    assertThat(e.getCause()).isNull();
  }

  record Rate(int hz) implements DataSpec {}

  @Test
  void aSpecChangeOnASinkPadFailsTheRunNamingBothSpecs() {
    var source =
        new SourceElement("src", List.of("out")) {
          private int count;

          @Override
          protected Frame newFrame(SourcePad pad) {
            count++;
            return Frame.of(count).withSpec(new Rate(count < 3 ? 16 : 32));
          }
        };
    var sink = new NullSink("snk", List.of("in"));
    PipelineException e =
        catchThrowableOfType(
            PipelineException.class, () -> new Pipeline().connect(source, sink).run());

    assertThat(e)
        .hasMessage(
            "frame received by snk:snk:in is inconsistent with previously received frames;"
                + " previous data specification: Rate[hz=16], current data specification:"
                + " Rate[hz=32]");
    assertThat(e.iteration()).isEqualTo(3);
    assertThat(sink.sinkPad("in").dataSpec()).contains(new Rate(16));
  }

  @Test
  void theFirstFrameFixesTheSpecAndEachRunStartsAfresh() {
    var source = new DequeSource("src", List.of("out"), true);
    var sink = new NullSink("snk", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, sink);
    assertThat(sink.sinkPad("in").dataSpec()).isEmpty();

    pipeline.run();
    assertThat(sink.sinkPad("in").dataSpec()).contains(DataSpec.NONE);
  }
}
