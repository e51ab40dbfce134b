package dev.sgn4j.parallel.spi;

import dev.sgn4j.sharedtests.WorkerQueueStressTest;
import dev.sgn4j.worker.WorkerQueue;

/** Producer/consumer stress runs of {@link SpscWorkerQueue}. */
final class WorkerQueueStressSpscTest extends WorkerQueueStressTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.spsc(name, capacity, afterPut, afterTake);
  }
}
