package dev.sgn4j.parallel;

/** The {@link WorkerQueue} contract for {@link SpscWorkerQueue}. */
final class WorkerQueueContractSpscTest extends WorkerQueueContractTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.spsc(name, capacity, afterPut, afterTake);
  }
}
