package dev.sgn4j.engine;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@link RunEnd}'s rule for a pipelined run, whose sinks report from different threads: the run
 * ends after the iteration in which the last sink reached EOS, once every sink completed it and is
 * drained; an element at EOS (a sink, or any element whose source pads all sent EOS) starts another
 * iteration only when some sink shows that the run needs it, so nothing at EOS runs past the run's
 * last iteration.
 *
 * <p>Each sink's task reports at its iteration boundaries ({@link #boundary}): how many iterations
 * it completed, whether it is at EOS and drained. Elements at EOS ask {@link #needsOrWait} before
 * they start an iteration, and are signalled when the answer may have changed. Thread-safe: sinks
 * not at EOS publish their count without a lock; everything else is under this object's lock.
 */
final class EndTracker {

  private final int sinks;

  /** Per sink, the iterations it completed, published by its task. */
  private final AtomicLongArray completed;

  /** Per sink, the iterations it had completed when first seen at EOS; -1 until then. */
  private final long[] eosAt;

  /** Per sink, whether it was drained at its last boundary at EOS. */
  private final boolean[] drained;

  /** Tasks at EOS waiting to learn that the run needs another iteration. */
  private final List<ElementTask> waiters = new ArrayList<>();

  /** Whether {@link #waiters} is not empty; read without the lock. */
  private volatile boolean waiting;

  private volatile boolean finished;

  /** Called once, when the run is over. */
  private final Runnable onFinished;

  /** Told of each iteration every sink completed, in order, while {@link #observing}. */
  private final java.util.function.LongConsumer onIteration;

  /** Whether {@link #onIteration} wants to hear of iterations now. */
  private volatile boolean observing;

  /** The last iteration {@link #onIteration} heard of; guarded by {@link #reportLock}. */
  private long reported;

  private final Object reportLock = new Object();

  EndTracker(int sinks, Runnable onFinished) {
    this(sinks, onFinished, iteration -> {});
  }

  /**
   * @param onFinished called once, when the run is over
   * @param onIteration told of each iteration every sink completed, while {@link #observe} is on
   */
  EndTracker(int sinks, Runnable onFinished, java.util.function.LongConsumer onIteration) {
    this.sinks = sinks;
    this.completed = new AtomicLongArray(sinks);
    this.eosAt = new long[sinks];
    java.util.Arrays.fill(eosAt, -1L);
    this.drained = new boolean[sinks];
    this.onFinished = onFinished;
    this.onIteration = onIteration;
  }

  /**
   * Turns the iteration reports on or off; when turned on, reporting starts from the iterations
   * completed from now on.
   */
  void observe(boolean on) {
    if (on && !observing) {
      synchronized (reportLock) {
        reported = Math.max(reported, iterations());
      }
    }
    observing = on;
  }

  /** Tells {@link #onIteration} of the iterations every sink completed since it last heard. */
  private void report() {
    synchronized (reportLock) {
      long least = iterations();
      while (reported < least) {
        reported++;
        onIteration.accept(reported);
      }
    }
  }

  /** Whether the run is over. */
  boolean finished() {
    return finished;
  }

  /** The iterations every sink completed: the run's iteration count. */
  long iterations() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < sinks; i++) {
      least = Math.min(least, completed.get(i));
    }
    return sinks == 0 ? 0 : least;
  }

  /**
   * Sink {@code sink} is at an iteration boundary after {@code done} iterations.
   *
   * @param atEos whether it is at EOS now
   * @param isDrained whether it finished its own work
   * @return whether it may start iteration {@code done + 1}
   */
  boolean boundary(int sink, long done, boolean atEos, boolean isDrained, ElementTask task) {
    if (!atEos) {
      if (completed.get(sink) != done) {
        // A volatile store then a volatile load: either this sink sees a waiter's mark, or the
        // waiter (which marks, then reads the counts) sees this count.
        completed.set(sink, done);
        if (waiting) {
          wakeWaiters();
        }
        if (observing) {
          report();
        }
      }
      return true;
    }
    boolean changed;
    boolean finishedNow;
    synchronized (this) {
      changed = completed.get(sink) != done || eosAt[sink] < 0 || drained[sink] != isDrained;
      completed.set(sink, done);
      if (eosAt[sink] < 0) {
        eosAt[sink] = done;
      }
      drained[sink] = isDrained;
      finishedNow = !finished && everySinkDone();
      if (finishedNow) {
        finished = true;
      }
    }
    if (changed && observing) {
      report();
    }
    if (finishedNow) {
      wakeWaiters();
      onFinished.run();
      return false;
    }
    if (changed && waiting) {
      wakeWaiters();
    }
    return needsOrWait(done + 1, task);
  }

  /**
   * Whether the run needs iteration {@code iteration}; when it does not know yet, {@code task}
   * waits to be signalled once it may.
   */
  boolean needsOrWait(long iteration, ElementTask task) {
    synchronized (this) {
      if (finished) {
        return false;
      }
      waiting = true;
      VarHandle.fullFence();
      if (needs(iteration)) {
        if (waiters.isEmpty()) {
          waiting = false;
        }
        return true;
      }
      if (!waiters.contains(task)) {
        waiters.add(task);
      }
      return false;
    }
  }

  /** Whether some sink shows that the run has at least {@code iteration} iterations. */
  private boolean needs(long iteration) {
    for (int j = 0; j < sinks; j++) {
      long least = eosAt[j] >= 0 ? eosAt[j] : completed.get(j) + 1;
      if (least >= iteration) {
        return true;
      }
    }
    return false;
  }

  private boolean everySinkDone() {
    long last = 0;
    for (int j = 0; j < sinks; j++) {
      if (eosAt[j] < 0) {
        return false;
      }
      last = Math.max(last, eosAt[j]);
    }
    for (int j = 0; j < sinks; j++) {
      if (completed.get(j) != last || !drained[j]) {
        return false;
      }
    }
    return true;
  }

  private void wakeWaiters() {
    List<ElementTask> woken;
    synchronized (this) {
      woken = List.copyOf(waiters);
      waiters.clear();
      waiting = false;
    }
    for (ElementTask task : woken) {
      task.signal();
    }
  }
}
