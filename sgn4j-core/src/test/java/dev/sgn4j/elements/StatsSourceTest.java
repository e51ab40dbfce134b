package dev.sgn4j.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.testsupport.Await;
import dev.sgn4j.testsupport.Requirement;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

class StatsSourceTest {

  private static final long SECOND = 1_000_000_000L;

  /** Collects whole frames, and asks the pipeline to stop once it has {@code stopAt} of them. */
  private static final class Recorder extends CollectSink {
    private final int stopAt;
    private final CountDownLatch started = new CountDownLatch(1);
    private Pipeline pipeline;

    Recorder(int stopAt) {
      super("snk", List.of("in"), false, false);
      this.stopAt = stopAt;
    }

    @Override
    protected void start() {
      super.start();
      started.countDown();
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      super.pull(pad, frame);
      if (collected("in").size() == stopAt) {
        pipeline.stop();
      }
    }

    List<Frame> frames() {
      return collected("in").stream().map(Frame.class::cast).toList();
    }
  }

  private static Recorder run(StatsSource source, int stopAt) {
    var sink = new Recorder(stopAt);
    var pipeline = new Pipeline().connect(source, sink, Map.of("in", "stats"));
    sink.pipeline = pipeline;
    pipeline.run();
    return sink;
  }

  private static StatsSource.Builder stats() {
    return StatsSource.builder("monitor", List.of("stats"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void everyFrameCarriesProcessSystemAndTimestampWithExactKeys() {
    var sink = run(stats().numFrames(2).clocks(() -> 0L, () -> 1_700_000_000_123L).build(), -1);

    List<Frame> frames = sink.frames();
    assertThat(frames).extracting(Frame::isEos).containsExactly(false, false, true);
    for (Frame frame : frames) {
      assertThat(frame.metadata()).containsExactly(Map.entry("stats_type", "system_metrics"));
      Map<String, Object> data = map(frame.data());
      assertThat(data.keySet()).containsExactly("process", "system", "timestamp");
      assertThat(data.get("timestamp")).isEqualTo(1_700_000_000_123L);

      Map<String, Object> process = map(data.get("process"));
      assertThat(process.keySet())
          .containsExactly(
              "pid",
              "uptime_ms",
              "start_time_ms",
              "cpu_load",
              "cpu_time_ns",
              "heap",
              "non_heap",
              "gc",
              "threads",
              "committed_virtual_memory");
      assertThat(process.get("pid")).isEqualTo(ProcessHandle.current().pid());
      assertThat((Long) process.get("uptime_ms")).isPositive();
      assertThat((Long) process.get("cpu_time_ns")).isPositive();
      assertThat(process.get("cpu_load")).isInstanceOf(Double.class);
      for (String memory : List.of("heap", "non_heap")) {
        Map<String, Object> usage = map(process.get(memory));
        assertThat(usage.keySet()).containsExactly("init", "used", "committed", "max");
        assertThat((Long) usage.get("used")).isPositive();
      }
      Map<String, Object> gc = map(process.get("gc"));
      assertThat(gc.keySet())
          .containsExactlyElementsOf(
              ManagementFactory.getGarbageCollectorMXBeans().stream()
                  .map(java.lang.management.MemoryManagerMXBean::getName)
                  .toList());
      gc.values().forEach(c -> assertThat(map(c).keySet()).containsExactly("count", "time_ms"));
      Map<String, Object> threads = map(process.get("threads"));
      assertThat(threads.keySet()).containsExactly("count", "peak", "daemon", "started");
      assertThat((Long) threads.get("peak")).isGreaterThanOrEqualTo((Long) threads.get("count"));

      Map<String, Object> system = map(data.get("system"));
      assertThat(system.keySet())
          .containsExactly(
              "os_name",
              "os_arch",
              "os_version",
              "available_processors",
              "load_average",
              "cpu_load",
              "memory",
              "swap");
      assertThat(system.get("os_name")).isEqualTo(System.getProperty("os.name"));
      assertThat(system.get("available_processors"))
          .isEqualTo((long) Runtime.getRuntime().availableProcessors());
      assertThat(system.get("load_average")).isInstanceOf(Double.class);
      assertThat(map(system.get("memory")).keySet()).containsExactly("total", "free");
      assertThat(map(system.get("swap")).keySet()).containsExactly("total", "free");
    }
  }

  @Test
  void theDataIsImmutableAtEveryLevel() {
    Map<String, Object> data = map(run(stats().numFrames(0).build(), -1).frames().get(0).data());

    assertThatThrownBy(() -> data.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map(data.get("process")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map(map(data.get("process")).get("heap")).put("used", 0L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map(data.get("system")).remove("cpu_load"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void processAndSystemFiguresCanBeLeftOut() {
    Map<String, Object> noProcess =
        map(
            run(stats().numFrames(0).includeProcessStats(false).build(), -1)
                .frames()
                .get(0)
                .data());
    Map<String, Object> noSystem =
        map(run(stats().numFrames(0).includeSystemStats(false).build(), -1).frames().get(0).data());
    Map<String, Object> neither =
        map(
            run(
                    stats()
                        .numFrames(0)
                        .includeProcessStats(false)
                        .includeSystemStats(false)
                        .clocks(() -> 0L, () -> 42L)
                        .build(),
                    -1)
                .frames()
                .get(0)
                .data());

    assertThat(noProcess.keySet()).containsExactly("system", "timestamp");
    assertThat(noSystem.keySet()).containsExactly("process", "timestamp");
    assertThat(neither).containsExactly(Map.entry("timestamp", 42L));
  }

  @Test
  void withAnIntervalFramesBetweenReadingsCarryAnEmptyMap() {
    // The clock moves 0.7 s per frame; figures at most every 2 s: at 0, 2.1, 4.2, 6.3 s.
    AtomicLong now = new AtomicLong();
    var source =
        stats()
            .interval(Duration.ofSeconds(2))
            .numFrames(10)
            .clocks(() -> now.getAndAdd(7 * SECOND / 10), now::get)
            .build();

    List<Frame> frames = run(source, -1).frames();

    assertThat(frames).hasSize(11);
    assertThat(frames)
        .extracting(frame -> !map(frame.data()).isEmpty())
        .containsExactly(true, false, false, true, false, false, true, false, false, true, false);
    assertThat(frames).allSatisfy(f -> assertThat(f.metadata()).containsKey("stats_type"));
    assertThat(frames.get(10).isEos()).isTrue();
  }

  /** Passes frames on unchanged and moves the clock half a second after each iteration. */
  private static final class Stepper extends TransformElement {
    private final AtomicLong now;
    private final Map<String, Frame> frames = new java.util.HashMap<>();

    Stepper(AtomicLong now) {
      super("step", List.of("a", "b"), List.of("a", "b"));
      this.now = now;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      frames.put(pad.shortName(), frame);
    }

    @Override
    protected void internal() {
      now.addAndGet(SECOND / 2);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return frames.get(pad.shortName());
    }
  }

  @Test
  void anIntervalIsExactAtItsBoundaryAndEachPadKeepsItsOwn() {
    AtomicLong now = new AtomicLong();
    var source =
        StatsSource.builder("monitor", List.of("a", "b"))
            .interval(Duration.ofSeconds(1))
            .numFrames(3)
            .clocks(now::get, () -> 0L)
            .build();
    var sink = new CollectSink("snk", List.of("a", "b"), true, false);
    sink.setEosPolicy(EosPolicy.ALL);
    var stepper = new Stepper(now);
    new Pipeline().connect(source, stepper).connect(stepper, sink).run();

    // Both pads read at 0, skip at 0.5 s, read at exactly 1 s, skip at 1.5 s.
    assertThat(sink.collected("a"))
        .extracting(d -> map(d).isEmpty())
        .containsExactly(false, true, false, true);
    assertThat(sink.collected("b"))
        .extracting(d -> map(d).isEmpty())
        .containsExactly(false, true, false, true);
  }

  @Test
  void aStopMakesTheNextFrameEos() {
    List<Frame> frames = run(stats().build(), 2).frames();

    assertThat(frames).extracting(Frame::isEos).containsExactly(false, false, true);
    assertThat(map(frames.get(2).data())).containsKeys("process", "system", "timestamp");
  }

  @Test
  void withoutEosOnSignalAStopIsIgnoredUntilTheFrameLimit() {
    List<Frame> frames = run(stats().eosOnSignal(false).numFrames(5).build(), 2).frames();

    assertThat(frames)
        .extracting(Frame::isEos)
        .containsExactly(false, false, false, false, false, true);
  }

  @Test
  void theFirstSigintEndsTheStreamWithEos() {
    Requirement.SIGNALS.check();
    Signal sigint = new Signal("INT");
    var sink =
        new CollectSink("snk", List.of("in"), false, false) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (collected("in").size() == 3) {
              Signal.raise(sigint);
              await(() -> runContext().stopRequested());
            }
          }
        };
    new Pipeline().connect(stats().build(), sink, Map.of("in", "stats")).run();

    assertThat(sink.collected("in"))
        .extracting(f -> ((Frame) f).isEos())
        .containsExactly(false, false, false, true);
  }

  private static void await(BooleanSupplier condition) {
    Await.until("the signal to be handled", condition);
  }

  @Test
  void aStopEndsAWaitAtOnce() throws Exception {
    var sink = new Recorder(-1);
    var pipeline =
        new Pipeline()
            .connect(stats().wait(Duration.ofHours(1)).build(), sink, Map.of("in", "stats"));
    sink.pipeline = pipeline;
    var run = CompletableFuture.runAsync(pipeline::run);
    try {
      assertThat(sink.started.await(10, TimeUnit.SECONDS)).isTrue();
      pipeline.stop();
      run.get(10, TimeUnit.SECONDS);
    } finally {
      pipeline.abort();
    }

    assertThat(sink.frames()).extracting(Frame::isEos).containsExactly(true);
  }

  @Test
  void withoutEosOnSignalOnlyAnAbortEndsAWait() throws Exception {
    var sink = new Recorder(-1);
    var pipeline =
        new Pipeline()
            .connect(
                stats().eosOnSignal(false).wait(Duration.ofHours(1)).build(),
                sink,
                Map.of("in", "stats"));
    sink.pipeline = pipeline;
    var run = CompletableFuture.runAsync(pipeline::run);
    try {
      assertThat(sink.started.await(10, TimeUnit.SECONDS)).isTrue();
      pipeline.stop();
      assertThatThrownBy(() -> run.get(300, TimeUnit.MILLISECONDS))
          .isInstanceOf(java.util.concurrent.TimeoutException.class);
      pipeline.abort();
      assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(RunAbortedException.class);
    } finally {
      pipeline.abort();
    }

    // The abort ended the first wait; that frame still went out, and the run ended after it.
    assertThat(sink.frames()).extracting(Frame::isEos).containsExactly(false);
  }

  @Test
  void aWaitPausesBeforeEachFrame() {
    long started = System.nanoTime();
    List<Frame> frames = run(stats().wait(Duration.ofMillis(20)).numFrames(2).build(), -1).frames();

    assertThat(frames).hasSize(3);
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(60_000_000L);
  }

  @Test
  void badSettingsAreRejectedNamingTheElement() {
    assertThatThrownBy(() -> stats().interval(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "StatsSource 'monitor': interval must not be negative, got PT-1S; use null for none");
    assertThatThrownBy(() -> stats().wait(Duration.ofMillis(-5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "StatsSource 'monitor': wait must not be negative, got PT-0.005S; use null for none");
    assertThatThrownBy(() -> stats().numFrames(-2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StatsSource 'monitor': numFrames must be -1 (no limit) or at least 0, got -2");
    assertThatThrownBy(() -> StatsSource.builder("monitor", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("padNames");
  }

  @Test
  void theShortConstructorSendsFiguresOnEveryFrameUntilStopped() {
    List<Frame> frames = run(new StatsSource("monitor", List.of("stats")), 3).frames();

    assertThat(frames).extracting(Frame::isEos).containsExactly(false, false, false, true);
    assertThat(frames).allSatisfy(f -> assertThat(map(f.data())).isNotEmpty());
  }
}
