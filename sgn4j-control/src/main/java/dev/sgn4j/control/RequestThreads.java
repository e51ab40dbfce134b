package dev.sgn4j.control;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The two daemon threads that answer a server's requests, named {@code sgn-control-<port>-<n>},
 * with a bounded queue: when 64 requests wait, the next connection is closed (the JDK server's
 * answer to a rejected exchange). {@link #stop} ends them and joins them.
 */
final class RequestThreads {

  private static final int THREADS = 2;
  private static final int QUEUED_REQUESTS = 64;

  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor executor;

  RequestThreads(int port) {
    executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            task -> {
              Thread thread = new Thread(task, "sgn-control-" + port + "-" + (started.size() + 1));
              thread.setDaemon(true);
              started.add(thread);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  Executor executor() {
    return executor;
  }

  /**
   * Lets queued requests run, then interrupts what is still running after half the deadline, and
   * waits for every thread to end, up to the deadline.
   *
   * @return true when every thread ended
   * @throws InterruptedException when interrupted while waiting (the threads are interrupted too)
   */
  boolean stop(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(unit.toNanos(timeout) / 2, TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
      }
      for (Thread thread : started) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      throw e;
    }
    return started.stream().noneMatch(Thread::isAlive);
  }
}
