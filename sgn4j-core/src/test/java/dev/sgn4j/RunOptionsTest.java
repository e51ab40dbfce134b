package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Iteration and time limits, and the drain deadline (SPEC R4, R8). */
class RunOptionsTest {

  /** Never reaches EOS: ignores it, so only an abort ends the run. */
  static final class Deaf extends SinkElement {
    Deaf() {
      super("deaf", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }

  @Test
  void theFramesOfTheIterationLimitCarryEosAndTheRunDrainsThere() throws Exception {
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(new RunHandleTest.Endless(), sink);

    pipeline.start(RunOptions.defaults().maxIterations(3)).await();

    assertThat(sink.collected("in")).containsExactly(1L, 2L, 3L);
    Run run = pipeline.lastRun().orElseThrow();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    assertThat(run.stats().iterations()).isEqualTo(3);
  }

  @RepeatedTest(5)
  void aRunDrainsWhenItsTimeLimitPasses() throws Exception {
    var ticks = new NullSource("ticks", List.of("out"), -1, Duration.ofMillis(1));
    Pipeline pipeline = new Pipeline().connect(ticks, new NullSink("sink", List.of("in")));

    Run run = pipeline.start(RunOptions.defaults().maxDuration(Duration.ofMillis(50)));

    assertThat(run.await(Duration.ofSeconds(20))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    assertThat(run.stats().elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @RepeatedTest(5)
  void aDrainThatDoesNotEndTheRunInTimeAbortsItSayingWhy() throws Exception {
    Pipeline pipeline = new Pipeline().connect(new RunHandleTest.Endless(), new Deaf());
    Run run = pipeline.start(RunOptions.defaults().drainDeadline(Duration.ofMillis(100)));
    run.stop();

    RunAbortedException e =
        catchThrowableOfType(RunAbortedException.class, () -> run.await(Duration.ofSeconds(20)));

    assertThat(e)
        .hasMessageEndingWith(
            ": the drain (Run.stop() was called) did not end the run within PT0.1S");
    assertThat(run.state()).isEqualTo(RunState.ABORTED);
  }

  @Test
  void aDrainThatEndsTheRunInTimeIsNotAborted() throws Exception {
    Pipeline pipeline =
        new Pipeline().connect(new RunHandleTest.Endless(), new NullSink("sink", List.of("in")));
    Run run = pipeline.start(RunOptions.defaults().drainDeadline(Duration.ofSeconds(30)));
    run.stop();

    assertThat(run.await(Duration.ofSeconds(20))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void badOptionsAreRejectedWithTheValue() {
    assertThatThrownBy(() -> RunOptions.defaults().maxIterations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maxIterations must be at least 1 (the iteration whose frames carry EOS), got 0");
    assertThatThrownBy(() -> RunOptions.defaults().maxDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDuration must be positive, got PT0S");
    assertThatThrownBy(() -> RunOptions.defaults().drainDeadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("drainDeadline must be positive, got PT-1S");
    assertThatThrownBy(() -> RunOptions.defaults().drainDeadline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("drainDeadline must not be null");
    assertThat(RunOptions.defaults().maxIterations(5).maxDuration(Duration.ofSeconds(2)))
        .hasToString(
            "RunOptions[maxIterations=5, maxDuration=PT2S, drainDeadline=none, scheduler=the"
                + " pipeline's, threads=default, linkCapacity=default, stuckAfter=1000 (warns)]");
    assertThat(RunOptions.defaults().stuckAfter(50).failWhenStuck(true))
        .hasToString(
            "RunOptions[maxIterations=none, maxDuration=none, drainDeadline=none, scheduler=the"
                + " pipeline's, threads=default, linkCapacity=default, stuckAfter=50 (fails)]");
    assertThat(RunOptions.defaults().stuckFrames()).isEqualTo(RunOptions.DEFAULT_STUCK_AFTER);
    assertThat(RunOptions.defaults().failsWhenStuck()).isFalse();
    assertThatThrownBy(() -> RunOptions.defaults().stuckAfter(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stuckAfter must be at least 1, got 0");
  }
}
