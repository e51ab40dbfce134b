package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.stats.MemoryReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Memory profiling for a pipelined run: every pad call's allocations are read from the allocation
 * counter of the pool thread that makes it and charged to its element and to the iteration it
 * belongs to; once every sink completed an iteration, that iteration's {@link MemoryReport} goes
 * out, from the thread of the sink that completed it last. Its heap figures are those at the
 * previous report and now, and its allocated bytes are the sum of its pad calls' (the pool's own
 * bookkeeping is not counted, nor what worker threads allocate). Thread-safe.
 */
final class PooledMemoryProfiler {

  private final com.sun.management.ThreadMXBean threads;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Consumer<MemoryReport> listener;
  private final String[] names;
  private final Map<Element, Integer> slots = new IdentityHashMap<>();

  /** Per iteration not yet reported, the bytes of each element. */
  private final Map<Long, AtomicLongArray> pending = new ConcurrentHashMap<>();

  /** Heap in use at the previous report; under the report lock of the caller. */
  private long heapBefore;

  private PooledMemoryProfiler(
      com.sun.management.ThreadMXBean threads, List<Element> order, Consumer<MemoryReport> to) {
    this.threads = threads;
    this.listener = to;
    for (Element element : order) {
      slots.put(element, slots.size());
    }
    this.names = order.stream().map(Element::name).toArray(String[]::new);
    this.heapBefore = memory.getHeapMemoryUsage().getUsed();
  }

  /** A profiler, or null when this JVM cannot count a thread's allocations (then logged). */
  static PooledMemoryProfiler create(List<Element> order, Consumer<MemoryReport> listener) {
    if (MemoryProfiler.threadAllocations() instanceof com.sun.management.ThreadMXBean threads) {
      return new PooledMemoryProfiler(threads, order, listener);
    }
    return null;
  }

  /** The calling thread's allocation counter: read before a pad call. */
  long allocated() {
    return threads.getCurrentThreadAllocatedBytes();
  }

  /** Charges what the calling thread allocated since {@code before} to {@code op}'s element. */
  void charge(Op op, long iteration, long before) {
    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
    AtomicLongArray bucket =
        pending.computeIfAbsent(iteration, k -> new AtomicLongArray(names.length * 2));
    int slot = slots.get(op.element);
    bucket.addAndGet(slot, bytes);
    bucket.set(names.length + slot, 1); // the second half marks the elements called
  }

  /** Every sink completed {@code iteration}: its report goes out. Called in iteration order. */
  void iterationCompleted(long iteration) {
    AtomicLongArray bytes = pending.remove(iteration);
    List<MemoryReport.ElementAllocation> elements = new ArrayList<>();
    long allocated = 0;
    if (bytes != null) {
      for (int i = 0; i < names.length; i++) {
        if (bytes.get(names.length + i) != 0) {
          elements.add(new MemoryReport.ElementAllocation(names[i], bytes.get(i)));
          allocated += bytes.get(i);
        }
      }
    }
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    MemoryReport report =
        new MemoryReport(iteration, heapBefore, heapAfter, Math.max(0, allocated), elements);
    heapBefore = heapAfter;
    MemoryProfiler.publish(report, listener);
  }
}
