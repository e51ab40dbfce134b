package dev.sgn4j.concurrent;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for something another thread or process makes true: first it spins, looking
 * again at once (a wake-up of a parked thread costs 20–45 µs on a 2-core machine, an answer often
 * comes sooner), then it may yield a few times, then it parks. Every wait in sgn4j that polls
 * follows one of the two strategies here, with its constants in this one place (the shape of
 * Agrona's {@code BackoffIdleStrategy}):
 *
 * <ul>
 *   <li>{@link #WOKEN} — for waits that another thread of this JVM ends with an unpark (a worker
 *       queue's producer and consumer, the run loop): spin, then park until woken or the deadline.
 *   <li>{@link #POLLING} — for waits that nobody can end with an unpark (the other side is another
 *       process writing shared memory): spin, yield, then park for a microsecond, doubling up to a
 *       millisecond, so an idle waiter costs next to no CPU and notices the other side within a
 *       millisecond.
 * </ul>
 *
 * <p>Spinning lasts {@value #SPIN_NANOS} ns on a platform thread, {@value #VIRTUAL_SPIN_NANOS} ns
 * on a virtual thread (it holds a carrier that others may need), and not at all on a machine with
 * one CPU, where the spinning thread would only keep the other side from running.
 *
 * <pre>{@code
 * IdleStrategy.Wait wait = IdleStrategy.POLLING.newWait(this);
 * while (!ready()) {
 *   if (!wait.pause(deadline, true)) {
 *     return false;                        // deadline passed
 *   }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and shared; a {@link Wait} belongs to one thread at a time.
 */
public final class IdleStrategy {

  /** How long a platform thread spins before it yields or parks. */
  public static final long SPIN_NANOS = 30_000;

  /** How long a virtual thread spins. */
  public static final long VIRTUAL_SPIN_NANOS = 5_000;

  /** How many times a {@link #POLLING} waiter yields after spinning, before it parks. */
  public static final int YIELDS = 8;

  /** The first park of a {@link #POLLING} waiter. */
  public static final long MIN_PARK_NANOS = 1_000;

  /** The longest park of a {@link #POLLING} waiter: how late it may notice the other side. */
  public static final long MAX_PARK_NANOS = 1_000_000;

  private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

  /** Spin, then park until woken (or the deadline). */
  public static final IdleStrategy WOKEN =
      new IdleStrategy(true, 0, Long.MAX_VALUE, Long.MAX_VALUE);

  /** Spin, yield, then park for growing pauses. */
  public static final IdleStrategy POLLING =
      new IdleStrategy(true, YIELDS, MIN_PARK_NANOS, MAX_PARK_NANOS);

  /**
   * Park at once until woken: {@link #WOKEN} without its spinning, for tests of the parking path
   * and for waits known to be long.
   */
  public static final IdleStrategy PARKING =
      new IdleStrategy(false, 0, Long.MAX_VALUE, Long.MAX_VALUE);

  private final boolean spins;
  private final int yields;
  private final long minParkNanos;
  private final long maxParkNanos;

  private IdleStrategy(boolean spins, int yields, long minParkNanos, long maxParkNanos) {
    this.spins = spins;
    this.yields = yields;
    this.minParkNanos = minParkNanos;
    this.maxParkNanos = maxParkNanos;
  }

  /** What a waiter does next. */
  public enum Step {
    /** Look again at once ({@link Thread#onSpinWait()}). */
    SPIN,
    /** Look again after {@link Thread#yield()}. */
    YIELD,
    /** Park for {@link Wait#parkNanos()} (or until woken); a waker must be able to find it. */
    PARK
  }

  /**
   * Starts a wait for the calling thread.
   *
   * @param blocker what the thread waits for, shown by thread dumps while it parks; may be null
   * @return a wait in its spinning phase
   */
  public Wait newWait(Object blocker) {
    return new Wait(this, blocker);
  }

  /** How long the calling thread spins. */
  static long spinNanos() {
    if (!MULTI_CPU) {
      return 0;
    }
    return Thread.currentThread().isVirtual() ? VIRTUAL_SPIN_NANOS : SPIN_NANOS;
  }

  /**
   * One thread's wait under an {@link IdleStrategy}: spin, yield, park. Reused across waits with
   * {@link #reset()}; not thread-safe.
   */
  public static final class Wait {
    private final IdleStrategy strategy;
    private final Object blocker;
    private boolean waiting;
    private long spinEnd;
    private int yielded;
    private long parkNanos;

    Wait(IdleStrategy strategy, Object blocker) {
      this.strategy = strategy;
      this.blocker = blocker;
    }

    /** Forgets the current wait: the next one starts spinning again. */
    public void reset() {
      waiting = false;
    }

    /**
     * The next step of the current wait (starting one if none is under way), moving it along: a
     * caller that gets {@link Step#PARK} parks for {@link #parkNanos()} before asking again.
     *
     * @return spin, yield or park
     */
    public Step next() {
      long now = System.nanoTime();
      if (!waiting) {
        waiting = true;
        spinEnd = strategy.spins ? now + spinNanos() : now;
        yielded = 0;
        parkNanos = strategy.minParkNanos;
      }
      if (now - spinEnd < 0) {
        return Step.SPIN;
      }
      if (yielded < strategy.yields) {
        yielded++;
        return Step.YIELD;
      }
      return Step.PARK;
    }

    /**
     * How long the coming park lasts: for {@link #POLLING} a microsecond, doubling with each park
     * up to a millisecond; for {@link #WOKEN} until woken ({@link Long#MAX_VALUE}).
     *
     * @return nanoseconds
     */
    public long parkNanos() {
      return parkNanos;
    }

    /**
     * Whether the current wait has reached its parking phase.
     *
     * @return true once spinning and yielding are over
     */
    public boolean parking() {
      return waiting && yielded == strategy.yields && System.nanoTime() - spinEnd >= 0;
    }

    /**
     * Pauses once: spins, yields or parks (never past {@code deadline} when {@code timed}),
     * whichever step comes next.
     *
     * @param deadline a {@link System#nanoTime()} value, read only when {@code timed}
     * @param timed whether the deadline counts
     * @return false when timed and the deadline has passed (without pausing), true after a pause
     * @throws InterruptedException when the thread is interrupted (the status is cleared)
     */
    public boolean pause(long deadline, boolean timed) throws InterruptedException {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (timed && System.nanoTime() - deadline >= 0) {
        return false;
      }
      switch (next()) {
        case SPIN -> Thread.onSpinWait();
        case YIELD -> Thread.yield();
        case PARK -> {
          long nanos = parkNanos;
          if (timed) {
            nanos = Math.min(nanos, deadline - System.nanoTime());
          }
          if (nanos == Long.MAX_VALUE) {
            LockSupport.park(blocker);
          } else if (nanos > 0) {
            LockSupport.parkNanos(blocker, nanos);
          }
          parked();
        }
      }
      return true;
    }

    /** Records a park of {@link #parkNanos()}: the next one is twice as long, up to the most. */
    public void parked() {
      if (parkNanos != Long.MAX_VALUE) {
        parkNanos = Math.min(2 * parkNanos, strategy.maxParkNanos);
      }
    }
  }
}
