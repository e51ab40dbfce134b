package dev.sgn4j.examples;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The README's parallel quick start: four worker threads count the primes below numbers of very
 * different sizes, and the counts are collected in input order whichever worker finishes first.
 * Prints {@code [78498, 4, 9592, 25]}. {@link WorkerPool} is the longer tutorial.
 */
public final class PoolQuickStart {

  private PoolQuickStart() {}

  /**
   * Builds and runs the pipeline, then prints what the sink collected.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var limits = IterSource.of("limits", "out", List.of(1_000_000, 10, 100_000, 100));
    var count =
        ParallelTransformElement.builder("count-primes")
            .workers(4)
            .map(frame -> frame.withData(primesBelow(frame.dataAs(Integer.class))))
            .build();
    var sink = new CollectSink("collect", List.of("in"));

    new Pipeline().connect(limits, count).connect(count, sink).run();
    System.out.println(sink.collected("in")); // [78498, 4, 9592, 25]: in input order
  }

  static long primesBelow(int limit) {
    return IntStream.range(2, limit).filter(PoolQuickStart::isPrime).count();
  }

  static boolean isPrime(int n) {
    return IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0);
  }
}
