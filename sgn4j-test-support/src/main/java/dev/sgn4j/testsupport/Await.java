package dev.sgn4j.testsupport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread makes true, with a deadline, parking between looks so that
 * the test leaves the CPU to the code it tests (on a 2-core machine a spinning test halves the
 * speed of what it waits for). The pauses grow from a microsecond to a millisecond.
 *
 * <pre>{@code
 * Await.until("the run is stopping", () -> context.stopRequested());
 * }</pre>
 */
public final class Await {

  /** The deadline of {@link #until(String, BooleanSupplier)}. */
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final long LONGEST_PAUSE_NANOS = 1_000_000L;

  private Await() {}

  /**
   * Returns once {@code condition} holds; fails after {@link #DEADLINE}.
   *
   * @param what what is awaited, for the failure message ("the worker ended")
   * @param condition asked until it is true
   * @throws AssertionError naming {@code what} after the deadline
   */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, DEADLINE);
  }

  /**
   * Returns once {@code condition} holds; fails after {@code deadline}.
   *
   * @param what what is awaited, for the failure message
   * @param condition asked until it is true
   * @param deadline the longest wait
   * @throws AssertionError naming {@code what} after the deadline
   */
  public static void until(String what, BooleanSupplier condition, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    long pause = 1_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("expected " + what + " within " + deadline);
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }
}
