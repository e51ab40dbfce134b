package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;

/**
 * One worker started by a {@link WorkerLauncher}, as the parallel element sees it: two queues and
 * the verbs to end it. Implementations report the worker's end through {@link
 * LaunchRequest#onEnd()}.
 *
 * <pre>{@code
 * worker.input().offer(frame);          // run thread: hand over an iteration
 * Object out = worker.output().poll();  // run thread: take a result
 * worker.shutdown();                    // finish what is queued, then end
 * }</pre>
 */
public interface LaunchedWorker {

  /**
   * The queue to the worker; the run thread is its only producer.
   *
   * @return the input queue
   */
  WorkerQueue<Object> input();

  /**
   * The queue from the worker; the run thread is its only consumer.
   *
   * @return the output queue
   */
  WorkerQueue<Object> output();

  /** Starts the worker. */
  void start();

  /** Graceful end: the worker finishes what is queued and ends; its input takes no more. */
  void shutdown();

  /**
   * Immediate end: the worker is told to stop, its queues close, and it is interrupted or killed.
   */
  void stop();

  /**
   * Waits for the worker to end.
   *
   * @param timeout the longest wait
   * @return true when it ended
   * @throws InterruptedException when interrupted while waiting
   */
  boolean join(Duration timeout) throws InterruptedException;

  /**
   * Whether the worker ended; everything it put on its output before ending is visible then. It
   * turns true only after {@link LaunchRequest#onEnd()} was called (so a failure is reported before
   * anyone sees the worker gone), and the launcher calls {@link LaunchRequest#wakeUp()} again after
   * it turned true.
   *
   * @return true once ended
   */
  boolean hasEnded();

  /**
   * Whether the launcher calls {@link LaunchRequest#wakeUp()} whenever the worker's queues change.
   * When it cannot (another process writes to shared memory), the run loop polls with growing
   * pauses instead of waiting for a wake-up.
   *
   * @return true when changes wake the run loop
   */
  default boolean wakesRunLoop() {
    return true;
  }

  /**
   * A name for messages: the thread's name, or the process id.
   *
   * @return the description
   */
  String describe();

  /**
   * The time the worker spent in user code so far (its function or {@link WorkerLogic}), when the
   * launcher measures it.
   *
   * @return nanoseconds, or -1 when not measured
   */
  default long busyNanos() {
    return -1;
  }

  /**
   * How long ago a worker in another process last showed its JVM is alive (its heartbeat), for
   * telling a busy worker from a hung or frozen one in the element's statistics.
   *
   * @return milliseconds, or -1 where there is no heartbeat (thread workers, or before the first)
   */
  default long heartbeatAgeMillis() {
    return -1;
  }

  /** Releases what the worker held (shared files); called once, after it ended or was stopped. */
  default void close() {}
}
