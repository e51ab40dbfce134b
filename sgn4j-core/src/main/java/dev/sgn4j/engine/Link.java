package dev.sgn4j.engine;

import dev.sgn4j.Frame;

/**
 * The bounded FIFO behind one source pad: frames of successive iterations, with one read cursor per
 * linked sink pad (fan-out). A frame leaves the buffer when every consumer has taken it. Used by
 * the run loop's thread only.
 */
final class Link {

  private final Frame[] ring;
  private final int mask;
  private final int capacity;
  private final long[] tails;
  private long head;

  Link(int capacity, int consumers) {
    if (capacity < 1) {
      throw new IllegalArgumentException("link capacity must be at least 1, got " + capacity);
    }
    int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    this.ring = new Frame[size];
    this.mask = ring.length - 1;
    this.capacity = capacity;
    this.tails = new long[consumers];
  }

  /** Whether another frame fits: every consumer is less than {@code capacity} frames behind. */
  boolean hasRoom() {
    if (tails.length == 1) {
      return head - tails[0] < capacity;
    }
    long oldest = head;
    for (long tail : tails) {
      oldest = Math.min(oldest, tail);
    }
    return head - oldest < capacity;
  }

  void put(Frame frame) {
    ring[(int) head & mask] = frame;
    head++;
  }

  boolean isEmpty(int consumer) {
    return tails[consumer] == head;
  }

  Frame take(int consumer) {
    long tail = tails[consumer];
    int slot = (int) tail & mask;
    Frame frame = ring[slot];
    tails[consumer] = tail + 1;
    if (tails.length == 1) {
      ring[slot] = null;
    }
    return frame;
  }

  /** How many sink pads read this link. */
  int consumers() {
    return tails.length;
  }

  int size(int consumer) {
    return (int) (head - tails[consumer]);
  }
}
