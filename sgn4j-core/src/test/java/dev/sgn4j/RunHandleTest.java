package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@link Pipeline#start()} and its {@link Run}: stop and abort are never lost. */
class RunHandleTest {

  @AfterEach
  void noRunThreadIsLeft() {
    Await.until(
        "every sgn-run thread to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("sgn-run-")));
  }

  /** Counts forever, until a drain makes its frames EOS. */
  static final class Endless extends SourceElement {
    private long count;

    Endless() {
      super("endless", List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.of(++count);
    }
  }

  private static Pipeline endless() {
    return new Pipeline().connect(new Endless(), new NullSink("sink", List.of("in")));
  }

  @RepeatedTest(200)
  void aStopRightAfterAnotherThreadCallsRunIsNeverLost() throws Exception {
    Pipeline pipeline = endless();
    Thread runner = Thread.ofPlatform().name("runner").start(pipeline::run);
    Await.until("the pipeline to be running", pipeline::isRunning);
    pipeline.stop();

    runner.join(Duration.ofSeconds(10));
    assertThat(runner.isAlive()).as("run() returned after the stop").isFalse();
    assertThat(pipeline.lastRun().orElseThrow().state()).isEqualTo(RunState.STOPPED);
  }

  @RepeatedTest(200)
  void aStopRightAfterStartIsNeverLost() throws Exception {
    Run run = endless().start();
    run.stop();

    assertThat(run.await(Duration.ofSeconds(10))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    assertThat(run.isDone()).isTrue();
  }

  @RepeatedTest(200)
  void anAbortRightAfterStartIsNeverLost() throws Exception {
    Run run = endless().start();
    run.abort();

    RunAbortedException e =
        catchThrowableOfType(RunAbortedException.class, () -> run.await(Duration.ofSeconds(10)));

    assertThat(e).hasMessageEndingWith(": Run.abort() was called");
    assertThat(run.state()).isEqualTo(RunState.ABORTED);
  }

  @Test
  void aRunIsWatchedWhileItGoesAndGivesItsFinalFiguresAfterwards() throws Exception {
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var sink =
        new CollectSink("collect", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (collected("in").size() == 2 && inside.getCount() == 1) {
              inside.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, sink);
    Run run = pipeline.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(run.state()).isEqualTo(RunState.RUNNING);
    assertThat(run.await(Duration.ofMillis(1))).isFalse();
    assertThat(run.stats().running()).isTrue();
    assertThat(pipeline.currentRun()).containsSame(run);
    assertThatThrownBy(pipeline::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Pipeline is already running; wait for run() to return");

    release.countDown();
    assertThat(run.await(Duration.ofSeconds(10))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    assertThat(run.stats().running()).isFalse();
    assertThat(run.stats().iterations()).isEqualTo(4);
    assertThat(sink.collected("in")).containsExactly(1, 2, 3);
    assertThat(pipeline.currentRun()).isEmpty();
    assertThat(pipeline.lastRun()).containsSame(run);
  }

  @Test
  void awaitThrowsTheRunsFailureAndRunThrowsTheSame() throws Exception {
    var boom = new IllegalStateException("boom");
    var sink =
        new NullSink("sink", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            throw boom;
          }
        };
    Pipeline pipeline = new Pipeline().connect(IterSource.of("s", "out", List.of(1)), sink);

    Run run = pipeline.start();
    PipelineException started =
        catchThrowableOfType(PipelineException.class, () -> run.await(Duration.ofSeconds(10)));
    PipelineException direct = catchThrowableOfType(PipelineException.class, pipeline::run);

    assertThat(started).hasCause(boom).hasMessage(direct.getMessage());
    assertThat(started.elementName()).isEqualTo("sink");
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(pipeline.lastRun().orElseThrow().state()).isEqualTo(RunState.FAILED);
  }

  @Test
  void eachRunHasItsOwnIdAndAFailedCheckFailsTheRun() throws Exception {
    Pipeline pipeline = endless();
    Run first = pipeline.start();
    first.stop();
    first.await();
    Run second = pipeline.start();
    second.stop();
    second.await();

    assertThat(first.id()).endsWith("#1").startsWith("Pipeline@");
    assertThat(second.id()).isEqualTo(first.id().replace("#1", "#2"));

    Pipeline unlinked = new Pipeline().insert(new NullSink("lonely", List.of("in")));
    Run broken = unlinked.start();
    assertThatThrownBy(broken::await)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Pipeline has 1 unlinked pad: sink pad lonely:snk:in");
    assertThat(broken.state()).isEqualTo(RunState.FAILED);
  }
}
