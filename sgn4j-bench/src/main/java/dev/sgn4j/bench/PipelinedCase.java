package dev.sgn4j.bench;

import dev.sgn4j.Pipeline;
import dev.sgn4j.Scheduler;
import dev.sgn4j.TransformElement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code pipelined_core} and {@code pipelined_heavy} cases: one pipeline run by the lock-step
 * loop, then by the pipelined scheduler (one pool thread per core), both timed around {@code run()}
 * and both checked. The report line is the pipelined run's; {@link #summary} prints the lock-step
 * figures of the same runs and the ratio, e.g. {@code lock-step: 163000 frames/s; pipelined 1.83 ×
 * lock-step (measured run), 1.79 × over all runs}.
 *
 * <ul>
 *   <li>{@code pipelined_core}: the light core chain, source → {@link Doubler} → sink, where the
 *       hand-offs between threads are all there is to measure;
 *   <li>{@code pipelined_heavy}: source → three {@link Burner}s → sink, each spending about the
 *       same CPU per frame, the shape pipelining is for.
 * </ul>
 */
final class PipelinedCase implements BenchCase {

  /** The key of the lock-step run's time in {@link Result#extraNanos()}. */
  static final String LOCK_STEP = "lock-step";

  private final String name;
  private final boolean heavy;

  PipelinedCase(String name, boolean heavy) {
    this.name = name;
    this.heavy = heavy;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run(long frames) {
    CountingSource source = new CountingSource("source", frames);
    SumSink sink = new SumSink("sink");
    Pipeline pipeline = new Pipeline();
    TransformElement last;
    if (heavy) {
      Burner a = new Burner("a");
      Burner b = new Burner("b");
      Burner c = new Burner("c");
      pipeline.connect(source, a).connect(a, b).connect(b, c);
      last = c;
    } else {
      last = new Doubler("double");
      pipeline.connect(source, last);
    }
    pipeline.connect(last, sink);
    long expected = heavy ? frames * (frames + 1) / 2 : frames * (frames + 1);

    pipeline.scheduler(Scheduler.LOCK_STEP);
    long lockStep = Result.measure(frames, pipeline::run).nanos();
    check(sink, frames, expected, "lock-step");
    pipeline.scheduler(Scheduler.PIPELINED);
    long pipelined = Result.measure(frames, pipeline::run).nanos();
    check(sink, frames, expected, "pipelined");
    return new Result(frames, pipelined, Map.of(LOCK_STEP, lockStep));
  }

  private static void check(SumSink sink, long frames, long expected, String how) {
    if (sink.count() != frames || sink.sum() != expected) {
      throw new IllegalStateException(
          "%s: sink received %d data frames summing to %d; expected %d frames summing to %d"
              .formatted(how, sink.count(), sink.sum(), frames, expected));
    }
  }

  @Override
  public List<String> summary(List<Result> runs) {
    Result measured = runs.get(runs.size() - 1);
    long lockStepNanos = measured.extraNanos().get(LOCK_STEP);
    long lockStepRate = Math.round(measured.frames() * 1e9 / Math.max(lockStepNanos, 1));
    double allLockStep = 0;
    double allPipelined = 0;
    for (Result run : runs) {
      allLockStep += run.extraNanos().get(LOCK_STEP);
      allPipelined += run.nanos();
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "lock-step: %d frames/s; pipelined %.2f x lock-step (measured run), %.2f x over all runs",
            lockStepRate,
            (double) lockStepNanos / Math.max(measured.nanos(), 1),
            allLockStep / Math.max(allPipelined, 1)));
  }
}
