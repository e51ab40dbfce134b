package dev.sgn4j.worker;

import java.time.Duration;

/**
 * A bounded queue between a parallel element and its worker: the seed's {@code QueueProtocol} /
 * {@code QueueWrapper}, one interface for thread, virtual-thread and process workers.
 *
 * <p>Each queue has one producer and one consumer: the pipeline's run thread feeds a worker's input
 * queue and reads its output queue; the worker does the opposite. Bounded capacity is backpressure:
 * a full queue makes {@link #offer} return false and {@link #put} wait.
 *
 * <pre>{@code
 * // in a worker
 * Object item = context.input().poll(Duration.ofMillis(100));   // SGN: get(timeout=0.1)
 * if (item instanceof Frame frame) {
 *   context.output().put(frame.withData(process(frame.data())));
 * }
 * }</pre>
 *
 * <p>SGN's names map as: {@code get()} → {@link #take()}, {@code get(timeout=t)} → {@link
 * #poll(Duration)}, {@code get_nowait()} → {@link #poll()}, {@code put(x)} → {@link #put(Object)},
 * {@code put(x, timeout=t)} → {@link #put(Object, Duration)}, {@code put_nowait(x)} → {@link
 * #offer(Object)}, {@code empty()} → {@link #isEmpty()}.
 *
 * <p><b>Closing.</b> {@link #close()} ends the stream: later puts fail with {@link
 * QueueClosedException}, the consumer still receives every item already queued, and once the queue
 * is closed and empty {@link #take()} throws {@link QueueClosedException} and {@link #poll} returns
 * {@code null} at once. Waiting never spins for long: a waiting thread spins briefly, then parks
 * until the other side acts, the queue is closed, the deadline passes or it is interrupted.
 *
 * @param <T> the item type; {@code null} items are not allowed
 */
public interface WorkerQueue<T> {

  /**
   * Adds an item, waiting while the queue is full.
   *
   * @param item the item
   * @throws InterruptedException when interrupted while waiting
   * @throws QueueClosedException when the queue is closed
   */
  void put(T item) throws InterruptedException;

  /**
   * Adds an item, waiting at most {@code timeout} while the queue is full.
   *
   * @param item the item
   * @param timeout the longest wait
   * @return true when added, false when the queue stayed full
   * @throws InterruptedException when interrupted while waiting
   * @throws QueueClosedException when the queue is closed
   */
  boolean put(T item, Duration timeout) throws InterruptedException;

  /**
   * Adds an item if there is room, without waiting.
   *
   * @param item the item
   * @return true when added, false when full
   * @throws QueueClosedException when the queue is closed
   */
  boolean offer(T item);

  /**
   * Removes the oldest item, waiting while the queue is empty.
   *
   * @return the item
   * @throws InterruptedException when interrupted while waiting
   * @throws QueueClosedException when the queue is closed and empty
   */
  T take() throws InterruptedException;

  /**
   * Removes the oldest item if there is one, without waiting.
   *
   * @return the item, or {@code null} when empty
   */
  T poll();

  /**
   * Removes the oldest item, waiting at most {@code timeout} while the queue is empty.
   *
   * @param timeout the longest wait
   * @return the item, or {@code null} on timeout or when the queue is closed and empty
   * @throws InterruptedException when interrupted while waiting
   */
  T poll(Duration timeout) throws InterruptedException;

  /**
   * Whether there is no item to take right now.
   *
   * @return true when empty
   */
  boolean isEmpty();

  /**
   * The number of items queued right now.
   *
   * @return the size, between 0 and {@link #capacity()}
   */
  int size();

  /**
   * The most items the queue holds.
   *
   * @return the capacity
   */
  int capacity();

  /** Ends the stream: no more puts; queued items can still be taken. Safe from any thread. */
  void close();

  /**
   * Whether {@link #close()} was called.
   *
   * @return true once closed
   */
  boolean isClosed();
}
