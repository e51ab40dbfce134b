package dev.sgn4j;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a run goes: which {@link Scheduler} executes it (and with how many threads and how much room
 * between elements), limits after which it drains, and how long a drain may take before the run is
 * aborted. Immutable; each setting returns a new value.
 *
 * <pre>{@code
 * pipeline.start(
 *         RunOptions.defaults()
 *             .maxIterations(1_000)                   // frames of iteration 1000 carry EOS
 *             .maxDuration(Duration.ofMinutes(10))    // or drain after ten minutes
 *             .drainDeadline(Duration.ofSeconds(5)))  // abort a drain that takes longer
 *     .await();
 * }</pre>
 *
 * <p>A limit drains the run as {@link Run#stop()} does: sources send EOS from then on and the graph
 * finishes what is in flight ({@link RunState#STOPPED}). The drain deadline applies to every drain,
 * however it started (a limit, {@code stop()}, a signal): when the run has not ended that long
 * after the drain began, it is aborted with a {@link RunAbortedException} saying so.
 */
public final class RunOptions {

  /** The most threads a pipelined run may use. */
  public static final int MAX_THREADS = 32_767;

  /** The most frames a link between two elements may hold in a pipelined run. */
  public static final int MAX_LINK_CAPACITY = 1 << 20;

  /** How many EOS frames an element takes on every input before a run calls it stuck. */
  public static final long DEFAULT_STUCK_AFTER = 1_000;

  private static final RunOptions DEFAULTS =
      new RunOptions(0, null, null, null, 0, 0, DEFAULT_STUCK_AFTER, false);

  private final long maxIterations;
  private final Duration maxDuration;
  private final Duration drainDeadline;
  private final Scheduler scheduler;
  private final int threads;
  private final int linkCapacity;
  private final long stuckAfter;
  private final boolean failWhenStuck;

  private RunOptions(
      long maxIterations,
      Duration maxDuration,
      Duration drainDeadline,
      Scheduler scheduler,
      int threads,
      int linkCapacity,
      long stuckAfter,
      boolean failWhenStuck) {
    this.maxIterations = maxIterations;
    this.maxDuration = maxDuration;
    this.drainDeadline = drainDeadline;
    this.scheduler = scheduler;
    this.threads = threads;
    this.linkCapacity = linkCapacity;
    this.stuckAfter = stuckAfter;
    this.failWhenStuck = failWhenStuck;
  }

  /**
   * No limits, no drain deadline, the pipeline's {@linkplain Pipeline#scheduler(Scheduler)
   * scheduler}: what {@link Pipeline#run()} and {@link Pipeline#start()} use.
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Drains the run at iteration {@code iterations}: every source's frame of that iteration (and
   * after) carries EOS, so with sinks that follow EOS the run ends after it.
   *
   * @param iterations at least 1
   * @return new options
   * @throws IllegalArgumentException when {@code iterations} is less than 1
   */
  public RunOptions maxIterations(long iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "maxIterations must be at least 1 (the iteration whose frames carry EOS), got "
              + iterations);
    }
    return new RunOptions(
        iterations,
        maxDuration,
        drainDeadline,
        scheduler,
        threads,
        linkCapacity,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * Drains the run once it has gone on for {@code duration}.
   *
   * @param duration positive
   * @return new options
   * @throws IllegalArgumentException when {@code duration} is zero or negative
   */
  public RunOptions maxDuration(Duration duration) {
    return new RunOptions(
        maxIterations,
        positive("maxDuration", duration),
        drainDeadline,
        scheduler,
        threads,
        linkCapacity,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * Aborts a drain that has not ended the run within {@code deadline}.
   *
   * @param deadline positive
   * @return new options
   * @throws IllegalArgumentException when {@code deadline} is zero or negative
   */
  public RunOptions drainDeadline(Duration deadline) {
    return new RunOptions(
        maxIterations,
        maxDuration,
        positive("drainDeadline", deadline),
        scheduler,
        threads,
        linkCapacity,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * Runs with this scheduler instead of the pipeline's.
   *
   * @param scheduler the scheduler
   * @return new options
   */
  public RunOptions scheduler(Scheduler scheduler) {
    Objects.requireNonNull(scheduler, "scheduler must not be null");
    return new RunOptions(
        maxIterations,
        maxDuration,
        drainDeadline,
        scheduler,
        threads,
        linkCapacity,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * The threads of a {@linkplain Scheduler#PIPELINED pipelined} run's pool: at most this many
   * elements run at the same time. The default is one per available processor; a run never uses
   * more threads than it has elements.
   *
   * @param count 1 to {@value #MAX_THREADS}
   * @return new options
   * @throws IllegalArgumentException when {@code count} is out of range
   */
  public RunOptions threads(int count) {
    if (count < 1 || count > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be between 1 and " + MAX_THREADS + ", got " + count);
    }
    return new RunOptions(
        maxIterations,
        maxDuration,
        drainDeadline,
        scheduler,
        count,
        linkCapacity,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * How many frames each link holds in a {@linkplain Scheduler#PIPELINED pipelined} run: how far an
   * element may run ahead of its consumers. More room smooths uneven elements; memory grows with it
   * (each frame stays referenced until every consumer took it).
   *
   * @param frames 1 to {@value #MAX_LINK_CAPACITY}
   * @return new options
   * @throws IllegalArgumentException when {@code frames} is out of range
   */
  public RunOptions linkCapacity(int frames) {
    if (frames < 1 || frames > MAX_LINK_CAPACITY) {
      throw new IllegalArgumentException(
          "linkCapacity must be between 1 and " + MAX_LINK_CAPACITY + " frames, got " + frames);
    }
    return new RunOptions(
        maxIterations,
        maxDuration,
        drainDeadline,
        scheduler,
        threads,
        frames,
        stuckAfter,
        failWhenStuck);
  }

  /**
   * The scheduler these options ask for.
   *
   * @return the scheduler, empty for the pipeline's
   */
  public Optional<Scheduler> schedulerChoice() {
    return Optional.ofNullable(scheduler);
  }

  /**
   * The pool size of a pipelined run.
   *
   * @return the thread count, empty for one per available processor
   */
  public java.util.OptionalInt threadCount() {
    return threads == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(threads);
  }

  /**
   * The link capacity of a pipelined run.
   *
   * @return the frames per link, empty for the scheduler's default
   */
  public java.util.OptionalInt linkFrames() {
    return linkCapacity == 0
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(linkCapacity);
  }

  /**
   * The iteration whose frames carry EOS.
   *
   * @return the limit, empty when there is none
   */
  public OptionalLong iterationLimit() {
    return maxIterations == 0 ? OptionalLong.empty() : OptionalLong.of(maxIterations);
  }

  /**
   * How long the run may go on before it drains.
   *
   * @return the limit, empty when there is none
   */
  public Optional<Duration> timeLimit() {
    return Optional.ofNullable(maxDuration);
  }

  /**
   * How long a drain may take before the run is aborted.
   *
   * @return the deadline, empty when there is none
   */
  public Optional<Duration> drainLimit() {
    return Optional.ofNullable(drainDeadline);
  }

  private static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /**
   * How many EOS frames a sink or transform may pull on every sink pad before the run calls it
   * stuck: a sink still not at EOS (its {@code pull} forgot {@code markEos(pad)}) or a transform
   * that sent no EOS (it swallows end of stream). A stuck run would go on for ever; it logs a
   * warning naming the element and its pads, once, or fails with that message when {@link
   * #failWhenStuck(boolean)} is on. Default {@value #DEFAULT_STUCK_AFTER}; the lock-step loop looks
   * once in 1,024 iterations, a pipelined run once in 16 turns of the element's task.
   *
   * @param frames at least 1
   * @return new options
   * @throws IllegalArgumentException when {@code frames} is less than 1
   */
  public RunOptions stuckAfter(long frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("stuckAfter must be at least 1, got " + frames);
    }
    return new RunOptions(
        maxIterations,
        maxDuration,
        drainDeadline,
        scheduler,
        threads,
        linkCapacity,
        frames,
        failWhenStuck);
  }

  /**
   * Whether a stuck run (see {@link #stuckAfter(long)}) fails with a {@link PipelineException}
   * naming the element instead of logging a warning and going on. Off by default; the {@code sgn4j
   * run} command turns it on.
   *
   * @param fail true to fail
   * @return new options
   */
  public RunOptions failWhenStuck(boolean fail) {
    return new RunOptions(
        maxIterations,
        maxDuration,
        drainDeadline,
        scheduler,
        threads,
        linkCapacity,
        stuckAfter,
        fail);
  }

  /**
   * How many EOS frames on every input make an element stuck.
   *
   * @return the count, {@value #DEFAULT_STUCK_AFTER} unless set
   */
  public long stuckFrames() {
    return stuckAfter;
  }

  /**
   * Whether a stuck run fails.
   *
   * @return true when it fails, false when it warns
   */
  public boolean failsWhenStuck() {
    return failWhenStuck;
  }

  @Override
  public String toString() {
    return "RunOptions[maxIterations="
        + (maxIterations == 0 ? "none" : maxIterations)
        + ", maxDuration="
        + (maxDuration == null ? "none" : maxDuration)
        + ", drainDeadline="
        + (drainDeadline == null ? "none" : drainDeadline)
        + ", scheduler="
        + (scheduler == null ? "the pipeline's" : scheduler.executorName())
        + ", threads="
        + (threads == 0 ? "default" : threads)
        + ", linkCapacity="
        + (linkCapacity == 0 ? "default" : linkCapacity)
        + ", stuckAfter="
        + stuckAfter
        + (failWhenStuck ? " (fails)" : " (warns)")
        + "]";
  }
}
