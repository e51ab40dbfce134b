package dev.sgn4j.parallel;

import dev.sgn4j.parallel.spi.BatchingQueue;
import dev.sgn4j.parallel.spi.EncodabilityCheck;
import java.time.Duration;

/**
 * A thread worker's queue with the encodability check on: every item put is replaced by its
 * encoded-and-decoded copy, on the putting thread, as a process worker's queue would carry it. The
 * element's own markers (which never reach a worker process) pass as they are.
 */
final class CheckedQueue implements BatchingQueue<Object> {

  private final BatchingQueue<Object> queue;
  private final EncodabilityCheck check;
  private final String context;

  CheckedQueue(BatchingQueue<Object> queue, EncodabilityCheck check, String context) {
    this.queue = queue;
    this.check = check;
    this.context = context;
  }

  private Object copy(Object item) {
    return item == Workers.BATCH_END ? item : check.roundTrip(item, context);
  }

  @Override
  public void put(Object item) throws InterruptedException {
    queue.put(copy(item));
  }

  @Override
  public boolean put(Object item, Duration timeout) throws InterruptedException {
    return queue.put(copy(item), timeout);
  }

  @Override
  public boolean offer(Object item) {
    return queue.offer(copy(item));
  }

  @Override
  public boolean offerBatched(Object item) {
    return queue.offerBatched(copy(item));
  }

  @Override
  public void putBatched(Object item) throws InterruptedException {
    queue.putBatched(copy(item));
  }

  @Override
  public void publish() {
    queue.publish();
  }

  @Override
  public boolean hasRoom() {
    return queue.hasRoom();
  }

  @Override
  public Object pollBatched() {
    return queue.pollBatched();
  }

  @Override
  public Object take() throws InterruptedException {
    return queue.take();
  }

  @Override
  public Object poll() {
    return queue.poll();
  }

  @Override
  public Object poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout);
  }

  @Override
  public boolean isEmpty() {
    return queue.isEmpty();
  }

  @Override
  public int size() {
    return queue.size();
  }

  @Override
  public int capacity() {
    return queue.capacity();
  }

  @Override
  public void close() {
    queue.close();
  }

  @Override
  public boolean isClosed() {
    return queue.isClosed();
  }
}
