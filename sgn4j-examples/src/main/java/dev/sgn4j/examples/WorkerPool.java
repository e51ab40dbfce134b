package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.util.List;

/**
 * A pool of four workers sharing one transform's work: counting the primes below numbers of very
 * different sizes, printed in input order.
 *
 * <p>The transform is built with {@code .workers(4).map(function)}: the function runs on four
 * worker threads at once, each frame on one of them. The work per frame is uneven on purpose:
 * counting the primes below 1,000,000 by trial division takes thousands of times longer than below
 * 10, so workers finish in an order that changes from run to run.
 *
 * <p>The output order does not. Frame k goes to worker {@code k % 4} and output k is read back from
 * that same worker, so output k is always the result of input k, whatever finishes first: a quick
 * result waits for the slow ones before it, and nothing needs a sequence number or a sort. The
 * printing sink is an ordinary element on the pipeline's thread. The output is always:
 *
 * <pre>
 * primes below 1000000: 78498
 * primes below 10: 4
 * primes below 100000: 9592
 * primes below 100: 25
 * primes below 500000: 41538
 * primes below 1000: 168
 * primes below 50000: 5133
 * primes below 10000: 1229
 * 8 counts in input order from 4 workers
 * </pre>
 */
public final class WorkerPool {

  /** The numbers to count the primes below, large and small mixed. */
  static final List<Integer> LIMITS =
      List.of(1_000_000, 10, 100_000, 100, 500_000, 1_000, 50_000, 10_000);

  private static final int WORKERS = 4;

  private WorkerPool() {}

  /**
   * Builds and runs the pipeline: limits, counting pool, printer.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var limits = IterSource.of("limits", "out", LIMITS);
    var count =
        ParallelTransformElement.builder("count-primes")
            .workers(WORKERS)
            .map(frame -> frame.withData(Count.below(frame.dataAs(Integer.class))))
            .build();
    var printer = new Printer();

    new Pipeline().connect(limits, count).connect(count, printer).run();
    System.out.println(printer.printed + " counts in input order from " + WORKERS + " workers");
  }

  /**
   * How many primes are below a limit.
   *
   * @param limit the exclusive upper bound
   * @param primes the number of primes below it
   */
  record Count(int limit, int primes) {

    /** Counts by trial division, slow on purpose: the cost grows with the limit. */
    static Count below(int limit) {
      int primes = 0;
      for (int n = 2; n < limit; n++) {
        if (isPrime(n)) {
          primes++;
        }
      }
      return new Count(limit, primes);
    }

    private static boolean isPrime(int n) {
      for (int d = 2; d * d <= n; d++) {
        if (n % d == 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** Prints each count as it arrives, on the pipeline's thread. */
  private static final class Printer extends SinkElement {
    private int printed;

    Printer() {
      super("printer", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      if (!frame.isGap()) {
        Count count = frame.dataAs(Count.class);
        System.out.println("primes below " + count.limit() + ": " + count.primes());
        printed++;
      }
    }
  }
}
