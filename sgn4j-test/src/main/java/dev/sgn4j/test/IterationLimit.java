package dev.sgn4j.test;

import dev.sgn4j.Pipeline;

/**
 * Aborts a tester's run that goes past its iteration limit, and remembers that it did, so that the
 * failure says "did not end" instead of "aborted".
 */
final class IterationLimit {

  private final long max;
  private Pipeline pipeline;
  private volatile boolean reached;

  IterationLimit(long max) {
    this.max = max;
  }

  void watch(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  long max() {
    return max;
  }

  boolean reached() {
    return reached;
  }

  /** Called by each helper element at the start of its {@code iteration}-th iteration. */
  void check(long iteration) {
    if (iteration > max && !reached) {
      reached = true;
      pipeline.abort();
    }
  }
}
