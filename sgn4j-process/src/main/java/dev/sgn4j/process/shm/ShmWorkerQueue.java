package dev.sgn4j.process.shm;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerQueue;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link WorkerQueue} between two processes: items are encoded by an {@link ItemCodec} into a
 * {@link RingBuffer} in shared memory, and decoded on the other side straight from it. The parent
 * and the child each build one over the same ring; one is the producer, the other the consumer.
 *
 * <pre>{@code
 * // parent: the worker's input
 * RingBuffer ring = RingBuffer.create(file.buffer(), offset, 1 << 20, 64);
 * WorkerQueue<Object> input = new ShmWorkerQueue("worker input of 'square'", ring, codec, null, null);
 * input.put(frame);
 * input.close();                 // the child's take() throws QueueClosedException once it is empty
 * // child: the same ring, from its own mapping of the file
 * RingBuffer same = RingBuffer.open(SharedFile.open(path).buffer(), offset);
 * WorkerQueue<Object> input = new ShmWorkerQueue("worker input of 'square'", same, codec, null, null);
 * Object frame = input.take();
 * }</pre>
 *
 * <p><b>Threads.</b> One thread at a time (in one process) may call the producer methods ({@link
 * #put}, {@link #offer}); one thread at a time (in one process, usually the other) the consumer
 * methods ({@link #take}, {@link #poll}). {@link #close}, {@link #isClosed}, {@link #size}, {@link
 * #isEmpty} and {@link #capacity} are safe from any thread of either process. The ordering argument
 * is {@link RingBuffer}'s.
 *
 * <p><b>Bounds.</b> The queue holds at most {@link #capacity()} items and at most the ring's data
 * bytes: an item waits for room by either measure. An item too large for the ring ever to hold
 * fails at once with an {@link IllegalArgumentException} that names the queue, the item's type and
 * both sizes.
 *
 * <p><b>Closing.</b> {@link #close()} sets the ring's closed flag, which both processes see: later
 * puts on either side throw {@link QueueClosedException}; the consumer still takes every item
 * queued before, then {@link #take()} throws and {@link #poll} returns null at once. Closing from
 * the producer's thread after its last put never loses an item. A side whose partner died can close
 * the queue itself to release its own waiting threads.
 *
 * <p><b>Waiting.</b> No thread can wake a thread of another process, so a waiting put or take
 * checks the ring between pauses of a {@link IdleStrategy#POLLING}: spinning for some microseconds,
 * then yielding, then parking for 1 µs growing to 1 ms. It notices an item, room or a close within
 * about a millisecond even after a long idle spell, and an idle waiter costs next to no CPU. While
 * it waits, the ring's waiting hint for its side is set. Every wait ends on the deadline, on close
 * and on interruption ({@link InterruptedException}, status cleared).
 *
 * <p><b>Hooks.</b> {@code afterPut} runs after every successful put or offer, {@code afterTake}
 * after every successful take or poll, on the caller's thread (in the caller's process); an
 * exception from a hook propagates, but the put or take has happened. An item whose decoding throws
 * is removed from the ring anyway (its bytes could never be decoded) and the exception propagates;
 * {@code afterTake} does not run for it.
 */
public final class ShmWorkerQueue implements WorkerQueue<Object> {

  private final String name;
  private final RingBuffer ring;
  private final ItemCodec codec;
  private final Runnable afterPut;
  private final Runnable afterTake;
  private final IdleStrategy.Wait producerBackoff = IdleStrategy.POLLING.newWait(this);
  private final IdleStrategy.Wait consumerBackoff = IdleStrategy.POLLING.newWait(this);

  /**
   * Creates a queue over a ring.
   *
   * @param name what the queue is, for messages, e.g. {@code worker input of 'square'}
   * @param ring the ring, {@linkplain RingBuffer#create created} or {@linkplain RingBuffer#open
   *     opened} by this process
   * @param codec turns items into bytes and back; the same on both sides
   * @param afterPut run after every successful put or offer, on the producer's thread; may be null
   * @param afterTake run after every successful take or poll, on the consumer's thread; may be null
   */
  public ShmWorkerQueue(
      String name, RingBuffer ring, ItemCodec codec, Runnable afterPut, Runnable afterTake) {
    this.name = Objects.requireNonNull(name, "the name of a worker queue must not be null");
    this.ring = Objects.requireNonNull(ring, () -> "ring of " + name + " must not be null");
    this.codec = Objects.requireNonNull(codec, () -> "codec of " + name + " must not be null");
    this.afterPut = afterPut;
    this.afterTake = afterTake;
  }

  // ---------------------------------------------------------------- producer side

  @Override
  public boolean offer(Object item) {
    ItemCodec.Encoded encoded = encode(item);
    if (!ring.tryWrite(encoded)) {
      return false;
    }
    added();
    return true;
  }

  @Override
  public void put(Object item) throws InterruptedException {
    ItemCodec.Encoded encoded = encode(item);
    if (ring.tryWrite(encoded)) {
      added();
    } else {
      awaitRoom(encoded, 0, false);
    }
  }

  @Override
  public boolean put(Object item, Duration timeout) throws InterruptedException {
    long nanos = toNanos(timeout);
    ItemCodec.Encoded encoded = encode(item);
    if (ring.tryWrite(encoded)) {
      added();
      return true;
    }
    return awaitRoom(encoded, nanos, true);
  }

  /** Checks the item and the queue, and encodes the item once for all attempts to write it. */
  private ItemCodec.Encoded encode(Object item) {
    if (item == null) {
      throw new NullPointerException(name + " does not accept null items");
    }
    checkOpen();
    ItemCodec.Encoded encoded = codec.encode(item);
    int size = encoded.size();
    if (size > ring.maxItemBytes()) {
      throw new IllegalArgumentException(
          name + " cannot take a " + item.getClass().getTypeName() + ": " + ring.tooLarge(size));
    }
    return encoded;
  }

  private void added() {
    if (afterPut != null) {
      afterPut.run();
    }
  }

  private boolean awaitRoom(ItemCodec.Encoded item, long nanos, boolean timed)
      throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    IdleStrategy.Wait backoff = producerBackoff;
    backoff.reset();
    boolean written = false;
    ring.producerWaiting(true);
    try {
      while (true) {
        checkOpen();
        if (ring.tryWrite(item)) {
          written = true;
          break;
        }
        if (!backoff.pause(deadline, timed)) {
          break;
        }
      }
    } finally {
      ring.producerWaiting(false);
    }
    if (written) {
      added();
    }
    return written;
  }

  // ---------------------------------------------------------------- consumer side

  @Override
  public Object poll() {
    ByteBuffer record = ring.tryRead();
    if (record == null) {
      return null;
    }
    Object item;
    try {
      item = codec.decode(record);
    } finally {
      ring.release();
    }
    if (afterTake != null) {
      afterTake.run();
    }
    return item;
  }

  @Override
  public Object take() throws InterruptedException {
    Object item = poll();
    return item != null ? item : awaitItem(0, false);
  }

  @Override
  public Object poll(Duration timeout) throws InterruptedException {
    long nanos = toNanos(timeout);
    Object item = poll();
    return item != null ? item : awaitItem(nanos, true);
  }

  /** Waits for an item; on a closed, empty queue returns null when timed, else throws. */
  private Object awaitItem(long nanos, boolean timed) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    IdleStrategy.Wait backoff = consumerBackoff;
    backoff.reset();
    ring.consumerWaiting(true);
    try {
      while (true) {
        Object item = poll();
        if (item != null) {
          return item;
        }
        if (ring.isClosed()) {
          return lastItem(timed);
        }
        if (!backoff.pause(deadline, timed)) {
          return null;
        }
      }
    } finally {
      ring.consumerWaiting(false);
    }
  }

  /**
   * The queue was seen closed after a failed poll: an item put before the close may have landed in
   * between, so poll once more (the volatile read of the closed flag orders this read after it).
   */
  private Object lastItem(boolean timed) {
    Object item = poll();
    if (item != null || timed) {
      return item;
    }
    throw closed();
  }

  // ---------------------------------------------------------------- any thread

  @Override
  public boolean isEmpty() {
    return ring.isEmpty();
  }

  @Override
  public int size() {
    return ring.size();
  }

  @Override
  public int capacity() {
    return ring.itemCapacity();
  }

  @Override
  public void close() {
    ring.close();
  }

  @Override
  public boolean isClosed() {
    return ring.isClosed();
  }

  /** The ring under this queue. */
  public RingBuffer ring() {
    return ring;
  }

  /** What the queue is, as given. */
  String name() {
    return name;
  }

  /**
   * The queue and how full it is, for messages: {@code ShmWorkerQueue[worker input of 'square',
   * 3/64 items, 1024/65536 bytes, consumer waiting]}.
   */
  @Override
  public String toString() {
    return "ShmWorkerQueue["
        + name
        + ", "
        + ring.size()
        + "/"
        + ring.itemCapacity()
        + " items, "
        + ring.bytesUsed()
        + "/"
        + ring.dataBytes()
        + " bytes"
        + (ring.isClosed() ? ", closed" : "")
        + (ring.isProducerWaiting() ? ", producer waiting" : "")
        + (ring.isConsumerWaiting() ? ", consumer waiting" : "")
        + "]";
  }

  private void checkOpen() {
    if (ring.isClosed()) {
      throw closed();
    }
  }

  private QueueClosedException closed() {
    return new QueueClosedException(name + " is closed");
  }

  /** The timeout in nanoseconds: negative counts as zero, too long as forever. */
  private long toNanos(Duration timeout) {
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
}
