package dev.sgn4j.bench;

import dev.sgn4j.Pipeline;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;

/**
 * The pipeline of the {@code core}, {@code thread} and {@code pool} cases: a {@link CountingSource}
 * sending {@code 1..frames}, a transform doubling each value, and a {@link SumSink}. It can be run
 * many times; every run sends the same frames, and {@link #check()} verifies the last one.
 */
final class CorePipeline {

  /** How the doubling step is written. */
  enum Doubling {
    /** A plain {@link TransformElement} subclass, {@link Doubler}. */
    SUBCLASS,
    /** The built-in {@link CallableTransform} with a lambda. */
    CALLABLE,
    /** A {@link ParallelTransformElement} mapping each frame in one worker thread. */
    THREAD,
    /** A {@link ParallelTransformElement} mapping each frame in a pool of two worker threads. */
    POOL,
    /** A {@link ParallelTransformElement} doubling each frame in a worker process. */
    PROCESS
  }

  private final long frames;
  private final Pipeline pipeline;
  private final SumSink sink;

  private CorePipeline(long frames, Pipeline pipeline, SumSink sink) {
    this.frames = frames;
    this.pipeline = pipeline;
    this.sink = sink;
  }

  /**
   * Builds source, doubling transform and sink, linked in that order.
   *
   * @param frames the number of data frames per run, positive
   * @param doubling how the transform is written
   * @return the built pipeline, not run yet
   */
  static CorePipeline build(long frames, Doubling doubling) {
    CountingSource source = new CountingSource("source", frames);
    TransformElement transform =
        switch (doubling) {
          case SUBCLASS -> new Doubler("double");
          case CALLABLE ->
              CallableTransform.fromCallable(
                  "double", inputs -> 2 * (Long) inputs.get(0).data(), "out", List.of("in"));
          case THREAD -> parallelDoubler(1);
          case POOL -> parallelDoubler(2);
          case PROCESS ->
              ParallelTransformElement.builder("double")
                  .mode(WorkerMode.PROCESS)
                  .queueCapacity(4096)
                  .worker(DoubleWorker.class)
                  .build();
        };
    SumSink sink = new SumSink("sink");
    Pipeline pipeline = new Pipeline().connect(source, transform).connect(transform, sink);
    return new CorePipeline(frames, pipeline, sink);
  }

  /**
   * A parallel transform doubling the {@code Long} data of each frame in {@code workers} worker
   * threads, pads {@code in} and {@code out}; gaps pass through unchanged.
   *
   * @param workers the pool size, at least 1
   * @return the element
   */
  static ParallelTransformElement parallelDoubler(int workers) {
    return ParallelTransformElement.builder("double")
        .workers(workers)
        .map(frame -> frame.withData(2 * (Long) frame.data()))
        .build();
  }

  /** Runs the pipeline to EOS (the calling thread runs the loop; workers, if any, their own). */
  void run() {
    pipeline.run();
  }

  /**
   * The sum the sink received in the last run.
   *
   * @return the sum
   */
  long sum() {
    return sink.sum();
  }

  /**
   * Checks the last run: the sink got {@code frames} data frames summing to {@code 2 * (1 + ... +
   * frames) = frames * (frames + 1)}. Both sides wrap the same way past {@code Long.MAX_VALUE}, so
   * the comparison holds for any count.
   *
   * @throws IllegalStateException naming the expected and actual values when they differ
   */
  void check() {
    long expectedSum = frames * (frames + 1);
    if (sink.count() != frames || sink.sum() != expectedSum) {
      throw new IllegalStateException(
          "sink received %d data frames summing to %d; expected %d frames summing to %d"
              .formatted(sink.count(), sink.sum(), frames, expectedSum));
    }
  }
}
