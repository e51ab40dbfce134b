package dev.sgn4j.parallel.spi;

import dev.sgn4j.sharedtests.WorkerQueueContractTest;
import dev.sgn4j.worker.WorkerQueue;

/** The {@link WorkerQueue} contract for {@link SpscWorkerQueue}. */
final class WorkerQueueContractSpscTest extends WorkerQueueContractTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.spsc(name, capacity, afterPut, afterTake);
  }
}
