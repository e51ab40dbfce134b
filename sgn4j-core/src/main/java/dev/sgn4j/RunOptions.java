package dev.sgn4j;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a run goes: limits after which it drains, and how long a drain may take before the run is
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

  private static final RunOptions DEFAULTS = new RunOptions(0, null, null);

  private final long maxIterations;
  private final Duration maxDuration;
  private final Duration drainDeadline;

  private RunOptions(long maxIterations, Duration maxDuration, Duration drainDeadline) {
    this.maxIterations = maxIterations;
    this.maxDuration = maxDuration;
    this.drainDeadline = drainDeadline;
  }

  /**
   * No limits and no drain deadline: what {@link Pipeline#run()} and {@link Pipeline#start()} use.
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
    return new RunOptions(iterations, maxDuration, drainDeadline);
  }

  /**
   * Drains the run once it has gone on for {@code duration}.
   *
   * @param duration positive
   * @return new options
   * @throws IllegalArgumentException when {@code duration} is zero or negative
   */
  public RunOptions maxDuration(Duration duration) {
    return new RunOptions(maxIterations, positive("maxDuration", duration), drainDeadline);
  }

  /**
   * Aborts a drain that has not ended the run within {@code deadline}.
   *
   * @param deadline positive
   * @return new options
   * @throws IllegalArgumentException when {@code deadline} is zero or negative
   */
  public RunOptions drainDeadline(Duration deadline) {
    return new RunOptions(maxIterations, maxDuration, positive("drainDeadline", deadline));
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

  @Override
  public String toString() {
    return "RunOptions[maxIterations="
        + (maxIterations == 0 ? "none" : maxIterations)
        + ", maxDuration="
        + (maxDuration == null ? "none" : maxDuration)
        + ", drainDeadline="
        + (drainDeadline == null ? "none" : drainDeadline)
        + "]";
  }
}
