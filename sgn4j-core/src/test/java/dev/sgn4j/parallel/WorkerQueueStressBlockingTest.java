package dev.sgn4j.parallel;

/** Producer/consumer stress runs of {@link BlockingWorkerQueue}. */
final class WorkerQueueStressBlockingTest extends WorkerQueueStressTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return WorkerQueues.blocking(name, capacity, afterPut, afterTake);
  }
}
