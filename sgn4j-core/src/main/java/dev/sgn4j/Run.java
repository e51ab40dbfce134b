package dev.sgn4j;

import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.RunStats;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run of a {@link Pipeline}: the handle {@link Pipeline#start()} returns, to stop it, wait for
 * it and read its figures. {@link Pipeline#run()} is {@code start().await()} done on the calling
 * thread.
 *
 * <pre>{@code
 * Run run = pipeline.start();
 * ...
 * run.stop();                                   // drain: sources send EOS, the graph finishes
 * if (!run.await(Duration.ofSeconds(10))) {
 *   run.abort();                                // or end it at once
 * }
 * System.out.println(run.state() + " after " + run.stats().iterations() + " iterations");
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #abort()} are never lost: the run exists, with its stop and abort
 * flags, before anything of it starts, so a stop asked for while the graph is still being checked
 * or its elements started takes effect at the first frame. All methods are thread-safe.
 */
public final class Run {

  private final Pipeline pipeline;
  private final String id;
  private final RunContext context;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final long created = System.nanoTime();

  private volatile RunState state = RunState.STARTING;
  private volatile Throwable failure;
  private volatile long endedNanos;
  private volatile LongSupplier iterations = () -> 0;
  private volatile Supplier<List<ElementStats>> elements = List::of;

  /** The thread opening this run's scopes, which may then run it with {@code runIn}; or null. */
  private volatile Thread scopeOpener;

  private volatile boolean executing;

  private final RunOptions options;

  /** The executor chosen with {@link Pipeline#start(RunOptions, Executor)}, or null. */
  volatile Executor executor;

  Run(Pipeline pipeline, String id, RunOptions options) {
    this.pipeline = pipeline;
    this.id = id;
    this.options = Objects.requireNonNull(options, "options");
    this.context = new RunContext(pipeline, this::drainStarted);
  }

  /**
   * The options the run was started with.
   *
   * @return the options
   */
  public RunOptions options() {
    return options;
  }

  /**
   * The run's name: the pipeline's, then the run's number, e.g. {@code Pipeline@1b6d3586#2}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The pipeline being run.
   *
   * @return the pipeline
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Where the run is: {@link RunState#DRAINING} while a stop is under way, a final state once it
   * ended.
   *
   * @return the state
   */
  public RunState state() {
    RunState current = state;
    if (!current.isFinal() && context.stopRequested() && !context.abortRequested()) {
      return RunState.DRAINING;
    }
    return current;
  }

  /**
   * Whether the run ended (in any final state).
   *
   * @return true once ended
   */
  public boolean isDone() {
    return ended.getCount() == 0;
  }

  /**
   * Drains the run: from the next frame on, every source's frames carry EOS, so the graph finishes
   * the frames in flight and ends ({@link RunState#STOPPED}). Does nothing once the run ended.
   */
  public void stop() {
    context.requestStop("Run.stop() was called");
  }

  /**
   * Ends the run at once: frames in flight are dropped, every started element is stopped, and the
   * run ends with a {@link RunAbortedException}. Does nothing once the run ended.
   */
  public void abort() {
    context.abort("Run.abort() was called");
  }

  /**
   * Waits until the run ended, and throws what it ended with.
   *
   * @throws InterruptedException when the waiting thread is interrupted (the run goes on)
   * @throws PipelineException when an element failed
   * @throws RunAbortedException when the run was aborted
   */
  public void await() throws InterruptedException {
    ended.await();
    rethrow();
  }

  /**
   * Waits until the run ended or {@code timeout} passed, and throws what the run ended with.
   *
   * @param timeout the longest wait
   * @return true when the run ended, false when it is still going after {@code timeout}
   * @throws InterruptedException when the waiting thread is interrupted (the run goes on)
   * @throws PipelineException when an element failed
   * @throws RunAbortedException when the run was aborted
   */
  public boolean await(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    rethrow();
    return true;
  }

  /**
   * What the run ended with, without waiting or throwing: the {@link PipelineException} of a failed
   * run or the {@link RunAbortedException} of an aborted one.
   *
   * <pre>{@code
   * run.failure().ifPresent(e -> log.warn("run " + run.id() + " failed", e));
   * }</pre>
   *
   * @return the exception; empty while the run goes and when it completed or stopped
   */
  public java.util.Optional<Throwable> failure() {
    return java.util.Optional.ofNullable(failure);
  }

  /**
   * Counts and timings so far, per element and pad (see {@link RunStats}); the final figures once
   * the run ended. During the run the figures may lag a little.
   *
   * @return a snapshot
   */
  public RunStats stats() {
    long end = endedNanos;
    boolean active = end == 0;
    long elapsed = (active ? System.nanoTime() : end) - created;
    return new RunStats(iterations.getAsLong(), Duration.ofNanos(elapsed), active, elements.get());
  }

  /** When the run was created, in {@link System#nanoTime()}'s terms. */
  long createdNanos() {
    return created;
  }

  /** The run's context, which its elements see. */
  RunContext context() {
    return context;
  }

  @Override
  public String toString() {
    return "Run " + id + " (" + state() + ")";
  }

  /** Runs {@code body} on this thread, then settles the final state from how it ended. */
  void runHere(Runnable body) {
    try {
      body.run();
      finish(context.stopRequested() ? RunState.STOPPED : RunState.COMPLETED, null);
    } catch (RunAbortedException e) {
      finish(RunState.ABORTED, e);
      throw e;
    } catch (RuntimeException | Error e) {
      finish(RunState.FAILED, e);
      throw e;
    }
  }

  private void finish(RunState last, Throwable thrown) {
    failure = thrown;
    endedNanos = System.nanoTime();
    state = last;
    pipeline.release(this);
    ended.countDown();
  }

  private void rethrow() {
    Throwable thrown = failure;
    if (thrown instanceof RuntimeException e) {
      throw e;
    }
    if (thrown instanceof Error e) {
      throw e;
    }
  }

  /** Marks the thread that opens this run's scopes: its {@code runIn} call runs this run. */
  void openingScopesOn(Thread thread) {
    scopeOpener = thread;
  }

  /** Whether {@code thread} is opening this run's scopes and the run has not begun executing. */
  boolean awaitsScopes(Thread thread) {
    return scopeOpener == thread && !executing;
  }

  boolean executing() {
    return executing;
  }

  /** The executor begins: the scopes are known, elements may find them from now on. */
  void beginExecution(List<RunScope> scopes) {
    executing = true;
    context.attach(scopes);
    options
        .timeLimit()
        .ifPresent(
            limit ->
                afterUnlessEnded(
                    limit, () -> context.requestStop("the time limit of " + limit + " passed")));
  }

  /** A drain began: a drain deadline, when set, aborts the run if it has not ended in time. */
  private void drainStarted(String reason) {
    options
        .drainLimit()
        .ifPresent(
            deadline ->
                afterUnlessEnded(
                    deadline,
                    () ->
                        context.abort(
                            "the drain (%s) did not end the run within %s"
                                .formatted(reason, deadline))));
  }

  /**
   * Runs {@code action} once {@code delay} has passed, unless the run ended before: on a virtual
   * thread that waits for the run's end with that deadline, so nothing polls and nothing is left
   * behind.
   */
  private void afterUnlessEnded(Duration delay, Runnable action) {
    Thread.ofVirtual()
        .name("sgn-run-limit-" + id)
        .start(
            () -> {
              try {
                if (!ended.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                  action.run();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  /** Every element started: iterations run. */
  void running() {
    if (state == RunState.STARTING) {
      state = RunState.RUNNING;
    }
  }

  void publishStats(LongSupplier iterations, Supplier<List<ElementStats>> elements) {
    this.iterations = Objects.requireNonNull(iterations, "iterations");
    this.elements = Objects.requireNonNull(elements, "elements");
  }
}
