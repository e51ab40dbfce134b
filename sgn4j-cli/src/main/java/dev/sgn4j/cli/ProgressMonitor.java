package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import dev.sgn4j.stats.RunStats;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples a run's statistics on its own thread while the run is active and hands them to a {@link
 * ProgressReporter}; {@link #close()} ends the thread and writes the final line.
 *
 * <pre>{@code
 * ProgressMonitor.watch(pipeline, System.err, pipeline::run);
 * }</pre>
 *
 * <p>Between samples the thread waits on a latch with a timeout, so closing ends it at once.
 */
final class ProgressMonitor implements AutoCloseable {

  /** How often a terminal line is refreshed. */
  static final Duration TERMINAL_PERIOD = Duration.ofMillis(250);

  /** How often the statistics are sampled when not on a terminal. */
  static final Duration LOG_PERIOD = Duration.ofSeconds(1);

  /** The least time between two plain progress lines. */
  static final Duration LOG_EVERY = Duration.ofSeconds(5);

  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

  private final Supplier<RunStats> stats;
  private final ProgressReporter reporter;
  private final Duration period;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Thread thread;

  private ProgressMonitor(Supplier<RunStats> stats, ProgressReporter reporter, Duration period) {
    this.stats = stats;
    this.reporter = reporter;
    this.period = period;
    this.thread = Thread.ofPlatform().name("sgn4j-progress").daemon().unstarted(this::sampleLoop);
  }

  /**
   * Starts sampling.
   *
   * @param stats the statistics to sample, safe to call from another thread
   * @param reporter what shows the samples
   * @param period the time between samples
   * @return the running monitor; close it when the run ended
   */
  static ProgressMonitor start(
      Supplier<RunStats> stats, ProgressReporter reporter, Duration period) {
    ProgressMonitor monitor = new ProgressMonitor(stats, reporter, period);
    monitor.thread.start();
    return monitor;
  }

  /**
   * Runs {@code run} (which runs {@code pipeline}) with progress on {@code err}: a rewritten line
   * on a terminal, plain lines every few seconds otherwise, and always a final line, also when the
   * run fails.
   *
   * @param pipeline the pipeline whose statistics to sample
   * @param err where progress goes
   * @param run runs the pipeline and returns when the run ended
   */
  static void watch(Pipeline pipeline, PrintStream err, Runnable run) {
    boolean terminal = isTerminal(System.console());
    var reporter = new ProgressReporter(err, terminal, System::nanoTime, LOG_EVERY);
    try (var monitor = start(pipeline::stats, reporter, terminal ? TERMINAL_PERIOD : LOG_PERIOD)) {
      run.run();
    }
  }

  /**
   * Whether the console is an interactive terminal: on JDK 22 and later {@code System.console()}
   * may exist when the streams are redirected, and {@code Console.isTerminal()} tells.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  private void sampleLoop() {
    try {
      while (!ended.await(period.toNanos(), TimeUnit.NANOSECONDS)) {
        reporter.sample(stats.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the sampling thread and writes the final line. */
  @Override
  public void close() {
    ended.countDown();
    boolean interrupted = false;
    try {
      thread.join(JOIN_TIMEOUT);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    reporter.finish(stats.get());
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
