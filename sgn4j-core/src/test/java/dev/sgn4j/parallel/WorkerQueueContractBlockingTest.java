package dev.sgn4j.parallel;

/** The {@link WorkerQueue} contract for {@link BlockingWorkerQueue}. */
final class WorkerQueueContractBlockingTest extends WorkerQueueContractTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.blocking(name, capacity, afterPut, afterTake);
  }
}
