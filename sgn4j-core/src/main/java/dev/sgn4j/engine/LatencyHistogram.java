package dev.sgn4j.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A compact histogram of durations in nanoseconds: buckets of powers of two, each split in four, so
 * any recorded value is known within 25%. Enough for a mean and a p99 at a fixed cost of 256
 * counters; written by one thread with opaque writes, read (possibly a little stale, never torn) by
 * any with opaque reads.
 */
final class LatencyHistogram {

  private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle TOTAL;

  static {
    try {
      TOTAL = MethodHandles.lookup().findVarHandle(LatencyHistogram.class, "total", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int SUB_BITS = 2;
  private static final int SUBS = 1 << SUB_BITS;
  private static final int BUCKETS = 64;

  private final long[] counts = new long[BUCKETS * SUBS];
  private long total;

  /** Records one duration; the writing thread only. */
  void record(long nanos) {
    int index = index(Math.max(0, nanos));
    COUNT.setOpaque(counts, index, counts[index] + 1);
    TOTAL.setOpaque(this, total + 1);
  }

  /** Adds {@code other}'s counts to this histogram, a snapshot's own (not shared with a writer). */
  void addAll(LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += (long) COUNT.getOpaque(other.counts, i);
    }
    total += (long) TOTAL.getOpaque(other);
  }

  long count() {
    return (long) TOTAL.getOpaque(this);
  }

  /** The value below which {@code fraction} of the recorded values fall (upper bucket bound). */
  long percentile(double fraction) {
    long recorded = count();
    if (recorded == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(fraction * recorded);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += (long) COUNT.getOpaque(counts, i);
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(counts.length - 1);
  }

  static int index(long value) {
    if (value < SUBS) {
      return (int) value;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value);
    int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUBS - 1);
    return (exponent - SUB_BITS + 1) * SUBS + sub;
  }

  static long upperBound(int index) {
    if (index < SUBS) {
      return index;
    }
    int exponent = index / SUBS + SUB_BITS - 1;
    int sub = index % SUBS;
    long base = (long) (SUBS + sub) << (exponent - SUB_BITS);
    long width = 1L << (exponent - SUB_BITS);
    return base + width - 1;
  }
}
