package dev.sgn4j.process.shm;

import dev.sgn4j.process.codec.ValueTestCodec;
import dev.sgn4j.worker.WorkerQueue;

/** The contract on one queue over one buffer: both sides use the same {@link ShmWorkerQueue}. */
final class ShmWorkerQueueContractOneMappingTest extends ShmWorkerQueueContractTest {

  @Override
  WorkerQueue<Object> createQueue(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    RingBuffer ring = RingBufferTest.ring(4096, capacity);
    return new ShmWorkerQueue(name, ring, new ValueTestCodec(), afterPut, afterTake);
  }
}
