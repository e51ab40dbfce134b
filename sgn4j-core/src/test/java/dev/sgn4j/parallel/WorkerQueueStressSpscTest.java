package dev.sgn4j.parallel;

/** Producer/consumer stress runs of {@link SpscWorkerQueue}. */
final class WorkerQueueStressSpscTest extends WorkerQueueStressTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.spsc(name, capacity, afterPut, afterTake);
  }
}
