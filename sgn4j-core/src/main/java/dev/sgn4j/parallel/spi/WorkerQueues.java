package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates {@link WorkerQueue}s, for launchers, benchmarks, tests and code that hands items between
 * two threads the way a parallel element and its worker do; and holds the argument checks every
 * {@code WorkerQueue} implementation shares, so all of them word their errors alike.
 *
 * <p>{@link #spsc} is a lock-free single-producer/single-consumer ring buffer, the queue parallel
 * elements use with worker threads. Exactly one thread at a time may put and one thread at a time
 * may take; {@code close}, {@code size}, {@code isEmpty}, {@code isClosed} are safe from any
 * thread. A waiting thread spins for up to 50 µs (5 µs on a virtual thread), then parks.
 *
 * <pre>{@code
 * WorkerQueue<String> queue = WorkerQueues.spsc("lines", 64);
 * Thread consumer = Thread.ofPlatform().start(() -> {
 *   try {
 *     while (true) {
 *       System.out.println(queue.take());     // throws QueueClosedException once closed and empty
 *     }
 *   } catch (QueueClosedException end) {
 *     // the producer closed the queue and every item was taken
 *   } catch (InterruptedException e) {
 *     Thread.currentThread().interrupt();
 *   }
 * });
 * queue.put("hello");                         // waits while the queue is full
 * queue.put("world");
 * queue.close();                              // queued items still reach the consumer
 * consumer.join();
 * }</pre>
 *
 * <p>The methods here are safe from any thread.
 */
public final class WorkerQueues {

  /**
   * The largest capacity a worker queue accepts: a million items. Queues allocate their slots up
   * front, and a queue this deep already lets a pipeline run a million frames ahead of a worker.
   */
  public static final int MAX_CAPACITY = 1 << 20;

  private WorkerQueues() {}

  /**
   * A lock-free single-producer/single-consumer queue: the one parallel elements use.
   *
   * @param name what the queue is, used in exception messages, e.g. {@code worker input of
   *     'square'} gives {@code worker input of 'square' is closed}
   * @param capacity the most items it holds, 1 to {@link #MAX_CAPACITY}; enforced exactly
   * @param <T> the item type
   * @return an empty, open queue
   * @throws NullPointerException when {@code name} is null
   * @throws IllegalArgumentException when {@code capacity} is out of range
   */
  public static <T> WorkerQueue<T> spsc(String name, int capacity) {
    return new SpscWorkerQueue<>(name, capacity, null, null);
  }

  /**
   * {@link #spsc(String, int)} with hooks: {@code afterPut} runs on the producer's thread after
   * every successful put or offer, {@code afterTake} on the consumer's thread after every
   * successful take or poll, outside any lock. The pipeline uses them to wake its run loop when a
   * worker produced output or freed room; they must be cheap. Either may be null.
   *
   * @param name what the queue is, used in exception messages
   * @param capacity the most items it holds, 1 to {@link #MAX_CAPACITY}
   * @param afterPut run after each put, or null
   * @param afterTake run after each take, or null
   * @param <T> the item type
   * @return an empty, open queue
   */
  public static <T> WorkerQueue<T> spsc(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new SpscWorkerQueue<>(name, capacity, afterPut, afterTake);
  }

  /**
   * {@link #spsc(String, int, Runnable, Runnable)} whose sides may also hand items over in batches
   * ({@link BatchingQueue}): what a thread worker and its element use. The hooks run once per batch
   * for the batched methods, and after every plain put or take.
   *
   * @param name what the queue is, used in exception messages
   * @param capacity the most items it holds, 1 to {@link #MAX_CAPACITY}
   * @param afterPut run after each publication, or null
   * @param afterTake run after the producer is told of removals, or null
   * @param <T> the item type
   * @return an empty, open queue
   */
  public static <T> BatchingQueue<T> batching(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return new SpscWorkerQueue<>(name, capacity, afterPut, afterTake);
  }

  // ---------------------------------------------------------------- shared by the implementations

  /**
   * Checks a queue's name.
   *
   * @param name the name
   * @return the name
   * @throws NullPointerException when it is null
   */
  public static String checkName(String name) {
    return Objects.requireNonNull(name, "the name of a worker queue must not be null");
  }

  /**
   * Checks a queue's capacity.
   *
   * @param name the queue's name, for the message
   * @param capacity the capacity
   * @return the capacity
   * @throws IllegalArgumentException when it is not from 1 to {@link #MAX_CAPACITY}
   */
  public static int checkCapacity(String name, int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity of "
              + name
              + " must be between 1 and "
              + MAX_CAPACITY
              + " but it was "
              + capacity);
    }
    return capacity;
  }

  /**
   * Checks an item put into a queue.
   *
   * @param name the queue's name, for the message
   * @param item the item
   * @throws NullPointerException when it is null
   */
  public static void checkItem(String name, Object item) {
    if (item == null) {
      throw new NullPointerException(name + " does not accept null items");
    }
  }

  /**
   * A wait's timeout in nanoseconds: negative counts as zero, too long as forever.
   *
   * @param name the queue's name, for the message
   * @param timeout the timeout
   * @return nanoseconds, 0 to {@link Long#MAX_VALUE}
   * @throws NullPointerException when it is null
   */
  public static long toNanos(String name, Duration timeout) {
    Objects.requireNonNull(timeout, () -> "timeout for " + name + " must not be null");
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * The exception for a call on a closed queue.
   *
   * @param name the queue's name
   * @return {@code <name> is closed}
   */
  public static QueueClosedException closed(String name) {
    return new QueueClosedException(name + " is closed");
  }
}
