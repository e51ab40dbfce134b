package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.parallel.ParallelSinkElement;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code close} case: how long a run with three parallel elements takes to end after its last
 * frame. The pipeline is a {@link CountingSource}, a parallel transform doubling each value, a
 * parallel transform passing frames on, and a parallel sink whose worker counts and sums the data.
 *
 * <p>Besides the run time, each run records {@link System#nanoTime()} when the sink's worker sees
 * the EOS frame and when {@link Pipeline#run()} returns; the difference, {@code close}, is what
 * ending the run costs: noticing that the sink is done, stopping the three elements and joining
 * their worker threads (SGN's version takes seconds per element, see its {@code
 * sub_process_shutdown}). {@link #summary} prints its mean and maximum over all runs as {@code
 * close: 0.412 ms mean, 0.873 ms max after the last frame (4 runs)}.
 *
 * <p>The {@code process_close} case measures the same for a source, a worker process doubling each
 * value and a plain sink: from EOS reaching the sink to {@code run()} returning, which includes
 * ending the worker process and waiting for its exit.
 */
final class CloseCase implements BenchCase {

  /** The key of the close time in {@link Result#extraNanos()}. */
  static final String CLOSE = "close";

  private final String name;
  private final boolean process;

  /**
   * A close case.
   *
   * @param name the case name on the command line
   * @param process whether the pipeline is source, worker process, sink instead
   */
  CloseCase(String name, boolean process) {
    this.name = name;
    this.process = process;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run(long frames) {
    return process ? runProcess(frames) : runThreads(frames);
  }

  /** Source, a doubling worker process, and a plain sink that notes when EOS reached it. */
  private Result runProcess(long frames) {
    Tally tally = new Tally();
    var source = new CountingSource("source", frames);
    var doubler =
        ParallelTransformElement.builder("double")
            .mode(dev.sgn4j.worker.WorkerMode.PROCESS)
            .worker(DoubleWorker.class)
            .build();
    var sink =
        new dev.sgn4j.SinkElement("sink", List.of("in")) {
          @Override
          protected void pull(dev.sgn4j.SinkPad pad, Frame frame) {
            if (frame.isEos()) {
              markEos(pad);
            }
            tally.accept(frame);
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, doubler).connect(doubler, sink);

    long started = System.nanoTime();
    pipeline.run();
    long returned = System.nanoTime();
    tally.check(frames);
    return new Result(frames, returned - started, Map.of(CLOSE, returned - tally.eosNanos));
  }

  private Result runThreads(long frames) {
    Tally tally = new Tally();
    var source = new CountingSource("source", frames);
    var doubler = CorePipeline.parallelDoubler(1);
    var forward = ParallelTransformElement.builder("forward").map(frame -> frame).build();
    var sink = ParallelSinkElement.builder("sink").consume(tally::accept).build();
    Pipeline pipeline =
        new Pipeline().connect(source, doubler).connect(doubler, forward).connect(forward, sink);

    long started = System.nanoTime();
    pipeline.run();
    long returned = System.nanoTime();
    tally.check(frames);
    return new Result(frames, returned - started, Map.of(CLOSE, returned - tally.eosNanos));
  }

  @Override
  public List<String> summary(List<Result> runs) {
    long total = 0;
    long max = 0;
    for (Result run : runs) {
      long close = run.extraNanos().get(CLOSE);
      total += close;
      max = Math.max(max, close);
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "close: %.3f ms mean, %.3f ms max after the last frame (%d runs)",
            total / 1e6 / runs.size(),
            max / 1e6,
            runs.size()));
  }

  /**
   * What the sink's worker saw. Written by that worker only; read after {@code run()} returned,
   * which joined the worker, so plain fields are safe.
   */
  private static final class Tally {
    private long count;
    private long sum;
    private long eosNanos;
    private boolean eos;

    void accept(Frame frame) {
      if (!frame.isGap()) {
        count++;
        sum += (Long) frame.data();
      }
      if (frame.isEos() && !eos) {
        eos = true;
        eosNanos = System.nanoTime();
      }
    }

    /** The same checks as the core cases, plus: the sink saw EOS. */
    void check(long frames) {
      long expectedSum = frames * (frames + 1);
      if (count != frames || sum != expectedSum || !eos) {
        throw new IllegalStateException(
            "sink received %d data frames summing to %d%s; expected %d frames summing to %d, then EOS"
                .formatted(count, sum, eos ? "" : " and no EOS", frames, expectedSum));
      }
    }
  }
}
