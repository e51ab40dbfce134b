package dev.sgn4j.parallel.spi;

import dev.sgn4j.sharedtests.WorkerQueueStressTest;
import dev.sgn4j.worker.WorkerQueue;

/**
 * Producer/consumer stress runs of {@link SpscWorkerQueue} without the spin phase, as on a single
 * CPU: every wait registers, re-checks and parks, so the park/unpark handshake runs millions of
 * times.
 */
final class WorkerQueueStressSpscParkingTest extends WorkerQueueStressTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new SpscWorkerQueue<>(name, capacity, afterPut, afterTake, false);
  }
}
