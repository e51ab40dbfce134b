package dev.sgn4j.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one pipelined run: a fixed number of platform threads taking element tasks from
 * one queue. A thread with nothing to do spins briefly, then parks until a task is submitted; the
 * pool is shut down and its threads joined when the run ends, so none outlives it.
 *
 * <p>Submitting never blocks: the task goes on the queue and, when some thread is parked, one is
 * unparked. A thread announces that it parks before it looks at the queue a last time, and a
 * submitter looks at the announcements after queueing, so a task never waits while a thread sleeps.
 */
final class TaskPool {

  /** Spin-waits between two looks at the queue. */
  private static final int SPINS = 16;

  /**
   * How long a thread with nothing to do keeps looking before it parks: an unpark costs tens of
   * microseconds, and in a busy run the next task usually comes sooner.
   */
  private static final long SPIN_NANOS = dev.sgn4j.concurrent.IdleStrategy.SPIN_NANOS;

  private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

  /** The longest park, a safety net: submissions unpark sooner. */
  private static final long PARK_NANOS = 100_000_000L;

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();
  private final AtomicInteger parkedCount = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean shutdown;

  /** What a task threw that it did not handle itself; the run's failure handler. */
  private final java.util.function.Consumer<Throwable> uncaught;

  /**
   * Starts {@code size} threads named {@code <name>-<i>}.
   *
   * @param uncaught called with anything a task throws
   */
  TaskPool(String name, int size, java.util.function.Consumer<Throwable> uncaught) {
    this.uncaught = uncaught;
    for (int i = 0; i < size; i++) {
      Thread thread = Thread.ofPlatform().name(name + "-" + i).daemon(true).unstarted(this::work);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  /** Queues a task to run on one of the threads. */
  void submit(Runnable task) {
    queue.offer(task);
    if (parkedCount.get() > 0) {
      Thread sleeper = parked.poll();
      if (sleeper != null) {
        LockSupport.unpark(sleeper);
      }
    }
  }

  private void work() {
    Thread self = Thread.currentThread();
    while (!shutdown) {
      Runnable task = queue.poll();
      if (task == null) {
        task = awaitTask(self);
        if (task == null) {
          continue;
        }
      }
      try {
        task.run();
      } catch (Throwable t) {
        uncaught.accept(t);
      }
    }
  }

  /** Spins, then parks until a task comes or the pool shuts down; null when it found none. */
  private Runnable awaitTask(Thread self) {
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    do {
      for (int i = 0; i < SPINS; i++) {
        Thread.onSpinWait();
      }
      Runnable task = queue.poll();
      if (task != null) {
        return task;
      }
    } while (MULTI_CPU && System.nanoTime() < spinUntil && !shutdown);
    parked.offer(self);
    parkedCount.incrementAndGet();
    try {
      Runnable task = queue.poll();
      if (task != null || shutdown) {
        return task;
      }
      LockSupport.parkNanos(this, PARK_NANOS);
      return null;
    } finally {
      parkedCount.decrementAndGet();
      parked.remove(self);
    }
  }

  /**
   * Stops the threads once each finished its current task, and waits for them to end.
   *
   * @param timeout how long to wait
   * @return the threads still alive after it (stuck in an element's call)
   */
  List<Thread> shutdown(Duration timeout) throws InterruptedException {
    shutdown = true;
    threads.forEach(LockSupport::unpark);
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Thread> alive = new ArrayList<>();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        thread.join(Duration.ofNanos(left));
      }
      if (thread.isAlive()) {
        alive.add(thread);
      }
    }
    return alive;
  }

  /** The pool's threads. */
  List<Thread> threads() {
    return List.copyOf(threads);
  }
}
