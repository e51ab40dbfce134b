package dev.sgn4j.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the requests being answered, so that closing the server can wait for them with a deadline.
 * Thread-safe.
 */
final class InFlight {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int answering;

  /** A request is being answered; pair with {@link #end()} in a {@code finally}. */
  void begin() {
    lock.lock();
    try {
      answering++;
    } finally {
      lock.unlock();
    }
  }

  /** A request is answered. */
  void end() {
    lock.lock();
    try {
      if (--answering == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no request is being answered, or the time is up.
   *
   * @return true when none is
   * @throws InterruptedException when interrupted while waiting
   */
  boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (answering > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
