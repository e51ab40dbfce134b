package dev.sgn4j.sharedtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sgn4j.testsupport.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs queue calls on threads of their own for the queue tests, and makes sure none outlives its
 * test: {@link #close()} interrupts what is still running and joins every thread with a deadline.
 * Nothing here sleeps: waits are on the thread (its state, its result, its end) with deadlines.
 */
public final class QueueTestThreads implements AutoCloseable {

  /** How long any single wait in a test may take before the test fails. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  /** How many samples in a row {@link Call#awaitIdle()} wants parked. */
  public static final int IDLE_SAMPLES = 10;

  /** The least time between two samples of {@link Call#awaitIdle()}. */
  public static final long IDLE_SAMPLE_GAP_NANOS = 20_000;

  private final List<Call<?>> calls = new ArrayList<>();

  /** A call running on its own thread. */
  public static final class Call<V> {
    private final Thread thread;
    private final CompletableFuture<V> result;

    private Call(Thread thread, CompletableFuture<V> result) {
      this.thread = thread;
      this.result = result;
    }

    public Thread thread() {
      return thread;
    }

    /**
     * Waits until the thread is parked (WAITING or TIMED_WAITING with a park blocker), which a
     * spinning thread never is; fails after the deadline.
     */
    public Call<V> awaitParked() {
      Await.until(
          thread + " to park",
          () -> {
            Thread.State state = thread.getState();
            boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
            if (waiting && LockSupport.getBlocker(thread) != null) {
              return true;
            }
            if (state == Thread.State.TERMINATED || result.isDone()) {
              fail("expected " + thread + " to park, but it ended with " + describe());
            }
            return false;
          },
          DEADLINE);
      return this;
    }

    /**
     * Waits until the thread stays parked with a timeout (TIMED_WAITING with a park blocker) in
     * {@value #IDLE_SAMPLES} samples in a row, taken at least {@value #IDLE_SAMPLE_GAP_NANOS} ns
     * apart: a waiter that has backed off to long parks passes; one that spins or yields never
     * does. Fails after the deadline.
     */
    public Call<V> awaitIdle() {
      int[] streak = {0};
      long[] next = {System.nanoTime()};
      try {
        Await.until(
            thread + " to stay parked",
            () -> {
              if (state(thread) == Thread.State.TERMINATED || result.isDone()) {
                fail("expected " + thread + " to idle, but it ended with " + describe());
              }
              long now = System.nanoTime();
              if (now - next[0] < 0) {
                return false;
              }
              next[0] = now + IDLE_SAMPLE_GAP_NANOS;
              boolean parked =
                  thread.getState() == Thread.State.TIMED_WAITING
                      && LockSupport.getBlocker(thread) != null;
              streak[0] = parked ? streak[0] + 1 : 0;
              return streak[0] >= IDLE_SAMPLES;
            },
            DEADLINE);
      } catch (AssertionError e) {
        if (e.getMessage() != null
            && e.getMessage().startsWith("expected " + thread + " to stay")) {
          fail(e.getMessage() + ": " + dump(thread));
        }
        throw e;
      }
      return this;
    }

    private static Thread.State state(Thread thread) {
      return thread.getState();
    }

    /** The call's result, waiting for it up to the deadline; fails if it threw. */
    public V result() throws InterruptedException {
      try {
        return result.get(DEADLINE.toNanos(), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw new AssertionError(
            "expected a result from " + thread + " but it threw", e.getCause());
      } catch (TimeoutException e) {
        throw new AssertionError(
            "did not finish within " + DEADLINE + ": " + QueueTestThreads.dump(thread));
      }
    }

    /** What the call threw, waiting for it up to the deadline; fails if it returned. */
    public Throwable thrown() throws InterruptedException {
      try {
        V value = result.get(DEADLINE.toNanos(), TimeUnit.NANOSECONDS);
        throw new AssertionError("expected " + thread + " to throw but it returned " + value);
      } catch (ExecutionException e) {
        return e.getCause();
      } catch (TimeoutException e) {
        throw new AssertionError(
            "did not finish within " + DEADLINE + ": " + QueueTestThreads.dump(thread));
      }
    }

    /**
     * The call's result, waiting as long as {@code progress} keeps changing: fails only when it
     * stays the same for {@link #DEADLINE} (a hang, not a slow machine), with {@code context} and
     * the stacks of the test's threads in the message.
     */
    public V resultWhileProgressing(LongSupplier progress, Supplier<String> context)
        throws InterruptedException {
      long last = progress.getAsLong();
      long lastChange = System.nanoTime();
      while (true) {
        try {
          return result.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          throw new AssertionError(
              "expected a result from " + thread + " but it threw", e.getCause());
        } catch (TimeoutException e) {
          long now = progress.getAsLong();
          if (now != last) {
            last = now;
            lastChange = System.nanoTime();
          } else if (System.nanoTime() - lastChange > DEADLINE.toNanos()) {
            throw new AssertionError(
                "no progress for " + DEADLINE + " (at " + last + "): " + context.get());
          }
        }
      }
    }

    private String describe() {
      try {
        return String.valueOf(result.getNow(null));
      } catch (RuntimeException e) {
        return e.getCause() != null ? e.getCause().toString() : e.toString();
      }
    }
  }

  /** Each running call's thread: name, state, park blocker and stack. */
  public String dump() {
    StringBuilder out = new StringBuilder();
    for (Call<?> call : calls) {
      if (!call.result.isDone()) {
        out.append(dump(call.thread));
      }
    }
    return out.toString();
  }

  private static String dump(Thread thread) {
    StringBuilder out = new StringBuilder();
    out.append('\n')
        .append(thread)
        .append(' ')
        .append(thread.getState())
        .append(" blocker=")
        .append(LockSupport.getBlocker(thread));
    for (StackTraceElement frame : thread.getStackTrace()) {
      out.append("\n    at ").append(frame);
    }
    return out.toString();
  }

  /** Starts {@code body} on a new platform thread. */
  public <V> Call<V> start(String name, Callable<V> body) {
    return start(Thread.ofPlatform().name(name).daemon(true), body);
  }

  /** Starts {@code body} on a new virtual thread. */
  public <V> Call<V> startVirtual(String name, Callable<V> body) {
    return start(Thread.ofVirtual().name(name), body);
  }

  private <V> Call<V> start(Thread.Builder builder, Callable<V> body) {
    CompletableFuture<V> result = new CompletableFuture<>();
    Thread thread =
        builder.unstarted(
            () -> {
              try {
                result.complete(body.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    Call<V> call = new Call<>(thread, result);
    calls.add(call);
    thread.start();
    return call;
  }

  /**
   * Interrupts the calls still running, joins every thread, and fails if a call was still running
   * or a thread does not end.
   */
  @Override
  public void close() throws InterruptedException {
    List<Thread> running = new ArrayList<>();
    for (Call<?> call : calls) {
      if (!call.result.isDone()) {
        call.thread.interrupt();
        running.add(call.thread);
      }
    }
    for (Call<?> call : calls) {
      assertThat(call.thread.join(DEADLINE)).as("%s ended", call.thread).isTrue();
    }
    calls.clear();
    assertThat(running).as("calls still running at the end of the test").isEmpty();
  }
}
