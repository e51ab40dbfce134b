package dev.sgn4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.Run;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.RunOptions;
import dev.sgn4j.RunState;
import dev.sgn4j.Scheduler;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.stats.MemoryReport;
import dev.sgn4j.stats.RunStats;
import dev.sgn4j.testsupport.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The pipelined scheduler: the setting, its threads, and everything a run does under it. */
class PipelinedSchedulerTest {

  private static final RunOptions PIPELINED = RunOptions.defaults().scheduler(Scheduler.PIPELINED);

  @AfterEach
  void noPoolThreadOutlivesItsRun() {
    assertThat(poolThreads()).isEmpty();
  }

  private static List<String> poolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("sgn4j-") && name.contains("-pool-"))
        .toList();
  }

  private static List<Integer> numbers(int count) {
    return IntStream.rangeClosed(1, count).boxed().toList();
  }

  private static CallableTransform times(String name, int factor) {
    return CallableTransform.fromCallable(
        name, frames -> (int) frames.get(0).data() * factor, "out", List.of("in"));
  }

  private static void run(Pipeline pipeline, RunOptions options) throws InterruptedException {
    Run run = pipeline.start(options);
    assertThat(run.await(Duration.ofSeconds(30))).as("the run ended").isTrue();
  }

  @Test
  void aChainGivesTheFramesOfTheLockStepLoop() throws Exception {
    var sink = new CollectSink("collect", List.of("in"));
    var twice = times("double", 2);
    var thrice = times("triple", 3);
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(1000)), twice)
            .connect(twice, thrice)
            .connect(thrice, sink);
    pipeline.scheduler(Scheduler.PIPELINED).run();

    assertThat(sink.collected("in"))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).map(n -> n * 6).boxed().toList());
    RunStats stats = pipeline.stats();
    assertThat(stats.iterations()).isEqualTo(1001);
    assertThat(stats.element("triple").framesIn()).isEqualTo(1000);
    assertThat(stats.element("triple").eos()).isEqualTo(2);
    assertThat(stats.elements())
        .allSatisfy(
            element -> assertThat(element.eosTime().orElseThrow().iteration()).isEqualTo(1001));
    assertThat(pipeline.scheduler()).isEqualTo(Scheduler.PIPELINED);
  }

  @Test
  void theSchedulerIsChosenByNameAndTheOptionsAreChecked() {
    assertThat(Scheduler.named("pipelined")).isEqualTo(Scheduler.PIPELINED);
    assertThat(Scheduler.named(" Lock_Step ")).isEqualTo(Scheduler.LOCK_STEP);
    assertThatThrownBy(() -> Scheduler.named("fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown scheduler 'fast'; use lock-step or pipelined");
    assertThatThrownBy(() -> RunOptions.defaults().threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be between 1 and 32767, got 0");
    assertThatThrownBy(() -> RunOptions.defaults().linkCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linkCapacity must be between 1 and 1048576 frames, got 0");
    assertThat(PIPELINED.threads(3).linkCapacity(16))
        .hasToString(
            "RunOptions[maxIterations=none, maxDuration=none, drainDeadline=none,"
                + " scheduler=pipelined, threads=3, linkCapacity=16, stuckAfter=1000 (warns)]");
  }

  /** Records the threads it runs on, and fails if two of its calls ever overlap. */
  static final class Watched extends TransformElement {
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean inside = new AtomicBoolean();
    private volatile boolean overlapped;
    private Frame last;

    Watched(String name) {
      super(name, List.of("in"), List.of("out"));
    }

    private void enter() {
      if (!inside.compareAndSet(false, true)) {
        overlapped = true;
      }
      threads.add(Thread.currentThread().getName());
    }

    private void leave() {
      inside.set(false);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      enter();
      last = frame;
      leave();
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      enter();
      try {
        return last;
      } finally {
        leave();
      }
    }
  }

  @RepeatedTest(20)
  void twoHundredElementsShareAPoolOfAtMostTheThreadsAskedForAndNoneOverlapsItself()
      throws Exception {
    List<Watched> chain = new ArrayList<>();
    Pipeline pipeline = new Pipeline();
    Element previous = IterSource.of("numbers", "out", numbers(300));
    for (int i = 0; i < 198; i++) {
      Watched watched = new Watched("w" + i);
      pipeline.connect(previous, watched);
      chain.add(watched);
      previous = watched;
    }
    var sink = new CollectSink("collect", List.of("in"));
    pipeline.connect(previous, sink);
    List<String> seen = new CopyOnWriteArrayList<>();
    chain.get(100).threads.clear();

    run(pipeline, PIPELINED.threads(3).linkCapacity(4));

    assertThat(sink.collected("in")).containsExactlyElementsOf(numbers(300));
    Set<String> used = ConcurrentHashMap.newKeySet();
    for (Watched watched : chain) {
      assertThat(watched.overlapped).as("%s ran on two threads at once", watched.name()).isFalse();
      used.addAll(watched.threads);
    }
    seen.addAll(used);
    assertThat(seen)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(3)
        .allMatch(name -> name.contains("-pool-"));
  }

  @Test
  void aRunNeverHasMoreThreadsThanElements() throws Exception {
    var sink = new CollectSink("collect", List.of("in"));
    var watched = new Watched("watched");
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(50)), watched)
            .connect(watched, sink);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    var counting =
        new CollectSink("threads", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            threads.add(Thread.currentThread().getName());
            super.pull(pad, frame);
          }
        };
    pipeline.connect(IterSource.of("more", "out", numbers(3)), counting);

    run(pipeline, PIPELINED.threads(64));

    threads.addAll(watched.threads);
    assertThat(threads).allMatch(name -> name.matches("sgn4j-.*-pool-[0-4]"));
  }

  @RepeatedTest(20)
  void anElementFailingFailsTheRunNamingItAndStopsEveryStartedElement() throws Exception {
    List<String> stopped = new CopyOnWriteArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    var failing =
        new TransformElement("failing", List.of("in"), List.of("out")) {
          private Frame last;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (Integer.valueOf(7).equals(frame.data())) {
              throw boom;
            }
            last = frame;
          }

          @Override
          protected Frame newFrame(SourcePad pad) {
            return last;
          }

          @Override
          protected void stop() {
            stopped.add(name());
          }
        };
    var sink =
        new CollectSink("collect", List.of("in")) {
          @Override
          protected void stop() {
            stopped.add(name());
          }
        };
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(100)), failing)
            .connect(failing, sink);

    PipelineException e =
        catchThrowableOfType(
            PipelineException.class, () -> pipeline.start(PIPELINED.threads(2)).await());

    assertThat(e)
        .hasMessage(
            "element 'failing' failed at pad 'failing:snk:in' in iteration 7:"
                + " java.lang.IllegalStateException: boom");
    assertThat(e.getCause()).isSameAs(boom);
    assertThat(stopped).containsExactlyInAnyOrder("failing", "collect");
    assertThat(pipeline.lastRun().orElseThrow().state()).isEqualTo(RunState.FAILED);
  }

  /** Counts forever. */
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

  @RepeatedTest(20)
  void aStopDrainsThePipelineAndEverySinkSeesEos() throws Exception {
    var sink = new CollectSink("collect", List.of("in"), false, false);
    var twice =
        CallableTransform.fromCallable(
            "double", frames -> (long) frames.get(0).data() * 2, "out", List.of("in"));
    Pipeline pipeline = new Pipeline().connect(new Endless(), twice).connect(twice, sink);
    Run run = pipeline.start(PIPELINED);
    Await.until("frames to flow", () -> run.stats().iterations() > 100);
    run.stop();

    assertThat(run.await(Duration.ofSeconds(30))).isTrue();
    assertThat(run.state()).isEqualTo(RunState.STOPPED);
    List<Object> frames = sink.collected("in");
    Frame last = (Frame) frames.get(frames.size() - 1);
    assertThat(last.isEos()).isTrue();
    for (int i = 0; i < frames.size() - 1; i++) {
      assertThat(((Frame) frames.get(i)).data()).isEqualTo(2L * (i + 1));
    }
  }

  @RepeatedTest(20)
  void anAbortEndsTheRunAtOnceAndStopsEveryElement() throws Exception {
    List<String> stopped = new CopyOnWriteArrayList<>();
    var sink =
        new NullSink("sink", List.of("in")) {
          @Override
          protected void stop() {
            stopped.add(name());
          }
        };
    Pipeline pipeline = new Pipeline().connect(new Endless(), sink);
    Run run = pipeline.start(PIPELINED);
    Await.until("frames to flow", () -> run.stats().iterations() > 10);
    run.abort();

    assertThatThrownBy(() -> run.await(Duration.ofSeconds(30)))
        .isInstanceOf(RunAbortedException.class)
        .hasMessageContaining("Run.abort() was called");
    assertThat(run.state()).isEqualTo(RunState.ABORTED);
    assertThat(stopped).containsExactly("sink");
  }

  @Test
  void memoryReportsComeForEveryIterationWithTheElementsCalledInIt() throws Exception {
    List<MemoryReport> reports = new CopyOnWriteArrayList<>();
    var sink = new CollectSink("collect", List.of("in"));
    var twice = times("double", 2);
    Pipeline pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", numbers(5)), twice)
            .connect(twice, sink)
            .profileMemory(true)
            .onMemoryReport(reports::add);

    run(pipeline, PIPELINED);

    assertThat(reports).extracting(MemoryReport::iteration).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(reports)
        .allSatisfy(
            report ->
                assertThat(report.elements())
                    .extracting(MemoryReport.ElementAllocation::element)
                    .containsExactlyInAnyOrder("numbers", "double", "collect"));
  }
}
