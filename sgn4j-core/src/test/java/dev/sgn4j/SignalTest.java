package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.testsupport.Await;
import dev.sgn4j.testsupport.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Real signals, raised in this JVM while a run is active (the run's handler is installed before any
 * element starts, so raising them from an element callback is safe).
 */
class SignalTest {

  private static void raise(String name) {
    Signal.raise(new Signal(name));
  }

  /** Waits, with a deadline, for a condition that a signal-handler thread makes true. */
  private static void await(BooleanSupplier condition) {
    Await.until("the signal to be handled", condition);
  }

  /** Counts forever, raising a signal before frame {@code at} and waiting until it is seen. */
  private static final class Endless extends SourceElement {
    private final int at;
    private final String signal;
    private int count;

    /** Whether the signal is raised twice at once, as one delivered twice. */
    boolean twice;

    Endless(int at, String signal) {
      super("endless", List.of("out"));
      this.at = at;
      this.signal = signal;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      if (count == at) {
        raise(signal);
        if (twice) {
          raise(signal);
          // Both must reach the run before it ends and the default handlers come back.
          await(() -> runContext().signalsReceived() == 2);
        }
        await(this::signaledEos);
      }
      return Frame.of(count);
    }
  }

  /**
   * Raises {@code name} as a second signal: once the same signal repeated would no longer count as
   * the first one delivered twice.
   */
  private static void raiseAgain(RunContext context, String name) {
    Await.until(
        "the window in which a repeat counts as the same signal to pass",
        () -> System.nanoTime() - context.firstSignalNanos() > RunContext.DUPLICATE_SIGNAL_NANOS);
    raise(name);
  }

  @Test
  void theFirstSigintMakesSourcesSendEosAndTheGraphDrains() {
    Requirement.SIGNALS.check();
    var source = new Endless(4, "INT");
    var sink = new CollectSink("sink", List.of("in"), false, false);
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("in"))
        .containsExactly(Frame.of(1), Frame.of(2), Frame.of(3), Frame.of(4).withEos(true));
  }

  @RepeatedTest(5)
  void theFirstSigintDrainsAPipelinedRunToo() {
    Requirement.SIGNALS.check();
    var source = new Endless(4, "INT");
    var sink = new CollectSink("sink", List.of("in"), false, false);
    Pipeline pipeline = new Pipeline().connect(source, sink).scheduler(Scheduler.PIPELINED);
    pipeline.run();

    // The source's fourth frame is its first after the signal: it carries EOS and is its last.
    assertThat(sink.collected("in"))
        .containsExactly(Frame.of(1), Frame.of(2), Frame.of(3), Frame.of(4).withEos(true));
    assertThat(pipeline.lastRun().orElseThrow().state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void aSignalDeliveredTwiceAtOnceCountsOnceAndTheRunDrains() {
    Requirement.SIGNALS.check();
    // GNU timeout sends SIGTERM to its child and to the child's process group: twice, at once.
    var source = new Endless(3, "TERM");
    source.twice = true;
    var sink = new CollectSink("sink", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, sink);
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(1, 2, 3);
    assertThat(pipeline.lastRun().orElseThrow().state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void sigtermDrainsToo() {
    Requirement.SIGNALS.check();
    var source = new Endless(2, "TERM");
    var sink = new CollectSink("sink", List.of("in"));
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("in")).containsExactly(1, 2);
  }

  @Test
  void aSecondSignalWhileDrainingAbortsTheRun() {
    Requirement.SIGNALS.check();
    var source = new Endless(3, "INT");
    var sink =
        new CollectSink("sink", List.of("in")) {
          private boolean draining;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (draining) {
              markEos(pad);
              return;
            }
            if (frame.isEos()) {
              // Still draining (this sink ends one frame later): a second signal now aborts.
              draining = true;
              raiseAgain(runContext(), "INT");
              await(runContext()::abortRequested);
              collected(frame);
              return;
            }
            super.pull(pad, frame);
          }

          private void collected(Frame frame) {
            super.pull(sinkPads().get(0), frame.withEos(false));
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, sink);

    RunAbortedException e = catchThrowableOfType(RunAbortedException.class, pipeline::run);

    assertThat(e).hasMessage("run aborted in iteration 3: second signal (SIGINT)");
    assertThat(sink.collected("in")).containsExactly(1, 2, 3);
    assertThat(sink.atEos()).isFalse();
  }

  @Test
  void aSignalAfterTheLastSinkReachedEosDoesNotAbortTheFinishedRun() {
    Requirement.SIGNALS.check();
    var source = new Endless(2, "INT");
    var sink =
        new CollectSink("sink", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (frame.isEos()) {
              raiseAgain(runContext(), "INT");
              await(runContext()::abortRequested);
            }
          }
        };
    new Pipeline().connect(source, sink).run();

    assertThat(sink.collected("in")).containsExactly(1, 2);
  }

  @Test
  void handlersAreRestoredAfterNestedRuns() {
    Requirement.SIGNALS.check();
    List<String> seen = new ArrayList<>();
    SignalHandler mine = signal -> seen.add(signal.getName());
    SignalHandler original = Signal.handle(new Signal("INT"), mine);
    try {
      var inner = new Pipeline();
      inner.connect(
          IterSource.of("inner-src", "out", List.of(1)), new NullSink("inner", List.of("in")));
      var outer =
          new NullSink("outer", List.of("in")) {
            @Override
            protected void start() {
              inner.run();
            }
          };
      new Pipeline().connect(IterSource.of("src", "out", List.of(1, 2)), outer).run();

      SignalHandler after = Signal.handle(new Signal("INT"), mine);
      assertThat(after).isSameAs(mine);
    } finally {
      Signal.handle(new Signal("INT"), original);
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void pipelinesCanLeaveSignalsAlone() {
    Requirement.SIGNALS.check();
    SignalHandler probe = signal -> {};
    SignalHandler original = Signal.handle(new Signal("INT"), probe);
    try {
      List<SignalHandler> during = new ArrayList<>();
      var sink =
          new NullSink("k", List.of("in")) {
            @Override
            protected void start() {
              SignalHandler current = Signal.handle(new Signal("INT"), probe);
              during.add(current);
            }
          };
      new Pipeline()
          .handleSignals(false)
          .connect(IterSource.of("s", "out", List.of(1)), sink)
          .run();

      assertThat(during).containsExactly(probe);
    } finally {
      Signal.handle(new Signal("INT"), original);
    }
  }
}
