package dev.sgn4j.engine;

import dev.sgn4j.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bounded FIFO behind one source pad in a pipelined run: {@link Link}'s frames and read cursors
 * (one per linked sink pad), shared by the producing element's task and its consumers' tasks, which
 * run on different threads.
 *
 * <p>One writer per index: the producer alone writes {@code head}, each consumer its own {@code
 * tail}. A frame is written into its slot before the head passes it (a release store), and read
 * after seeing the head (an acquire load); a slot is reused only after every tail passed it. No
 * index write is a full fence, and each side keeps a cached copy of the other side's index, reading
 * the shared one only when the cached one says the link is full (producer) or empty (consumer). The
 * cursors live in separate objects, padded, so the two sides do not write one cache line.
 *
 * <p>A producer that finds the link full says so with {@link #producerWaits()} before it stops; its
 * consumers then {@linkplain #producerNeedsRoom() signal it} once they freed room. The producer
 * sets the mark and looks at the tails again after a full fence, and each consumer looks at the
 * mark after every take and, finally, after a full fence when it stops, so a producer never waits
 * for room that is there.
 */
final class SharedLink {

  private static final VarHandle HEAD;
  private static final VarHandle TAIL;
  private static final VarHandle PRODUCER_WAITS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(SharedLink.class, "head", long.class);
      TAIL = lookup.findVarHandle(Cursor.class, "tail", long.class);
      PRODUCER_WAITS = lookup.findVarHandle(Mark.class, "producerWaits", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One consumer's read position, and its view of the head, alone on its cache lines. */
  static final class Cursor {
    long p01, p02, p03, p04, p05, p06, p07;
    long tail;
    long cachedHead;
    long p11, p12, p13, p14, p15, p16, p17;
  }

  /**
   * Whether the producer stopped because the link was full, alone on its cache lines: consumers
   * read it after every take, and it changes only when the producer stops or is woken, so it must
   * not share a line with the head the producer writes on every frame.
   */
  static final class Mark {
    long p01, p02, p03, p04, p05, p06, p07;
    boolean producerWaits;
    long p11, p12, p13, p14, p15, p16, p17;
  }

  private final Mark mark = new Mark();

  private final Frame[] ring;
  private final int mask;
  private final int capacity;
  private final Cursor[] cursors;

  long p01, p02, p03, p04, p05, p06, p07;

  /** The producer's write position; published with release stores. */
  private long head;

  /** The producer's view of the slowest tail. */
  private long cachedTail;

  long p11, p12, p13, p14, p15, p16, p17;

  /** Whether the producer put frames in its current turn; producer's task only. */
  boolean fedThisTurn;

  /** The producing element's task, and each consumer's task by cursor index. */
  ElementTask producer;

  final ElementTask[] consumers;

  SharedLink(int capacity, int consumers) {
    if (capacity < 1) {
      throw new IllegalArgumentException("link capacity must be at least 1, got " + capacity);
    }
    int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    this.ring = new Frame[size];
    this.mask = size - 1;
    this.capacity = capacity;
    this.cursors = new Cursor[consumers];
    for (int i = 0; i < consumers; i++) {
      cursors[i] = new Cursor();
    }
    this.consumers = new ElementTask[consumers];
  }

  // ---- producer side ----

  /** Whether another frame fits: every consumer is less than the capacity behind. */
  boolean hasRoom() {
    long h = head;
    if (h - cachedTail < capacity) {
      return true;
    }
    long oldest = h;
    for (Cursor cursor : cursors) {
      oldest = Math.min(oldest, (long) TAIL.getAcquire(cursor));
    }
    cachedTail = oldest;
    return h - oldest < capacity;
  }

  /** Adds a frame; only after {@link #hasRoom()} said yes. */
  void put(Frame frame) {
    long h = head;
    ring[(int) h & mask] = frame;
    HEAD.setRelease(this, h + 1);
  }

  /**
   * Whether consumer {@code consumer} has frames left to take, as far as the producer can tell.
   *
   * @param consumer the cursor index
   * @return true when the consumer's tail is behind the head
   */
  boolean hasFramesFor(int consumer) {
    return head > (long) TAIL.getAcquire(cursors[consumer]);
  }

  /**
   * Marks that the producer stops for want of room, then looks again: true when there is room after
   * all (the mark is cleared and the producer goes on).
   */
  boolean producerWaits() {
    PRODUCER_WAITS.setVolatile(mark, true);
    VarHandle.fullFence();
    if (hasRoom()) {
      PRODUCER_WAITS.setOpaque(mark, false);
      return true;
    }
    return false;
  }

  // ---- consumer side ----

  /** Whether consumer {@code consumer} has no frame to take. */
  boolean isEmpty(int consumer) {
    Cursor cursor = cursors[consumer];
    long tail = cursor.tail;
    if (tail < cursor.cachedHead) {
      return false;
    }
    cursor.cachedHead = (long) HEAD.getAcquire(this);
    return tail == cursor.cachedHead;
  }

  /** Takes consumer {@code consumer}'s next frame; only after {@link #isEmpty} said no. */
  Frame take(int consumer) {
    Cursor cursor = cursors[consumer];
    long tail = cursor.tail;
    int slot = (int) tail & mask;
    Frame frame = ring[slot];
    if (cursors.length == 1) {
      ring[slot] = null;
    }
    TAIL.setRelease(cursor, tail + 1);
    return frame;
  }

  /**
   * Whether the producer waits for room that consumer {@code consumer} has freed: then the mark is
   * cleared and the caller signals the producer. While the consumer goes on ({@code stopping}
   * false) only once it freed half the link, so the producer makes a batch rather than a frame per
   * wake-up; when it stops, as soon as it freed any, so no producer waits for room that is there.
   * After a take the mark is read with an opaque load, which may miss a mark set a moment ago; a
   * stopping consumer calls this after a full fence, which does not.
   */
  boolean producerNeedsRoom(int consumer, boolean stopping) {
    if (!(boolean) PRODUCER_WAITS.getOpaque(mark)) {
      return false;
    }
    Cursor cursor = cursors[consumer];
    long behind = cursor.cachedHead - cursor.tail;
    if (behind > (stopping ? capacity - 1 : capacity / 2)) {
      return false;
    }
    return PRODUCER_WAITS.compareAndSet(mark, true, false);
  }

  /** Frames waiting for consumer {@code consumer}, as far as it knows; any thread, approximate. */
  int size(int consumer) {
    return (int)
        Math.max(0, (long) HEAD.getOpaque(this) - (long) TAIL.getOpaque(cursors[consumer]));
  }
}
