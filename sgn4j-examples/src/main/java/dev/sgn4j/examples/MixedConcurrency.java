package dev.sgn4j.examples;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * SGN's mixed-concurrency pipeline: the numbers 1 to 100 are doubled by a transform in a worker
 * thread, then squared by a transform in a worker process, and a collector keeps the original, the
 * doubled and the squared value of each number. Prints one line per number, e.g. {@code original 1,
 * doubled 2, squared 4}, then a summary.
 *
 * <p>Only the modes differ between the two parallel elements; switching either one between {@code
 * THREAD}, {@code VIRTUAL_THREAD} and {@code PROCESS} changes nothing else. Alignment holds across
 * both: the k-th value on every collector pad belongs to the k-th number.
 */
public final class MixedConcurrency {

  /** How many numbers go through. */
  static final int COUNT = 100;

  private MixedConcurrency() {}

  /**
   * Runs the pipeline and prints what the collector got.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var numbers = IterSource.of("numbers", "out", IntStream.rangeClosed(1, COUNT).boxed().toList());
    var doubled =
        ParallelTransformElement.builder("double")
            .mode(WorkerMode.THREAD)
            .map(frame -> frame.withData(2 * (int) frame.data()))
            .build();
    var squared =
        ParallelTransformElement.builder("square")
            .mode(WorkerMode.PROCESS)
            .worker(Square.class)
            .build();
    var collect = new CollectSink("collect", List.of("original", "doubled", "squared"));
    collect.setEosPolicy(EosPolicy.ALL);

    new Pipeline()
        .connect(numbers, collect, Map.of("original", "out"))
        .connect(numbers, doubled)
        .connect(doubled, collect, Map.of("doubled", "out"))
        .connect(doubled, squared)
        .connect(squared, collect, Map.of("squared", "out"))
        .run();

    List<Object> original = collect.collected("original");
    List<Object> twice = collect.collected("doubled");
    List<Object> square = collect.collected("squared");
    for (int i = 0; i < original.size(); i++) {
      System.out.println(
          "original "
              + original.get(i)
              + ", doubled "
              + twice.get(i)
              + ", squared "
              + square.get(i));
    }
    System.out.println(
        original.size() + " numbers: doubled in a worker thread, squared in a worker process");
  }

  /** Squares each frame's number, in the worker process. */
  public static final class Square implements WorkerLogic {

    /** Called by the worker process when it starts. */
    public Square() {}

    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        int n = frame.isGap() ? 0 : (int) frame.data();
        context.output().put(frame.isGap() ? frame : frame.withData(n * n));
      }
    }
  }
}
