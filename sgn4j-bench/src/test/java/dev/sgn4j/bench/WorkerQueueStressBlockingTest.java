package dev.sgn4j.bench;

import dev.sgn4j.sharedtests.WorkerQueueStressTest;
import dev.sgn4j.worker.WorkerQueue;

/** Producer/consumer stress runs of {@link BlockingWorkerQueue}. */
final class WorkerQueueStressBlockingTest extends WorkerQueueStressTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new BlockingWorkerQueue<>(name, capacity, afterPut, afterTake);
  }
}
