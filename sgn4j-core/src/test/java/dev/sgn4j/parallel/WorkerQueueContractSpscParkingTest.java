package dev.sgn4j.parallel;

/** The {@link WorkerQueue} contract for {@link SpscWorkerQueue} without the spin phase. */
final class WorkerQueueContractSpscParkingTest extends WorkerQueueContractTest {

  @Override
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new SpscWorkerQueue<>(name, capacity, afterPut, afterTake, false);
  }
}
