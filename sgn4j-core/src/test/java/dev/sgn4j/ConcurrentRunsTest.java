package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ConcurrentRunsTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void shutdown() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static CollectSink chain(Pipeline pipeline, String prefix, List<Long> items) {
    var source = IterSource.of(prefix + "src", "out", items);
    var twice =
        CallableTransform.fromCallable(
            prefix + "twice", f -> (long) f.get(0).data() * 2, "out", List.of("in"));
    var sink = new CollectSink(prefix + "sink", List.of("out"));
    pipeline.connect(source, twice).connect(twice, sink);
    return sink;
  }

  @Test
  void twoPipelinesRunBackToBackWithoutSharingState() {
    var firstPipeline = new Pipeline();
    var first = chain(firstPipeline, "", List.of(1L, 2L, 3L));
    var secondPipeline = new Pipeline();
    var second = chain(secondPipeline, "", List.of(10L, 20L));

    firstPipeline.run();
    secondPipeline.run();

    assertThat(first.collected("out")).containsExactly(2L, 4L, 6L);
    assertThat(second.collected("out")).containsExactly(20L, 40L);
  }

  @RepeatedTest(20)
  void twoPipelinesRunAtTheSameTimeOnTwoThreads() throws Exception {
    List<Long> items = LongStream.rangeClosed(1, 10_000).boxed().toList();
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Pipeline[] pipelines = {new Pipeline(), new Pipeline()};
    CollectSink[] sinks = new CollectSink[2];
    for (int i = 0; i < 2; i++) {
      var barrier =
          new TransformElement("meet", List.of("in"), List.of("out")) {
            private Frame input;
            private boolean met;

            @Override
            protected void pull(SinkPad pad, Frame frame) {
              input = frame;
            }

            @Override
            protected Frame newFrame(SourcePad pad) {
              if (!met) {
                met = true;
                await(bothRunning);
              }
              return input;
            }
          };
      var source = IterSource.of("src", "out", items);
      sinks[i] = new CollectSink("sink", List.of("out"));
      pipelines[i].connect(source, barrier).connect(barrier, sinks[i]);
    }

    Future<?> a = executor.submit(pipelines[0]::run);
    Future<?> b = executor.submit(pipelines[1]::run);
    a.get(30, TimeUnit.SECONDS);
    b.get(30, TimeUnit.SECONDS);

    assertThat(sinks[0].collected("out")).containsExactlyElementsOf(items);
    assertThat(sinks[1].collected("out")).containsExactlyElementsOf(items);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other pipeline did not run at the same time", e);
    }
  }

  @Test
  void aPipelineRunsOneRunAtATime() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var source =
        new SourceElement("src", List.of("out")) {
          @Override
          protected Frame newFrame(SourcePad pad) {
            running.countDown();
            try {
              assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return Frame.eos();
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, new NullSink("snk", List.of("in")));
    Future<?> run = executor.submit(pipeline::run);
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(pipeline.isRunning()).isTrue();
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Pipeline is already running; wait for run() to return");
    release.countDown();
    run.get(10, TimeUnit.SECONDS);
    assertThat(pipeline.isRunning()).isFalse();
  }

  @RepeatedTest(20)
  void stopFromAnotherThreadDrainsTheRun() throws Exception {
    var source = new NullSource("ticks", List.of("out"), -1, null);
    CountDownLatch hundredFrames = new CountDownLatch(100);
    var sink =
        new CollectSink("snk", List.of("in"), false, false) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            hundredFrames.countDown();
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, sink);
    Future<?> run = executor.submit(pipeline::run);
    assertThat(hundredFrames.await(10, TimeUnit.SECONDS)).isTrue();

    pipeline.stop();
    run.get(10, TimeUnit.SECONDS);

    List<Object> frames = sink.collected("in");
    assertThat(frames.size()).isGreaterThanOrEqualTo(100);
    assertThat(frames.subList(0, frames.size() - 1)).allMatch(f -> !((Frame) f).isEos());
    assertThat(((Frame) frames.get(frames.size() - 1)).isEos()).isTrue();
  }

  @Test
  void stopForcesEosOnSourcesThatNeverEnd() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    var endless =
        new SourceElement("endless", List.of("out")) {
          @Override
          protected Frame newFrame(SourcePad pad) {
            started.countDown();
            return Frame.of("tick");
          }
        };
    var sink = new CollectSink("snk", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(endless, sink);
    Future<?> run = executor.submit(pipeline::run);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    pipeline.stop();
    run.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);

    assertThat(sink.atEos()).isTrue();
    assertThat(sink.collected("in")).isNotEmpty().allMatch("tick"::equals);
  }

  @Test
  void stopWithoutARunDoesNothing() {
    var source = IterSource.of("src", "out", List.of(1, 2));
    var sink = new CollectSink("snk", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(source, sink);

    pipeline.stop();
    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(1, 2);
  }
}
