package dev.sgn4j.bench;

import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.worker.WorkerQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link WorkerQueue} on {@link ArrayBlockingQueue}: the lock-based alternative to {@link
 * WorkerQueues#spsc the SPSC queue}, with the same contract (close, hooks, exceptions, timeouts)
 * and the same threading rule: one thread at a time puts and one thread at a time takes (a single
 * parked producer is tracked); {@link #close}, {@link #size}, {@link #isEmpty} and {@link
 * #isClosed} are safe from any thread. It is the baseline of the queue benchmark and a fallback
 * that leaves the data and the consumer's waits to {@code java.util.concurrent}.
 *
 * <p><b>Closing on top of a queue that cannot be closed.</b> A closed flag makes later puts fail.
 * Two kinds of waiter must wake when it is set:
 *
 * <ul>
 *   <li>A consumer blocked in {@link ArrayBlockingQueue#take()} on an empty queue wakes only when
 *       an element arrives, so {@link #close()} offers a private marker after setting the flag. The
 *       consumer drops the marker wherever it meets it and then sees the flag. If the marker does
 *       not fit, the queue was full at that moment, so a consumer is not blocked on it: it will
 *       take items and check the flag before it blocks again.
 *   <li>A producer cannot wait in {@link ArrayBlockingQueue#put} (only a take would wake it), so it
 *       parks itself: it publishes itself in {@code producerWaiter}, retries the offer and parks;
 *       every successful take reads {@code producerWaiter} afterwards and, if set, takes it (CAS to
 *       null, so a burst of takes costs one unpark) and unparks it. No lost wake-up: the queue's
 *       lock orders the producer's failed offer and the consumer's take; if the take comes first
 *       the offer succeeds, otherwise the producer's store to {@code producerWaiter} happens before
 *       the consumer's later read of it. {@link #close()} stores the flag, then reads {@code
 *       producerWaiter}; the producer stores {@code producerWaiter}, then reads the flag; both
 *       volatile, so one of them sees the other.
 * </ul>
 *
 * <p>Waiting threads park at once: there is no spin phase. {@link #size()} does not count the
 * marker; while {@link #close()} runs it may be one short.
 *
 * @param <T> the item type
 */
public final class BlockingWorkerQueue<T> implements WorkerQueue<T> {

  /** Wakes a consumer blocked on an empty queue at close; never handed out. */
  private static final Object CLOSE_MARKER = new Object();

  private static final VarHandle CLOSED;
  private static final VarHandle PRODUCER_WAITER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      CLOSED = lookup.findVarHandle(BlockingWorkerQueue.class, "closed", boolean.class);
      PRODUCER_WAITER =
          lookup.findVarHandle(BlockingWorkerQueue.class, "producerWaiter", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final int capacity;
  private final ArrayBlockingQueue<Object> queue;
  private final Runnable afterPut;
  private final Runnable afterTake;
  private volatile boolean closed;
  private volatile boolean markerQueued;
  private volatile Thread producerWaiter;

  /**
   * Creates an empty, open queue.
   *
   * @param name what the queue is, for messages, e.g. {@code worker input of 'square'}
   * @param capacity the most items it holds, 1 to {@value WorkerQueues#MAX_CAPACITY}
   * @param afterPut run after every successful put or offer, on the producer's thread; may be null
   * @param afterTake run after every successful take or poll, on the consumer's thread; may be null
   */
  public BlockingWorkerQueue(String name, int capacity, Runnable afterPut, Runnable afterTake) {
    this.name = WorkerQueues.checkName(name);
    this.capacity = WorkerQueues.checkCapacity(name, capacity);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.afterPut = afterPut;
    this.afterTake = afterTake;
  }

  /**
   * An empty, open queue without hooks.
   *
   * @param name what the queue is, for messages
   * @param capacity the most items it holds, 1 to {@value WorkerQueues#MAX_CAPACITY}
   * @param <T> the item type
   * @return the queue
   */
  public static <T> BlockingWorkerQueue<T> create(String name, int capacity) {
    return new BlockingWorkerQueue<>(name, capacity, null, null);
  }

  // ---------------------------------------------------------------- producer side

  @Override
  public boolean offer(T item) {
    WorkerQueues.checkItem(name, item);
    checkOpen();
    if (!queue.offer(item)) {
      checkOpen(); // the close marker may have taken the last slot
      return false;
    }
    added();
    return true;
  }

  @Override
  public void put(T item) throws InterruptedException {
    if (!offer(item)) {
      awaitRoom(item, 0, false);
    }
  }

  @Override
  public boolean put(T item, Duration timeout) throws InterruptedException {
    long nanos = WorkerQueues.toNanos(name, timeout);
    return offer(item) || awaitRoom(item, nanos, true);
  }

  private void added() {
    if (afterPut != null) {
      afterPut.run();
    }
  }

  private boolean awaitRoom(T item, long nanos, boolean timed) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    Thread me = Thread.currentThread();
    producerWaiter = me;
    try {
      while (true) {
        checkOpen();
        if (queue.offer(item)) {
          added();
          return true;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (producerWaiter != me) {
          producerWaiter = me; // a wake-up took the registration: register again, then re-check
        } else if (!timed) {
          LockSupport.park(this);
        } else {
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          LockSupport.parkNanos(this, remaining);
        }
      }
    } finally {
      producerWaiter = null;
    }
  }

  // ---------------------------------------------------------------- consumer side

  @Override
  public T poll() {
    Object item = queue.poll();
    if (item == CLOSE_MARKER) {
      markerQueued = false;
      item = queue.poll(); // an item whose put raced with close may follow
    }
    return item == null ? null : removed(item);
  }

  @Override
  public T take() throws InterruptedException {
    T item = poll();
    while (item == null) {
      if (closed) {
        item = poll();
        if (item == null) {
          throw WorkerQueues.closed(name);
        }
        return item;
      }
      Object next = queue.take();
      if (next == CLOSE_MARKER) {
        markerQueued = false;
      } else {
        item = removed(next);
      }
    }
    return item;
  }

  @Override
  public T poll(Duration timeout) throws InterruptedException {
    long nanos = WorkerQueues.toNanos(name, timeout);
    T item = poll();
    long deadline = System.nanoTime() + nanos;
    while (item == null) {
      if (closed) {
        return poll();
      }
      long remaining = deadline - System.nanoTime();
      Object next = queue.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      if (next == CLOSE_MARKER) {
        markerQueued = false;
      } else if (next != null) {
        item = removed(next);
      } else if (remaining <= 0) {
        return null;
      }
    }
    return item;
  }

  /** After a removal: wakes a parked producer, runs the hook. */
  @SuppressWarnings("unchecked")
  private T removed(Object item) {
    Thread waiter = producerWaiter;
    if (waiter != null && PRODUCER_WAITER.compareAndSet(this, waiter, null)) {
      LockSupport.unpark(waiter); // once: the next take finds the registration gone
    }
    if (afterTake != null) {
      afterTake.run();
    }
    return (T) item;
  }

  // ---------------------------------------------------------------- any thread

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public int size() {
    int marker = markerQueued ? 1 : 0;
    return Math.max(0, queue.size() - marker);
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void close() {
    if (!CLOSED.compareAndSet(this, false, true)) {
      return;
    }
    Thread waiter = producerWaiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
    markerQueued = true;
    if (!queue.offer(CLOSE_MARKER)) {
      markerQueued = false;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "BlockingWorkerQueue[" + name + ", " + size() + "/" + capacity + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw WorkerQueues.closed(name);
    }
  }
}
