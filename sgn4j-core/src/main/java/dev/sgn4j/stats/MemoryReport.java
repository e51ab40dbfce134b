package dev.sgn4j.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one iteration allocated, SGN's MEMPROF report as a value: the heap in use before and after
 * the iteration, the bytes the run thread allocated during it, and those bytes per element.
 *
 * <p>A pipeline makes one report per iteration when memory profiling is on ({@link
 * dev.sgn4j.Pipeline#profileMemory(boolean)}, or {@code SGNLOGLEVEL=pipeline:MEMPROF}); it logs
 * {@link #lines()} on {@code sgn.pipeline} at MEMPROF level and hands the report to the listener
 * set with {@link dev.sgn4j.Pipeline#onMemoryReport}.
 *
 * <pre>{@code
 * pipeline.profileMemory(true).onMemoryReport(report -> report.lines().forEach(System.out::println));
 * pipeline.run();
 * pipeline.lastMemoryReport().orElseThrow().allocatedBytes();
 * }</pre>
 *
 * <p>Allocation figures come from the JVM's per-thread allocation counter read around every pad
 * call on the run thread. Work an element hands to other threads (the workers of parallel elements)
 * is counted in those threads, not here. The heap figures are the whole JVM's: they move in steps
 * of whole thread-local allocation buffers, so a small iteration often shows no change, and with
 * garbage collection, so the change may be negative.
 *
 * @param iteration the iteration, 1 for the first
 * @param heapUsedBefore bytes of heap in use when the iteration began
 * @param heapUsedAfter bytes of heap in use when it ended
 * @param allocatedBytes bytes the run thread allocated during the iteration, pad calls and the run
 *     loop's own work together
 * @param elements the bytes allocated in each element's pad calls, most first (ties in schedule
 *     order); every element called in the iteration appears once
 */
public record MemoryReport(
    long iteration,
    long heapUsedBefore,
    long heapUsedAfter,
    long allocatedBytes,
    List<ElementAllocation> elements) {

  /** How many elements {@link #lines()} lists by name, as SGN's report lists its top 10 lines. */
  public static final int TOP = 10;

  /**
   * Checks the figures.
   *
   * @throws IllegalArgumentException when the iteration is below 1 or a size is negative
   * @throws NullPointerException when {@code elements} is or holds null
   */
  public MemoryReport {
    if (iteration < 1) {
      throw new IllegalArgumentException(
          "MemoryReport iteration must be 1 or more, but it was " + iteration);
    }
    requireSize("heapUsedBefore", heapUsedBefore);
    requireSize("heapUsedAfter", heapUsedAfter);
    requireSize("allocatedBytes", allocatedBytes);
    elements = List.copyOf(Objects.requireNonNull(elements, "MemoryReport elements"));
  }

  private static void requireSize(String name, long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException(
          "MemoryReport " + name + " must be 0 or more bytes, but it was " + bytes);
    }
  }

  /**
   * How much the heap in use grew during the iteration; negative when a garbage collection freed
   * more than the iteration allocated.
   *
   * @return {@code heapUsedAfter - heapUsedBefore}
   */
  public long heapChange() {
    return heapUsedAfter - heapUsedBefore;
  }

  /**
   * The bytes allocated in one element's pad calls.
   *
   * @param element the element name
   * @return the bytes
   * @throws IllegalArgumentException naming the elements of the report when it has no such element
   */
  public long allocatedBy(String element) {
    for (ElementAllocation allocation : elements) {
      if (allocation.element().equals(element)) {
        return allocation.bytes();
      }
    }
    throw new IllegalArgumentException(
        "No element named '%s' in the memory report of iteration %d; it has %s"
            .formatted(
                element, iteration, elements.stream().map(ElementAllocation::element).toList()));
  }

  /**
   * The report as SGN prints it, with the top {@value #TOP} elements.
   *
   * @return the lines, each starting with {@code [MEMPROF]}
   * @see #lines(int)
   */
  public List<String> lines() {
    return lines(TOP);
  }

  /**
   * The report as SGN's {@code display_topstats} prints it: the heap change, the top {@code limit}
   * elements by allocated size, how many others there are and what they allocated together, and the
   * run thread's total for the iteration.
   *
   * <pre>
   * [MEMPROF] Iteration 3: heap change +12.5 KiB (in use 2048.0 KiB)
   * [MEMPROF] Top 2 elements by allocated size
   * [MEMPROF] | #1: sink: 1.2 KiB
   * [MEMPROF] | #2: source: 0.5 KiB
   * [MEMPROF] 1 other: 0.1 KiB
   * [MEMPROF] Total allocated size: 1.9 KiB
   * </pre>
   *
   * @param limit how many elements to list by name
   * @return the lines
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  public List<String> lines(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "MemoryReport.lines limit must be 1 or more, but it was " + limit);
    }
    int shown = Math.min(limit, elements.size());
    List<String> lines = new ArrayList<>(shown + 4);
    lines.add(
        "[MEMPROF] Iteration %d: heap change %s KiB (in use %s KiB)"
            .formatted(iteration, signedKib(heapChange()), kib(heapUsedAfter)));
    lines.add("[MEMPROF] Top %d elements by allocated size".formatted(shown));
    for (int i = 0; i < shown; i++) {
      ElementAllocation allocation = elements.get(i);
      lines.add(
          "[MEMPROF] | #%d: %s: %s KiB"
              .formatted(i + 1, allocation.element(), kib(allocation.bytes())));
    }
    if (elements.size() > shown) {
      long others = 0;
      for (ElementAllocation allocation : elements.subList(shown, elements.size())) {
        others += allocation.bytes();
      }
      lines.add("[MEMPROF] %d other: %s KiB".formatted(elements.size() - shown, kib(others)));
    }
    lines.add("[MEMPROF] Total allocated size: %s KiB".formatted(kib(allocatedBytes)));
    return List.copyOf(lines);
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
  }

  private static String signedKib(long bytes) {
    return String.format(Locale.ROOT, "%+.1f", bytes / 1024.0);
  }

  /**
   * The bytes one element's pad calls allocated on the run thread in one iteration.
   *
   * @param element the element name
   * @param bytes the bytes allocated
   */
  public record ElementAllocation(String element, long bytes) {

    /**
     * Checks the figures.
     *
     * @throws NullPointerException when {@code element} is null
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public ElementAllocation {
      Objects.requireNonNull(element, "ElementAllocation element");
      if (bytes < 0) {
        throw new IllegalArgumentException(
            "ElementAllocation bytes of '%s' must be 0 or more, but it was %d"
                .formatted(element, bytes));
      }
    }
  }
}
