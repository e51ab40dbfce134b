package dev.sgn4j.stats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot of a pipeline's current or last run: iterations, elapsed time and, per element, the
 * calls, frames and time of its pads and when end of stream reached it. Counting is always on;
 * times are measured on one pass in 128, which keeps the cost low.
 *
 * <pre>{@code
 * pipeline.run();
 * System.out.println(pipeline.stats().toTable());
 * }</pre>
 *
 * <p>Taken while a run is active (from another thread), the figures may lag the run a little.
 *
 * @param iterations passes over the schedule (SGN's iterations in lock-step runs)
 * @param elapsed time since the run started (to its end when it ended)
 * @param running whether the run was still active
 * @param elements the figures per element, in schedule order
 */
public record RunStats(
    long iterations, Duration elapsed, boolean running, List<ElementStats> elements) {

  /** Copies the list. */
  public RunStats {
    elements = List.copyOf(elements);
  }

  /**
   * The figures of one element.
   *
   * @param name the element name
   * @return the element's figures
   * @throws IllegalArgumentException naming the elements there are when there is none
   */
  public ElementStats element(String name) {
    for (ElementStats element : elements) {
      if (element.name().equals(name)) {
        return element;
      }
    }
    throw new IllegalArgumentException(
        "no element '%s' in these stats; they cover %s"
            .formatted(name, elements.stream().map(ElementStats::name).toList()));
  }

  /**
   * An aligned text table, one row per element plus a header, with a summary line. Its columns:
   *
   * <ul>
   *   <li>{@code element}, {@code type}: the element's name and class;
   *   <li>{@code calls}: calls of all its pads, the internal pad included;
   *   <li>{@code in}, {@code out}: frames with data pulled by its sink pads and made by its source
   *       pads; {@code gaps}, {@code eos}: gap and EOS frames through its pads;
   *   <li>{@code eos it}, {@code eos ms}: in which iteration, and how long after the start, end of
   *       stream reached the element ({@code -} while it has not);
   *   <li>{@code time ms~}, {@code mean us~}, {@code p99 us~}: time in its callbacks in all, per
   *       call, and the 99th percentile of a call. The {@code ~} marks estimates: calls are timed
   *       on one pass in 128 and the sum is scaled up to all calls, as the summary line says;
   *   <li>{@code extra}: what the element adds, such as the queue depths of a parallel element.
   * </ul>
   *
   * @return the table
   */
  public String toTable() {
    String[] header = {
      "element",
      "type",
      "calls",
      "in",
      "out",
      "gaps",
      "eos",
      "eos it",
      "eos ms",
      "time ms~",
      "mean us~",
      "p99 us~",
      "extra"
    };
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(header);
    for (ElementStats e : elements) {
      rows.add(
          new String[] {
            e.name(),
            e.type(),
            Long.toString(e.calls()),
            Long.toString(e.framesIn()),
            Long.toString(e.framesOut()),
            Long.toString(e.gaps()),
            Long.toString(e.eos()),
            e.eosTime().map(t -> Long.toString(t.iteration())).orElse("-"),
            e.eosTime().map(t -> format(t.elapsed().toNanos() / 1e6)).orElse("-"),
            format(e.time().toNanos() / 1e6),
            format(e.mean().toNanos() / 1e3),
            format(e.p99().toNanos() / 1e3),
            e.extra().isEmpty() ? "" : new java.util.TreeMap<>(e.extra()).toString()
          });
    }
    int[] widths = new int[header.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean text = i < 2 || i == row.length - 1;
        String cell = text ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
        line.append(cell).append(i == row.length - 1 ? "" : "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append(
        "%d iterations in %s s%s; ~ estimated from the calls of one pass in 128%n"
            .formatted(
                iterations,
                String.format(Locale.ROOT, "%.3f", elapsed.toNanos() / 1e9),
                running ? " (running)" : ""));
    return out.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(width - text.length());
    return right ? spaces + text : text + spaces;
  }
}
