package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.PipelineException;
import dev.sgn4j.stats.MemoryReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures the allocations of one run, iteration by iteration, for {@link MemoryReport}s. The run
 * loop reads the run thread's allocation counter around every pad call ({@link #allocated()} then
 * {@link #charge(int, long)}) and brackets each iteration with {@link #beginIteration()} and {@link
 * #endIteration(long)}. Used by the run thread only.
 */
final class MemoryProfiler {

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");

  private final com.sun.management.ThreadMXBean threads;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Consumer<MemoryReport> listener;

  /** Element names, one per element with a pad call, in schedule order. */
  private final String[] names;

  /** For each op of the schedule, its element's index in {@link #names}. */
  private final int[] slotOfOp;

  private final long[] bytes;
  private final boolean[] called;
  private long heapBefore;
  private long allocatedBefore;

  private MemoryProfiler(
      com.sun.management.ThreadMXBean threads, Op[] ops, Consumer<MemoryReport> listener) {
    this.threads = threads;
    this.listener = listener;
    Map<Element, Integer> slots = new LinkedHashMap<>();
    slotOfOp = new int[ops.length];
    for (int i = 0; i < ops.length; i++) {
      slotOfOp[i] = slots.computeIfAbsent(ops[i].element, element -> slots.size());
    }
    names = slots.keySet().stream().map(Element::name).toArray(String[]::new);
    bytes = new long[names.length];
    called = new boolean[names.length];
  }

  /**
   * A profiler for a run of these ops, or null when this JVM cannot count a thread's allocations
   * (logged as a warning, so a run asked to profile still runs).
   */
  static MemoryProfiler create(Op[] ops, Consumer<MemoryReport> listener) {
    com.sun.management.ThreadMXBean threads = threadAllocations();
    return threads == null ? null : new MemoryProfiler(threads, ops, listener);
  }

  /**
   * The JVM's per-thread allocation counters, turned on; null (and a warning logged) when this JVM
   * has none.
   */
  static com.sun.management.ThreadMXBean threadAllocations() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Memory profiling is off: this JVM does not count the bytes a thread allocates"
              + " (com.sun.management.ThreadMXBean)");
      return null;
    }
    if (!threads.isThreadAllocatedMemoryEnabled()) {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    return threads;
  }

  void beginIteration() {
    java.util.Arrays.fill(bytes, 0L);
    java.util.Arrays.fill(called, false);
    heapBefore = memory.getHeapMemoryUsage().getUsed();
    allocatedBefore = threads.getCurrentThreadAllocatedBytes();
  }

  /** The run thread's allocation counter: read before a pad call. */
  long allocated() {
    return threads.getCurrentThreadAllocatedBytes();
  }

  /** Charges what the run thread allocated since {@code before} to the element of op {@code op}. */
  void charge(int op, long before) {
    int slot = slotOfOp[op];
    bytes[slot] += threads.getCurrentThreadAllocatedBytes() - before;
    called[slot] = true;
  }

  /** Ends the iteration: logs its report at MEMPROF level and hands it to the listener. */
  void endIteration(long iteration) {
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    List<MemoryReport.ElementAllocation> elements = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      if (called[i]) {
        elements.add(new MemoryReport.ElementAllocation(names[i], bytes[i]));
      }
    }
    publish(new MemoryReport(iteration, heapBefore, heapAfter, allocated, elements), listener);
  }

  /**
   * Logs a report at MEMPROF level and hands it to the listener; an exception from the listener
   * fails the run naming the iteration. Elements are sorted, the most allocating first.
   */
  static void publish(MemoryReport unsorted, Consumer<MemoryReport> listener) {
    List<MemoryReport.ElementAllocation> elements = new ArrayList<>(unsorted.elements());
    elements.sort(Comparator.comparingLong(MemoryReport.ElementAllocation::bytes).reversed());
    long iteration = unsorted.iteration();
    MemoryReport report =
        new MemoryReport(
            iteration,
            unsorted.heapUsedBefore(),
            unsorted.heapUsedAfter(),
            unsorted.allocatedBytes(),
            List.copyOf(elements));
    if (LOG.isLoggable(System.Logger.Level.TRACE)) {
      for (String line : report.lines()) {
        LOG.log(System.Logger.Level.TRACE, line);
      }
    }
    try {
      listener.accept(report);
    } catch (VirtualMachineError error) {
      throw error;
    } catch (Throwable t) {
      throw new PipelineException(
          "the memory report listener failed in iteration %d: %s".formatted(iteration, t),
          null,
          null,
          iteration,
          t);
    }
  }
}
