package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.StatsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SGN's stats-monitoring tutorial: watch the JVM's CPU, memory, garbage collections and threads
 * while a pipeline runs.
 *
 * <p>A {@link StatsSource} named {@code system_monitor} sends the figures on its pad {@code stats}
 * every 2 seconds; a sink named {@code stats_printer} prints a few of them per frame, under a
 * header naming its pad, until Ctrl+C (or as many reports as the optional argument says):
 *
 * <pre>
 * Monitoring the JVM, press Ctrl+C to stop
 * --- Stats from stats_printer:snk:stats_in at 2026-01-01T12:00:02.003Z ---
 * process: pid 4242, cpu 1.5%, heap 12.3 MiB used of 3.9 GiB, 17 threads (peak 18), 2 GCs in 6 ms
 * system: 8 processors, load 0.42, cpu 6.3%, memory 9.6 GiB free of 15.5 GiB
 * --- Stats from stats_printer:snk:stats_in at 2026-01-01T12:00:04.005Z ---
 * ...
 * End of stream detected on stats_printer:snk:stats_in
 * Monitoring stopped; reports printed: 3
 * </pre>
 *
 * <p>Ctrl+C ends the source's 2-second wait at once and makes its next frame the last (EOS); that
 * frame is still printed. A figure the JVM cannot tell (such as the load average on Windows) shows
 * as {@code n/a}.
 */
public final class StatsMonitoring {

  private StatsMonitoring() {}

  /**
   * Prints the figures every 2 seconds until Ctrl+C or the report limit.
   *
   * @param args optionally the number of reports to print, at least 1, e.g. {@code 5}; unlimited
   *     without
   */
  public static void main(String[] args) {
    long reports = args.length > 0 ? reports(args[0]) : -1;
    Duration every = Duration.ofSeconds(2);
    run(reports, every, every);
  }

  private static long reports(String argument) {
    try {
      long reports = Long.parseLong(argument.trim());
      if (reports >= 1) {
        return reports;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "StatsMonitoring: the number of reports must be a whole number of at least 1, but it was '"
            + argument
            + "'; leave it out to run until Ctrl+C");
  }

  /**
   * Runs the pipeline; tests pass no wait.
   *
   * @param reports frames to print, the last one EOS; -1 for no limit
   * @param interval the least time between two readings, or {@code null} for every frame
   * @param wait the pause before each frame, or {@code null}
   */
  static void run(long reports, Duration interval, Duration wait) {
    var source =
        StatsSource.builder("system_monitor", List.of("stats"))
            .interval(interval)
            .wait(wait)
            .numFrames(reports < 0 ? -1 : reports - 1)
            .build();
    var printer = new StatsPrinter();
    var pipeline =
        new Pipeline()
            .insert(source, printer)
            .link(printer.sinkPad("stats_in"), source.sourcePad("stats"));

    System.out.println("Monitoring the JVM, press Ctrl+C to stop");
    pipeline.run();
    System.out.println("Monitoring stopped; reports printed: " + printer.reports);
  }

  /** Prints a few figures of each frame that has some; marks EOS. */
  private static final class StatsPrinter extends SinkElement {
    private long reports;

    StatsPrinter() {
      super("stats_printer", List.of("stats_in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      Map<?, ?> data = frame.dataAs(Map.class);
      if (!data.isEmpty()) {
        reports++;
        Instant at = Instant.ofEpochMilli((Long) data.get("timestamp"));
        System.out.println("--- Stats from " + pad.fullName() + " at " + at + " ---");
        System.out.println("process: " + process((Map<?, ?>) data.get("process")));
        System.out.println("system: " + system((Map<?, ?>) data.get("system")));
      }
      if (frame.isEos()) {
        System.out.println("End of stream detected on " + pad.fullName());
        markEos(pad);
      }
    }

    private static String process(Map<?, ?> process) {
      Map<?, ?> heap = (Map<?, ?>) process.get("heap");
      Map<?, ?> threads = (Map<?, ?>) process.get("threads");
      long collections = 0;
      long gcMillis = 0;
      for (Object collector : ((Map<?, ?>) process.get("gc")).values()) {
        collections += (Long) ((Map<?, ?>) collector).get("count");
        gcMillis += (Long) ((Map<?, ?>) collector).get("time_ms");
      }
      return "pid %d, cpu %s, heap %s used of %s, %d threads (peak %d), %d GCs in %d ms"
          .formatted(
              process.get("pid"),
              percent((Double) process.get("cpu_load")),
              bytes((Long) heap.get("used")),
              bytes((Long) heap.get("max")),
              threads.get("count"),
              threads.get("peak"),
              collections,
              gcMillis);
    }

    private static String system(Map<?, ?> system) {
      Map<?, ?> memory = (Map<?, ?>) system.get("memory");
      double load = (Double) system.get("load_average");
      return "%d processors, load %s, cpu %s, memory %s free of %s"
          .formatted(
              system.get("available_processors"),
              load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load),
              percent((Double) system.get("cpu_load")),
              bytes((Long) memory.get("free")),
              bytes((Long) memory.get("total")));
    }

    private static String percent(double load) {
      return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", load * 100);
    }

    private static String bytes(long bytes) {
      if (bytes < 0) {
        return "n/a";
      }
      double mebibytes = bytes / (1024.0 * 1024.0);
      return mebibytes < 1024
          ? String.format(Locale.ROOT, "%.1f MiB", mebibytes)
          : String.format(Locale.ROOT, "%.1f GiB", mebibytes / 1024);
    }
  }
}
