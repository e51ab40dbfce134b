package dev.sgn4j.process.shm;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for another process: the other side writes shared memory and cannot unpark a
 * thread of this JVM, so the waiter checks its condition between pauses that grow longer the longer
 * it waits. A wait is a loop of {@code check condition; pause}:
 *
 * <ol>
 *   <li>spin with {@link Thread#onSpinWait()} for {@link #SPIN_NANOS} (a platform thread on a
 *       machine with more than one CPU; {@link #VIRTUAL_SPIN_NANOS} on a virtual thread, which
 *       holds a carrier while it spins; none on a single CPU) — an answer that comes within a few
 *       microseconds is seen at once;
 *   <li>then {@link Thread#yield()} {@link #YIELDS} times;
 *   <li>then {@link LockSupport#parkNanos(Object, long)}, starting at {@link #MIN_PARK_NANOS} and
 *       doubling up to {@link #MAX_PARK_NANOS}: an idle waiter wakes at most about a thousand times
 *       a second and costs next to no CPU, and notices the other side within a millisecond.
 * </ol>
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(this);
 * long deadline = System.nanoTime() + timeout.toNanos();
 * while (!ready()) {
 *   if (!backoff.pause(deadline)) {
 *     return false;                  // deadline passed
 *   }
 * }
 * }</pre>
 *
 * <p>Each pause first checks the thread's interrupt status (and throws {@link
 * InterruptedException}, clearing it) and the deadline; a park never lasts past the deadline. An
 * instance belongs to one thread at a time; {@link #reset()} starts the next wait with spinning
 * again.
 */
public final class Backoff {

  /** How long a platform thread spins before yielding: a thread wake-up costs 20–45 µs here. */
  static final long SPIN_NANOS = 30_000;

  /** How long a virtual thread spins. */
  static final long VIRTUAL_SPIN_NANOS = 5_000;

  /** How many times a waiter yields after spinning, before it parks. */
  static final int YIELDS = 8;

  /** The first park. */
  static final long MIN_PARK_NANOS = 1_000;

  /** The longest park: how late a long-idle waiter may notice the other side. */
  static final long MAX_PARK_NANOS = 1_000_000;

  private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

  private final Object blocker;
  private boolean waiting;
  private long spinEnd;
  private int yields;
  private long parkNanos;

  /**
   * Creates a back-off.
   *
   * @param blocker what the thread waits for, shown by thread dumps while it parks ({@link
   *     LockSupport#getBlocker}); may be null
   */
  public Backoff(Object blocker) {
    this.blocker = blocker;
  }

  /** Forgets the current wait: the next pause starts spinning again. */
  public void reset() {
    waiting = false;
  }

  /**
   * Pauses once, without a deadline.
   *
   * @throws InterruptedException when the thread is interrupted (the status is cleared)
   */
  public void pause() throws InterruptedException {
    pause(0, false);
  }

  /**
   * Pauses once, never past {@code deadline}.
   *
   * @param deadline a {@link System#nanoTime()} value
   * @return false when the deadline has passed (without pausing), true after a pause
   * @throws InterruptedException when the thread is interrupted (the status is cleared)
   */
  public boolean pause(long deadline) throws InterruptedException {
    return pause(deadline, true);
  }

  /**
   * Pauses once; {@code deadline} counts only when {@code timed}.
   *
   * @return false when timed and the deadline has passed, true after a pause
   * @throws InterruptedException when the thread is interrupted (the status is cleared)
   */
  public boolean pause(long deadline, boolean timed) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    long now = System.nanoTime();
    if (!waiting) {
      waiting = true;
      spinEnd = now + spinNanos();
      yields = 0;
      parkNanos = MIN_PARK_NANOS;
    }
    if (timed && now - deadline >= 0) {
      return false;
    }
    if (now - spinEnd < 0) {
      Thread.onSpinWait();
    } else if (yields < YIELDS) {
      yields++;
      Thread.yield();
    } else {
      LockSupport.parkNanos(blocker, timed ? Math.min(parkNanos, deadline - now) : parkNanos);
      parkNanos = Math.min(2 * parkNanos, MAX_PARK_NANOS);
    }
    return true;
  }

  /** Whether the current wait has reached its parking phase. */
  boolean isParking() {
    return waiting && yields == YIELDS && System.nanoTime() - spinEnd >= 0;
  }

  /** The length of the next park of the current wait, for tests. */
  long nextParkNanos() {
    return parkNanos;
  }

  private static long spinNanos() {
    if (!MULTI_CPU) {
      return 0;
    }
    return Thread.currentThread().isVirtual() ? VIRTUAL_SPIN_NANOS : SPIN_NANOS;
  }
}
