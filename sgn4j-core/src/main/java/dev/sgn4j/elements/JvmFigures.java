package dev.sgn4j.elements;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the figures {@link StatsSource} sends from the JDK's management beans ({@code
 * java.lang.management}, plus {@code com.sun.management.OperatingSystemMXBean} where the JVM has
 * it). Every call returns a new unmodifiable map with the same keys in the same order; a figure the
 * JVM cannot tell is {@code -1} (or a negative load, as the beans report it).
 */
final class JvmFigures {

  /** The keys of {@link #process()}, in order. */
  static final java.util.List<String> PROCESS_KEYS =
      java.util.List.of(
          "pid",
          "uptime_ms",
          "start_time_ms",
          "cpu_load",
          "cpu_time_ns",
          "heap",
          "non_heap",
          "gc",
          "threads",
          "committed_virtual_memory");

  /** The keys of {@link #system()}, in order. */
  static final java.util.List<String> SYSTEM_KEYS =
      java.util.List.of(
          "os_name",
          "os_arch",
          "os_version",
          "available_processors",
          "load_average",
          "cpu_load",
          "memory",
          "swap");

  private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

  /** The same bean with the figures of {@code com.sun.management}, or null on a JVM without. */
  private final com.sun.management.OperatingSystemMXBean sunOs =
      os instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;

  /** Figures of this JVM process. */
  Map<String, Object> process() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("pid", ProcessHandle.current().pid());
    figures.put("uptime_ms", runtime.getUptime());
    figures.put("start_time_ms", runtime.getStartTime());
    figures.put("cpu_load", sunOs == null ? -1.0 : sunOs.getProcessCpuLoad());
    figures.put("cpu_time_ns", sunOs == null ? -1L : sunOs.getProcessCpuTime());
    figures.put("heap", usage(memory.getHeapMemoryUsage()));
    figures.put("non_heap", usage(memory.getNonHeapMemoryUsage()));
    figures.put("gc", collectors());
    Map<String, Object> threadFigures = new LinkedHashMap<>();
    threadFigures.put("count", (long) threads.getThreadCount());
    threadFigures.put("peak", (long) threads.getPeakThreadCount());
    threadFigures.put("daemon", (long) threads.getDaemonThreadCount());
    threadFigures.put("started", threads.getTotalStartedThreadCount());
    figures.put("threads", Collections.unmodifiableMap(threadFigures));
    figures.put(
        "committed_virtual_memory", sunOs == null ? -1L : sunOs.getCommittedVirtualMemorySize());
    return Collections.unmodifiableMap(figures);
  }

  /** Figures of the machine, as the JVM sees it. */
  Map<String, Object> system() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("os_name", os.getName());
    figures.put("os_arch", os.getArch());
    figures.put("os_version", os.getVersion());
    figures.put("available_processors", (long) os.getAvailableProcessors());
    figures.put("load_average", os.getSystemLoadAverage());
    figures.put("cpu_load", sunOs == null ? -1.0 : sunOs.getCpuLoad());
    figures.put(
        "memory",
        totalAndFree(
            sunOs == null ? -1L : sunOs.getTotalMemorySize(),
            sunOs == null ? -1L : sunOs.getFreeMemorySize()));
    figures.put(
        "swap",
        totalAndFree(
            sunOs == null ? -1L : sunOs.getTotalSwapSpaceSize(),
            sunOs == null ? -1L : sunOs.getFreeSwapSpaceSize()));
    return Collections.unmodifiableMap(figures);
  }

  private static Map<String, Object> usage(MemoryUsage usage) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("init", usage.getInit());
    figures.put("used", usage.getUsed());
    figures.put("committed", usage.getCommitted());
    figures.put("max", usage.getMax());
    return Collections.unmodifiableMap(figures);
  }

  private static Map<String, Object> collectors() {
    Map<String, Object> figures = new LinkedHashMap<>();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("count", collector.getCollectionCount());
      one.put("time_ms", collector.getCollectionTime());
      figures.put(collector.getName(), Collections.unmodifiableMap(one));
    }
    return Collections.unmodifiableMap(figures);
  }

  private static Map<String, Object> totalAndFree(long total, long free) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("total", total);
    figures.put("free", free);
    return Collections.unmodifiableMap(figures);
  }
}
