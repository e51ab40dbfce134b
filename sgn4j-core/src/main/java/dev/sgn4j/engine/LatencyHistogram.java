package dev.sgn4j.engine;

/**
 * A compact histogram of durations in nanoseconds: buckets of powers of two, each split in four, so
 * any recorded value is known within 25%. Enough for a mean and a p99 at a fixed cost of 256
 * counters; written by one thread, read (possibly a little stale) by any.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 2;
  private static final int SUBS = 1 << SUB_BITS;
  private static final int BUCKETS = 64;

  private final long[] counts = new long[BUCKETS * SUBS];
  private long total;

  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(value)]++;
    total++;
  }

  void addAll(LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  long count() {
    return total;
  }

  /** The value below which {@code fraction} of the recorded values fall (upper bucket bound). */
  long percentile(double fraction) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
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
