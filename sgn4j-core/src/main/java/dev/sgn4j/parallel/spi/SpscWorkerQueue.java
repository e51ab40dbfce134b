package dev.sgn4j.parallel.spi;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.worker.WorkerQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded single-producer/single-consumer ring buffer on {@link VarHandle}s: the default {@link
 * WorkerQueue}. One thread at a time may call the producer methods ({@link #put}, {@link #offer})
 * and one thread at a time the consumer methods ({@link #take}, {@link #poll}); handing a side to
 * another thread needs a happens-before edge (thread start, join, a lock). {@link #close}, {@link
 * #isClosed}, {@link #size}, {@link #isEmpty} and {@link #capacity} are safe from any thread.
 * Closing from the producer's thread after its last put never loses an item; a put that races with
 * a {@code close()} on another thread may land after the consumer has seen the queue closed and
 * empty (the same holds for {@code BlockingWorkerQueue} of the benchmarks).
 *
 * <p><b>Layout.</b> The ring has a power-of-two length of at least the capacity; {@link
 * #capacity()} is enforced exactly by the producer, which treats the ring as full once {@code
 * capacity} items are in it. The producer's index and the consumer's index live on cache lines of
 * their own (128 bytes of padding on either side, from the field groups of the {@link Indexes}
 * class hierarchy: the JVM lays out a superclass's fields before a subclass's), each next to its
 * owner's cached copy of the other index, so the hot path reads the other side's line only when the
 * cached copy says full (producer) or empty (consumer). The waiter fields and the closed flag share
 * a cold line of their own; the element array is padded at both ends.
 *
 * <p><b>Memory ordering.</b> The producer stores the item into its slot with a plain store, then
 * publishes {@code producerIndex} with a release store; the consumer reads {@code producerIndex}
 * with an acquire load before it reads the slot, so it sees the item. The consumer clears the slot
 * with a plain store before it publishes {@code consumerIndex} with a release store; the producer
 * reads {@code consumerIndex} with an acquire load before it writes the slot again, so the clear
 * never overwrites a newer item.
 *
 * <p><b>Waiting.</b> A waiting side waits by {@link IdleStrategy#WOKEN}: it first spins (checking
 * the queue, with {@link Thread#onSpinWait()}) long enough to cover the cost of a thread wake-up it
 * would otherwise pay; then it parks with {@link LockSupport} until the other side acts, the queue
 * is closed, the deadline passes or it is interrupted. No lost wake-up (a Dekker handshake, with a
 * full fence on each side):
 *
 * <pre>
 *   waiting consumer                       producer
 *   consumerWaiter = me                    producerIndex = p + 1    (release)
 *   fullFence                              fullFence
 *   read producerIndex, closed;            read consumerWaiter; if set, take it
 *     park if still empty and open           (CAS to null) and unpark it
 * </pre>
 *
 * <p>{@link VarHandle#fullFence()}s are totally ordered. If the producer's fence comes first, the
 * consumer's loads after its own fence see the new index and it does not park; otherwise the
 * producer's load after its fence sees {@code consumerWaiter} and unparks it; an unpark that comes
 * before the park leaves a permit, so the park returns at once. Taking the registration makes a
 * burst of puts cost one {@code unpark} instead of one each; a woken waiter that must wait again
 * registers again (store, fence, re-check) before it parks. The same handshake wakes a waiting
 * producer when the consumer frees a slot, and {@link #close()} (store {@code closed}, fence, read
 * both waiters) wakes both. The fence costs every put and take a store-buffer drain; it is the
 * price of never losing a wake-up.
 *
 * <p><b>Batches.</b> {@link #offerBatched} writes the slot and a second, pending index (release
 * store, on the producer's line) but leaves {@code producerIndex} alone until a batch of {@code
 * min(32, capacity / 4)} items is full, the consumer is seen parked, or the producer calls {@link
 * #publish()}; then one release store and one fence hand the whole batch over. A consumer that has
 * to wait reads the pending index every {@value #SPINS_PER_PENDING_LOOK} spins and once more after
 * registering to park, and a consumer that finds the queue closed takes the pending items too, so
 * batching neither delays a waiting consumer nor loses items on close. A batched add has no fence:
 * a consumer that registers while it runs may park unseen, and is then woken by the producer's next
 * add or {@link #publish()}, which a producer of batches makes before it waits or turns to other
 * work. {@link #pollBatched} likewise tells the producer (fence, wake-up, hook) once per batch and
 * whenever it finds the queue empty: a producer waits only on a full queue, so it is woken after at
 * most a batch of removals.
 *
 * <p>Puts and takes run the hooks given at construction, on the caller's thread, after the item is
 * published or removed and after the other side is woken, outside any lock; an exception from a
 * hook propagates to the caller, but the put or take has happened.
 *
 * @param <T> the item type
 */
final class SpscWorkerQueue<T> implements BatchingQueue<T> {

  /** Unused array slots before and after the ring, so no other object shares its cache lines. */
  private static final int ARRAY_PAD = 32;

  /** The most items handed over in one batch; a quarter of the capacity when that is less. */
  static final int MAX_BATCH = 32;

  /** How many spins of a waiting consumer between two looks at the producer's unpublished items. */
  private static final int SPINS_PER_PENDING_LOOK = 256;

  private static final VarHandle PRODUCER_INDEX;
  private static final VarHandle PENDING_INDEX;
  private static final VarHandle CONSUMER_INDEX;
  private static final VarHandle PRODUCER_WAITER;
  private static final VarHandle CONSUMER_WAITER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      PRODUCER_INDEX = lookup.findVarHandle(ProducerFields.class, "producerIndex", long.class);
      PENDING_INDEX = lookup.findVarHandle(ProducerFields.class, "pendingIndex", long.class);
      CONSUMER_INDEX = lookup.findVarHandle(ConsumerFields.class, "consumerIndex", long.class);
      PRODUCER_WAITER = lookup.findVarHandle(ColdFields.class, "producerWaiter", Thread.class);
      CONSUMER_WAITER = lookup.findVarHandle(ColdFields.class, "consumerWaiter", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final int capacity;
  private final int mask;
  private final Object[] buffer;
  private final Runnable afterPut;
  private final Runnable afterTake;
  private final int batch;
  private final Indexes indexes = new Indexes();

  /** The producer's and the consumer's waits: one thread at a time each. */
  private final IdleStrategy.Wait producerWait;

  private final IdleStrategy.Wait consumerWait;

  /**
   * Creates an empty, open queue.
   *
   * @param name what the queue is, for messages, e.g. {@code worker input of 'square'}
   * @param capacity the most items it holds, 1 to {@value WorkerQueues#MAX_CAPACITY}
   * @param afterPut run after every successful put or offer, on the producer's thread; may be null
   * @param afterTake run after every successful take or poll, on the consumer's thread; may be null
   */
  SpscWorkerQueue(String name, int capacity, Runnable afterPut, Runnable afterTake) {
    this(name, capacity, afterPut, afterTake, true);
  }

  /**
   * Creates an empty, open queue whose waits park at once when {@code spins} is false ({@link
   * IdleStrategy#PARKING}); tests use it to drive every wait through the park handshake.
   */
  SpscWorkerQueue(String name, int capacity, Runnable afterPut, Runnable afterTake, boolean spins) {
    IdleStrategy strategy = spins ? IdleStrategy.WOKEN : IdleStrategy.PARKING;
    this.producerWait = strategy.newWait(this);
    this.consumerWait = strategy.newWait(this);
    this.name = WorkerQueues.checkName(name);
    this.capacity = WorkerQueues.checkCapacity(name, capacity);
    int length = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    this.mask = length - 1;
    this.buffer = new Object[length + 2 * ARRAY_PAD];
    this.afterPut = afterPut;
    this.afterTake = afterTake;
    this.batch = Math.max(1, Math.min(MAX_BATCH, capacity / 4));
  }

  // ---------------------------------------------------------------- producer side

  @Override
  public boolean offer(T item) {
    WorkerQueues.checkItem(name, item);
    checkOpen();
    if (!tryAdd(item)) {
      return false;
    }
    added();
    return true;
  }

  @Override
  public void put(T item) throws InterruptedException {
    if (!offer(item)) {
      awaitRoom(item, 0, false, 1);
    }
  }

  @Override
  public boolean put(T item, Duration timeout) throws InterruptedException {
    long nanos = WorkerQueues.toNanos(name, timeout);
    return offer(item) || awaitRoom(item, nanos, true, 1);
  }

  /** Stores the item if there is room; producer thread only. */
  /** Adds and publishes, with everything added before. */
  private boolean tryAdd(T item) {
    if (!tryAddPending(item)) {
      return false;
    }
    Indexes s = indexes;
    PRODUCER_INDEX.setRelease(s, s.pendingIndex);
    return true;
  }

  /** Adds without publishing: the slot, then the pending index with a release store. */
  private boolean tryAddPending(T item) {
    Indexes s = indexes;
    long p = s.pendingIndex; // only this thread writes it
    if (p - s.cachedConsumerIndex >= capacity) {
      s.cachedConsumerIndex = (long) CONSUMER_INDEX.getAcquire(s);
      if (p - s.cachedConsumerIndex >= capacity) {
        return false;
      }
    }
    buffer[ARRAY_PAD + ((int) p & mask)] = item;
    PENDING_INDEX.setRelease(s, p + 1);
    return true;
  }

  @Override
  public boolean offerBatched(T item) {
    WorkerQueues.checkItem(name, item);
    checkOpen();
    if (!tryAddPending(item)) {
      publish();
      return false;
    }
    Indexes s = indexes;
    // A parked consumer is woken at once; a consumer that is about to park looks at the pending
    // items before it does, and one that parked unseen is seen by the next add or publish.
    if (s.pendingIndex - s.producerIndex >= batch || s.consumerWaiter != null) {
      PRODUCER_INDEX.setRelease(s, s.pendingIndex);
      added();
    }
    return true;
  }

  @Override
  public void publish() {
    Indexes s = indexes;
    long pending = s.pendingIndex;
    if (pending != s.producerIndex) { // only this thread writes either
      PRODUCER_INDEX.setRelease(s, pending);
      added();
    }
  }

  @Override
  public boolean hasRoom() {
    Indexes s = indexes;
    if (s.pendingIndex - s.cachedConsumerIndex < capacity) {
      return true;
    }
    // Full when last seen: room again once a batch is free (the consumer tells of removals a batch
    // at a time), so that a producer and a consumer do not trade single slots.
    return free() >= batch;
  }

  @Override
  public void putBatched(T item) throws InterruptedException {
    if (!offerBatched(item)) {
      awaitRoom(item, 0, false, batch);
    }
  }

  /** Free slots as of a fresh look at the consumer's index; producer only. */
  private long free() {
    Indexes s = indexes;
    s.cachedConsumerIndex = (long) CONSUMER_INDEX.getAcquire(s);
    return capacity - (s.pendingIndex - s.cachedConsumerIndex);
  }

  /**
   * After a publish: wakes a parked consumer (the producer half of the handshake), runs the hook.
   */
  private void added() {
    VarHandle.fullFence();
    wake(CONSUMER_WAITER, indexes.consumerWaiter);
    if (afterPut != null) {
      afterPut.run();
    }
  }

  /**
   * Waits until {@code need} slots are free, then adds and publishes {@code item}; false when the
   * deadline passed first.
   */
  private boolean awaitRoom(T item, long nanos, boolean timed, int need)
      throws InterruptedException {
    Indexes s = indexes;
    long deadline = System.nanoTime() + nanos;
    IdleStrategy.Wait wait = producerWait;
    wait.reset();
    Thread me = null;
    try {
      while (true) {
        checkOpen();
        if ((need == 1 || free() >= need) && tryAdd(item)) {
          added();
          return true;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        long now = System.nanoTime();
        if (timed && now - deadline >= 0) {
          return false;
        }
        if (me == null && wait.next() == IdleStrategy.Step.SPIN) {
          Thread.onSpinWait();
        } else if (me == null || s.producerWaiter != me) {
          me = Thread.currentThread();
          s.producerWaiter = me; // (again, if a wake-up took it)
          VarHandle.fullFence(); // then re-check before parking
        } else if (timed) {
          LockSupport.parkNanos(this, deadline - now);
        } else {
          LockSupport.park(this);
        }
      }
    } finally {
      if (me != null) {
        s.producerWaiter = null;
      }
    }
  }

  // ---------------------------------------------------------------- consumer side

  @Override
  public T poll() {
    T item = tryRemove();
    if (item != null) {
      indexes.untold = 0;
      removed();
    }
    return item;
  }

  @Override
  public T pollBatched() {
    T item = tryRemove();
    Indexes s = indexes;
    if (item == null) {
      if (s.untold > 0) { // found empty: the producer hears of every removal before now
        s.untold = 0;
        removed();
      }
      return null;
    }
    // The producer hears of removals a batch at a time, also when it waits for room (waking it
    // per slot would cost a wake-up per item), and whenever the queue is found empty: a producer
    // waits only on a full queue, so the consumer soon frees a batch or finds the queue empty.
    if (++s.untold >= batch) {
      s.untold = 0;
      removed();
    }
    return item;
  }

  /** Like {@link #poll()}, first taking in the producer's added but unpublished items. */
  private T pollPending() {
    Indexes s = indexes;
    if (s.consumerIndex >= s.cachedProducerIndex) {
      long pending = (long) PENDING_INDEX.getAcquire(s);
      if (pending > s.cachedProducerIndex) {
        s.cachedProducerIndex = pending;
      }
    }
    return poll();
  }

  @Override
  public T take() throws InterruptedException {
    T item = poll();
    return item != null ? item : awaitItem(0, false);
  }

  @Override
  public T poll(Duration timeout) throws InterruptedException {
    long nanos = WorkerQueues.toNanos(name, timeout);
    T item = poll();
    return item != null ? item : awaitItem(nanos, true);
  }

  /** Removes the oldest item if there is one; consumer thread only. */
  @SuppressWarnings("unchecked")
  private T tryRemove() {
    Indexes s = indexes;
    long c = s.consumerIndex; // only this thread writes it
    if (c >= s.cachedProducerIndex) {
      long published = (long) PRODUCER_INDEX.getAcquire(s);
      if (c >= published) {
        if (!s.closed) {
          return null;
        }
        // Closed: what the producer added before closing is the rest of the stream, published or
        // not.
        long pending = (long) PENDING_INDEX.getAcquire(s);
        if (c >= pending) {
          return null;
        }
        published = pending;
      }
      // (the cached index may be ahead of the published one after a look at the pending items)
      s.cachedProducerIndex = published;
    }
    int slot = ARRAY_PAD + ((int) c & mask);
    T item = (T) buffer[slot];
    buffer[slot] = null; // ordered before the release store below
    CONSUMER_INDEX.setRelease(s, c + 1);
    return item;
  }

  /** After a removal: wakes a parked producer (the handshake's signalling half), runs the hook. */
  private void removed() {
    VarHandle.fullFence();
    wake(PRODUCER_WAITER, indexes.producerWaiter);
    if (afterTake != null) {
      afterTake.run();
    }
  }

  /** Waits for an item; on a closed, empty queue returns null when timed, else throws. */
  private T awaitItem(long nanos, boolean timed) throws InterruptedException {
    Indexes s = indexes;
    long deadline = System.nanoTime() + nanos;
    IdleStrategy.Wait wait = consumerWait;
    wait.reset();
    Thread me = null;
    int spins = 0;
    try {
      while (true) {
        // Every few spins, and always once registered to park, take in what the producer added
        // but has not published yet: batching then adds no latency for a waiting consumer.
        T item = me != null || spins++ % SPINS_PER_PENDING_LOOK == 0 ? pollPending() : poll();
        if (item != null) {
          return item;
        }
        if (s.closed) {
          return lastItem(timed);
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        long now = System.nanoTime();
        if (timed && now - deadline >= 0) {
          return null;
        }
        if (me == null && wait.next() == IdleStrategy.Step.SPIN) {
          Thread.onSpinWait();
        } else if (me == null || s.consumerWaiter != me) {
          me = Thread.currentThread();
          s.consumerWaiter = me; // (again, if a wake-up took it)
          VarHandle.fullFence(); // then re-check before parking
        } else if (timed) {
          LockSupport.parkNanos(this, deadline - now);
        } else {
          LockSupport.park(this);
        }
      }
    } finally {
      if (me != null) {
        s.consumerWaiter = null;
      }
    }
  }

  /**
   * The queue was seen closed after a failed poll: an item put before the close may have landed in
   * between, so poll once more (the volatile read of {@code closed} orders this load after it).
   */
  private T lastItem(boolean timed) {
    T item = pollPending();
    if (item != null || timed) {
      return item;
    }
    throw WorkerQueues.closed(name);
  }

  // ---------------------------------------------------------------- any thread

  @Override
  public boolean isEmpty() {
    long c = (long) CONSUMER_INDEX.getAcquire(indexes);
    return c >= (long) PRODUCER_INDEX.getAcquire(indexes);
  }

  @Override
  public int size() {
    Indexes s = indexes;
    long after = (long) CONSUMER_INDEX.getVolatile(s);
    while (true) {
      long before = after;
      long p = (long) PRODUCER_INDEX.getVolatile(s);
      after = (long) CONSUMER_INDEX.getVolatile(s);
      if (before == after) {
        return (int) Math.max(0, Math.min(capacity, p - after));
      }
    }
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public void close() {
    Indexes s = indexes;
    s.closed = true;
    VarHandle.fullFence(); // the closer's half of the handshake: store, fence, read the waiters
    Thread producer = s.producerWaiter;
    if (producer != null) {
      LockSupport.unpark(producer);
    }
    Thread consumer = s.consumerWaiter;
    if (consumer != null) {
      LockSupport.unpark(consumer);
    }
  }

  @Override
  public boolean isClosed() {
    return indexes.closed;
  }

  @Override
  public String toString() {
    return "SpscWorkerQueue[" + name + ", " + size() + "/" + capacity + "]";
  }

  private void checkOpen() {
    if (indexes.closed) {
      throw WorkerQueues.closed(name);
    }
  }

  /**
   * Unparks the thread parked on {@code waiterField}, if any, once: a wake-up takes the
   * registration, so a burst of puts (or takes) costs one {@code unpark}, not one each. Called
   * after the caller's full fence; the waiter registers again before it parks again.
   */
  private void wake(VarHandle waiterField, Thread waiter) {
    if (waiter != null && waiterField.compareAndSet(indexes, waiter, null)) {
      LockSupport.unpark(waiter);
    }
  }

  // ---------------------------------------------------------------- padded fields
  // Each group sits between 128 bytes of padding (two cache lines, against adjacent-line
  // prefetch); a superclass's fields come before a subclass's in HotSpot's layout, which is what
  // keeps the groups apart. The padding fields are never read.

  /** Padding before the producer's fields. */
  abstract static class PadBeforeProducer {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
  }

  /** Written by the producer on every put; read by the consumer when its cached copy runs out. */
  abstract static class ProducerFields extends PadBeforeProducer {
    /** The published index: the consumer sees the items before it. */
    long producerIndex;

    /**
     * The index after the last item added, published or not; the producer writes it with a release
     * store after each item, and a waiting consumer reads it now and then.
     */
    long pendingIndex;

    /** The producer's last view of {@code consumerIndex}; producer thread only. */
    long cachedConsumerIndex;
  }

  /** Padding between the producer's and the consumer's fields. */
  abstract static class PadBeforeConsumer extends ProducerFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
  }

  /** Written by the consumer on every take; read by the producer when its cached copy runs out. */
  abstract static class ConsumerFields extends PadBeforeConsumer {
    long consumerIndex;

    /** The consumer's last view of {@code producerIndex}; consumer thread only. */
    long cachedProducerIndex;

    /** Removals by {@link #pollBatched()} the producer has not been told of; consumer only. */
    int untold;
  }

  /** Padding between the consumer's fields and the cold ones. */
  abstract static class PadBeforeCold extends ConsumerFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
  }

  /** Written rarely (park, close); read on every put and take. */
  abstract static class ColdFields extends PadBeforeCold {
    volatile Thread producerWaiter;
    volatile Thread consumerWaiter;
    volatile boolean closed;
  }

  /** The queue's mutable state, padded at the end too. */
  static final class Indexes extends ColdFields {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
  }
}
