package dev.sgn4j.process.shm;

import dev.sgn4j.sharedtests.QueueTestThreads;
import dev.sgn4j.sharedtests.WorkerQueueContractTest;
import dev.sgn4j.worker.WorkerQueue;

/**
 * sgn4j-core's {@link WorkerQueue} contract for {@link ShmWorkerQueue}, run by a subclass on one
 * mapping or split over two (each side with its own queue, as two processes have). Where the core
 * contract expects an idle waiter parked until the other side unparks it, a waiter here parks again
 * and again with growing timeouts (another process cannot unpark it), so the idle tests check that
 * it stays in {@code TIMED_WAITING} ({@link QueueTestThreads.Call#awaitIdle()}).
 */
abstract class ShmWorkerQueueContractTest extends WorkerQueueContractTest {

  /** Creates the queue under test: items are Strings, Integers or Longs. */
  abstract WorkerQueue<Object> createQueue(
      String name, int capacity, Runnable afterPut, Runnable afterTake);

  @Override
  @SuppressWarnings("unchecked")
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return (WorkerQueue<T>) (WorkerQueue<?>) createQueue(name, capacity, afterPut, afterTake);
  }

  @Override
  protected <V> QueueTestThreads.Call<V> awaitIdle(
      QueueTestThreads.Call<V> call, Thread.State expected) {
    return call.awaitIdle();
  }
}
