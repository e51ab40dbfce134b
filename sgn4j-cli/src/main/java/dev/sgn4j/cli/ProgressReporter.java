package dev.sgn4j.cli;

import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Turns samples of a run's {@link RunStats} into progress text on stderr. On a terminal it rewrites
 * one line with {@code \r}: iterations, frames/s, elements at EOS and elapsed time; otherwise it
 * writes a plain {@code progress:} line at most once per {@code logEvery}, by its clock. {@link
 * #finish} always writes one last line, e.g. {@code run ended: 3 iterations in 0.004 s, 3 of 3
 * elements at EOS}.
 *
 * <p>Thread-safe: {@link ProgressMonitor} samples from its own thread, the run's caller finishes.
 */
final class ProgressReporter {

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long logEveryNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private long lastLog;
  private int lineWidth;

  /**
   * Makes a reporter.
   *
   * @param out where to write (stderr, so stdout stays the pipeline's)
   * @param terminal rewrite one line (true) or log plain lines (false)
   * @param nanoClock the time in nanoseconds, for spacing the plain lines
   * @param logEvery the least time between two plain lines
   */
  ProgressReporter(PrintStream out, boolean terminal, LongSupplier nanoClock, Duration logEvery) {
    this.out = out;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.logEveryNanos = logEvery.toNanos();
    this.lastLog = nanoClock.getAsLong();
  }

  /** Shows one sample; a sample taken before the run started (no elements) shows nothing. */
  void sample(RunStats stats) {
    if (stats.elements().isEmpty()) {
      return;
    }
    lock.lock();
    try {
      String text = describe(stats);
      if (terminal) {
        out.print('\r' + text + " ".repeat(Math.max(0, lineWidth - text.length())));
        out.flush();
        lineWidth = text.length();
      } else {
        long now = nanoClock.getAsLong();
        if (now - lastLog >= logEveryNanos) {
          out.println("progress: " + text);
          lastLog = now;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Clears the terminal line, if any, and writes the final line. */
  void finish(RunStats stats) {
    lock.lock();
    try {
      if (terminal && lineWidth > 0) {
        out.print('\r' + " ".repeat(lineWidth) + '\r');
        lineWidth = 0;
      }
      out.println(
          "run ended: %s in %s s, %d of %d elements at EOS"
              .formatted(
                  iterations(stats),
                  String.format(Locale.ROOT, "%.3f", stats.elapsed().toNanos() / 1e9),
                  atEos(stats),
                  stats.elements().size()));
      out.flush();
    } finally {
      lock.unlock();
    }
  }

  /** One progress text: iterations, frames/s, elements at EOS, elapsed seconds. */
  static String describe(RunStats stats) {
    double seconds = stats.elapsed().toNanos() / 1e9;
    long rate = seconds > 0 ? Math.round(frames(stats) / seconds) : 0;
    return String.format(
        Locale.ROOT,
        "%s, %d frames/s, %d of %d elements at EOS, %.1f s",
        iterations(stats),
        rate,
        atEos(stats),
        stats.elements().size(),
        seconds);
  }

  private static String iterations(RunStats stats) {
    return stats.iterations() + (stats.iterations() == 1 ? " iteration" : " iterations");
  }

  /** Frames made by every source pad (data, gaps and EOS alike). */
  private static long frames(RunStats stats) {
    long frames = 0;
    for (ElementStats element : stats.elements()) {
      String sourcePrefix = element.name() + ":src:";
      for (PadStats pad : element.pads()) {
        if (pad.pad().startsWith(sourcePrefix)) {
          frames += pad.calls();
        }
      }
    }
    return frames;
  }

  private static long atEos(RunStats stats) {
    return stats.elements().stream().filter(ElementStats::atEos).count();
  }
}
