package dev.sgn4j.bench;

import dev.sgn4j.sharedtests.WorkerQueueContractTest;
import dev.sgn4j.worker.WorkerQueue;

/** The {@link WorkerQueue} contract for {@link BlockingWorkerQueue}. */
final class WorkerQueueContractBlockingTest extends WorkerQueueContractTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new BlockingWorkerQueue<>(name, capacity, afterPut, afterTake);
  }
}
