package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.WorkerQueue;

/**
 * A {@link WorkerQueue} whose two sides may hand items over in batches: the producer adds items and
 * publishes them together, the consumer removes items and tells the producer together. A thread
 * worker and its element use it for the frames they pass, so that a stream of cheap frames costs a
 * few cache-line transfers and one memory fence per batch instead of several per frame.
 *
 * <pre>{@code
 * BatchingQueue<Frame> queue = WorkerQueues.batching("frames", 256, null, null);
 * queue.offerBatched(first);            // producer: in the ring, not yet published
 * queue.offerBatched(second);
 * queue.publish();                       // producer: both visible, a waiting consumer woken
 * Frame next = queue.pollBatched();      // consumer: first
 * }</pre>
 *
 * <p><b>When batched items become visible.</b> A batched item is published with the next {@link
 * #publish()}, with any plain {@link #put}/{@link #offer}, once a batch is full, at once when the
 * consumer is parked waiting, and when the queue is closed. A consumer that waits in {@link #take}
 * or {@link #poll(java.time.Duration)} also looks at the items added but not yet published, every
 * few spins and before it parks, so batching adds no latency for a waiting consumer. A producer
 * that stops adding for a while (it waits, or turns to other work) calls {@link #publish()} first.
 *
 * <p><b>When the producer learns of removals.</b> {@link #pollBatched()} tells the producer (its
 * wake-up and the {@code afterTake} hook) once per batch, at once when the producer is parked
 * waiting for room, and whenever the queue is found empty. Plain {@link #take}/{@link #poll} tell
 * it every time.
 *
 * <p>The producer methods are for the producer's thread only, the consumer methods for the
 * consumer's; the rules of {@link WorkerQueues#spsc} apply.
 *
 * @param <T> the item type
 */
public interface BatchingQueue<T> extends WorkerQueue<T> {

  /**
   * Adds an item without necessarily publishing it; see the class description for when it becomes
   * visible. Producer only.
   *
   * @param item the item, not null
   * @return false when the queue is full (everything added before is then published)
   * @throws dev.sgn4j.worker.QueueClosedException when the queue is closed
   */
  boolean offerBatched(T item);

  /**
   * Adds an item as {@link #offerBatched} does, waiting while the queue is full; once it was full,
   * it waits until a batch of slots is free, so that the two sides do not trade single slots.
   * Producer only.
   *
   * @param item the item, not null
   * @throws InterruptedException when interrupted while waiting
   * @throws dev.sgn4j.worker.QueueClosedException when the queue is closed
   */
  void putBatched(T item) throws InterruptedException;

  /**
   * Publishes every item added so far and wakes a waiting consumer. Producer only; cheap when there
   * is nothing to publish.
   */
  void publish();

  /**
   * Whether an item can be added now, counting the items added but not yet published. Producer
   * only; reads the consumer's side only when its last view of it says full, and then says yes only
   * once a batch of slots is free.
   *
   * @return true when {@link #offerBatched} would accept an item
   */
  boolean hasRoom();

  /**
   * Removes the next published item, telling the producer later; see the class description.
   * Consumer only.
   *
   * @return the item, or null when none is published
   */
  T pollBatched();
}
