package dev.sgn4j;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The state of one active run, shared by the run loop, the elements and the threads that work for
 * them. Elements reach it through {@link Element#runContext()} between {@code start()} and {@code
 * stop()}.
 *
 * <p>It is how other threads talk to the run loop, which parks when no pad can make progress:
 * {@link #wakeUp()} after making something ready (a worker produced a frame or freed room in a
 * queue), {@link #fail(PipelineException)} to fail the run from any thread, {@link #requestStop()}
 * to drain and {@link #abort(String)} to end now.
 *
 * <pre>{@code
 * // on a worker thread, after putting a result where readyToProduce() will see it:
 * context.wakeUp();
 * }</pre>
 *
 * <p>All methods are thread-safe.
 */
public final class RunContext {

  private final Pipeline pipeline;
  private volatile List<RunScope> scopes = List.of();

  /** The thread parked waiting for a wake-up (see {@link #beginWaiting()}). */
  private volatile Thread waiter;

  /** What an executor does on a wake-up besides unparking the waiter; null for nothing. */
  private volatile Runnable waker;

  private final AtomicReference<PipelineException> failure = new AtomicReference<>();
  private volatile boolean stopRequested;
  private volatile String abortReason;
  private volatile boolean waiting;
  private volatile boolean failed;
  private volatile boolean polling;

  /**
   * How close a repeat of the first signal must follow it to be the same signal delivered twice:
   * far shorter than anyone presses Ctrl+C twice.
   */
  static final long DUPLICATE_SIGNAL_NANOS = 50_000_000L;

  private final java.util.concurrent.locks.ReentrantLock signalLock =
      new java.util.concurrent.locks.ReentrantLock();
  private String firstSignal;
  private long firstSignalNanos;
  private boolean secondSignal;
  private int signalsReceived;

  /** Released by a drain, an abort or a failure: what {@link #awaitStop(Duration)} waits for. */
  private final CountDownLatch stopping = new CountDownLatch(1);

  /** Released by an abort or a failure: what {@link #awaitAbort(Duration)} waits for. */
  private final CountDownLatch ending = new CountDownLatch(1);

  /** Told, once, when the run starts to drain; null for none. */
  private final Consumer<String> drainListener;

  private final java.util.concurrent.atomic.AtomicBoolean drainStarted =
      new java.util.concurrent.atomic.AtomicBoolean();

  RunContext(Pipeline pipeline, Consumer<String> drainListener) {
    this.pipeline = pipeline;
    this.drainListener = drainListener;
  }

  /** The scopes the run happens inside of; set before any element starts. */
  void attach(List<RunScope> runScopes) {
    this.scopes = List.copyOf(runScopes);
  }

  /**
   * The running pipeline.
   *
   * @return the pipeline
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * The scope of this type the run happens inside of.
   *
   * @param type the scope class, e.g. {@code Parallelize.class}
   * @param <T> the scope type
   * @return the scope, empty when the run was not opened in one
   */
  public <T extends RunScope> Optional<T> scope(Class<T> type) {
    for (RunScope scope : scopes) {
      if (type.isInstance(scope)) {
        return Optional.of(type.cast(scope));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the run should drain: sources send EOS from now on.
   *
   * @return true after {@link #requestStop()} or a first signal
   */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Asks the run to drain: every source's frames carry EOS from the next one on. */
  public void requestStop() {
    requestStop("a stop was asked for");
  }

  /** {@link #requestStop()}, saying why (for the message of a drain that does not end in time). */
  void requestStop(String reason) {
    stopRequested = true;
    stopping.countDown();
    wakeUp();
    if (drainStarted.compareAndSet(false, true) && drainListener != null) {
      drainListener.accept(reason);
    }
  }

  /**
   * Waits until the run is asked to drain, abort or fail, or until {@code timeout} has passed: a
   * pause for sources that pace themselves and should not hold up a stop (such as a {@code wait}
   * before each frame).
   *
   * <pre>{@code
   * if (runContext().awaitStop(Duration.ofSeconds(2))) {
   *   return Frame.eos();   // stopped while pausing
   * }
   * }</pre>
   *
   * @param timeout the longest pause
   * @return true when the run is stopping (also when it already was), false after a full pause
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopping.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Waits until the run is aborted or failed, or until {@code timeout} has passed; unlike {@link
   * #awaitStop(Duration)} a drain does not end the pause. For sources that keep pacing themselves
   * while the run drains, but must not hold up an abort.
   *
   * @param timeout the longest pause
   * @return true when the run is ending at once, false after a full pause
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitAbort(Duration timeout) throws InterruptedException {
    return ending.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Ends the run at once: it throws {@link RunAbortedException} after stopping every element.
   *
   * @param reason why, for the exception message
   */
  public void abort(String reason) {
    if (abortReason == null) {
      abortReason = Objects.requireNonNull(reason, "reason");
    }
    stopRequested = true;
    stopping.countDown();
    ending.countDown();
    wakeUp();
  }

  /**
   * Whether {@link #abort(String)} was called.
   *
   * @return true once aborted
   */
  public boolean abortRequested() {
    return abortReason != null;
  }

  /**
   * Fails the run from any thread: the run loop throws {@code failure} at its next step. The first
   * failure wins; later ones are added to it as suppressed exceptions.
   *
   * @param failure the exception the run should end with
   */
  public void fail(PipelineException failure) {
    Objects.requireNonNull(failure, "failure");
    if (!this.failure.compareAndSet(null, failure) && this.failure.get() != failure) {
      this.failure.get().addSuppressed(failure);
    }
    stopping.countDown();
    ending.countDown();
    wakeUp();
  }

  /**
   * Tells the run loop that some element becomes ready without anyone calling {@link #wakeUp()}
   * (for example, a worker in another process writing to shared memory): when nothing can run, the
   * loop then looks again after short pauses that grow from a microsecond to a millisecond, instead
   * of waiting for a wake-up.
   */
  public void requirePolling() {
    polling = true;
  }

  boolean polling() {
    return polling;
  }

  /**
   * Wakes the run loop if it is parked waiting for an asynchronous element to become ready. Cheap
   * when it is not parked; call it after every change another thread makes to such readiness.
   */
  public void wakeUp() {
    Runnable onWakeUp = waker;
    if (onWakeUp != null) {
      onWakeUp.run();
    }
    if (waiting) {
      LockSupport.unpark(waiter);
    }
  }

  /** Sets what {@link #wakeUp()} runs besides unparking the waiter (null for nothing). */
  void waker(Runnable onWakeUp) {
    this.waker = onWakeUp;
  }

  /**
   * A signal arrived while this run is active: the first drains it, any later one aborts it. The
   * same signal delivered again within {@link #DUPLICATE_SIGNAL_NANOS} is one signal delivered
   * twice (GNU {@code timeout} sends SIGTERM to its child and to the child's process group), not a
   * second request.
   *
   * @param name the signal, e.g. {@code SIGINT}
   */
  void signal(String name) {
    long now = System.nanoTime();
    boolean second;
    signalLock.lock();
    try {
      signalsReceived++;
      if (firstSignal == null) {
        firstSignal = name;
        firstSignalNanos = now;
      } else if (name.equals(firstSignal)
          && now - firstSignalNanos < DUPLICATE_SIGNAL_NANOS
          && !secondSignal) {
        System.getLogger("sgn.pipeline")
            .log(System.Logger.Level.DEBUG, "{0} delivered twice: counted once", name);
        return;
      } else {
        secondSignal = true;
      }
      second = secondSignal;
    } finally {
      signalLock.unlock();
    }
    if (!second) {
      System.getLogger("sgn.pipeline")
          .log(
              System.Logger.Level.WARNING,
              "{0} received: sources send EOS and the pipeline drains; send it again to abort",
              name);
      requestStop(name + " received");
    } else {
      abort("second signal (" + name + ")");
    }
  }

  /** When the first signal reached this run ({@link System#nanoTime()}); for tests. */
  long firstSignalNanos() {
    signalLock.lock();
    try {
      return firstSignalNanos;
    } finally {
      signalLock.unlock();
    }
  }

  /** How many signals reached this run, duplicates included. */
  int signalsReceived() {
    signalLock.lock();
    try {
      return signalsReceived;
    } finally {
      signalLock.unlock();
    }
  }

  /**
   * Whether the run is ending because of a failure or an abort, rather than because every sink is
   * at EOS: {@code stop()} hooks read it to stop workers at once instead of letting them finish.
   *
   * @return true when the run failed or was aborted
   */
  public boolean failed() {
    return failed || failure.get() != null || abortReason != null;
  }

  void markFailed() {
    failed = true;
  }

  /** Throws the pending failure or abort, if any. Called by the run loop. */
  void checkpoint(long iteration) {
    checkFailure();
    String reason = abortReason;
    if (reason != null) {
      throw new RunAbortedException(reason, iteration);
    }
  }

  /** Throws the pending failure, if any. */
  void checkFailure() {
    PipelineException pending = failure.get();
    if (pending != null) {
      throw pending;
    }
  }

  /**
   * Marks the calling thread as about to park; wake-ups from now on unpark it. The caller then
   * looks at the queues once more before it parks: a full fence keeps those reads from moving above
   * the store of the mark, so either the waker sees the mark or the caller sees the waker's frame
   * (without it, the JMM lets a plain or acquire read pass a volatile store).
   */
  void beginWaiting() {
    waiter = Thread.currentThread();
    waiting = true;
    VarHandle.fullFence();
  }

  /** Parks the run loop until {@link #wakeUp()} or the deadline, then clears the mark. */
  void park(long nanos) {
    try {
      if (failure.get() == null && abortReason == null) {
        LockSupport.parkNanos(this, nanos);
      }
    } finally {
      waiting = false;
    }
  }

  void endWaiting() {
    waiting = false;
  }
}
