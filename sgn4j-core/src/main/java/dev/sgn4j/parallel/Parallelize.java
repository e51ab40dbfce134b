package dev.sgn4j.parallel;

import dev.sgn4j.ComposedElement;
import dev.sgn4j.Element;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunScope;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.SharedSlice;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scope that owns one pipeline's workers and shared memory for a run (SGN's {@code Parallelize}
 * context manager): parallel elements start their workers in it, the run happens inside it, and
 * closing it stops and joins any worker still alive and frees its shared memory.
 *
 * <pre>{@code
 * pipeline.run();                                  // opens a Parallelize by itself when needed
 *
 * try (var scope = new Parallelize(pipeline)) {    // the long form, e.g. to share memory
 *   scope.toShm("table", bytes);
 *   scope.run();
 * }
 * }</pre>
 *
 * <p>A scope belongs to one pipeline: two pipelines with workers run at the same time in one JVM
 * without sharing anything. Signals are handled by the run itself (first SIGINT drains, second
 * aborts) and the previous handlers are restored when it ends. The JVM-wide defaults ({@link
 * #setDefaultMode}, {@link #setDefaultJoinTimeout}) are read when a run starts. Methods are
 * thread-safe.
 */
public final class Parallelize implements RunScope {

  private static volatile WorkerMode defaultMode = WorkerMode.THREAD;
  private static volatile Duration defaultJoinTimeout = Duration.ofSeconds(10);
  private static volatile boolean defaultCheckEncodable;

  private final Pipeline pipeline;
  private final WorkerMode mode;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, MappedSharedMemory> segments = new LinkedHashMap<>();
  private final List<Workers> running = new ArrayList<>();
  private boolean closed;
  private volatile Boolean checkEncodable;

  /**
   * Opens a scope whose workers use the JVM default mode unless an element sets its own.
   *
   * @param pipeline the pipeline to run
   */
  public Parallelize(Pipeline pipeline) {
    this(pipeline, null);
  }

  /**
   * Opens a scope with a worker mode for the elements that do not set their own.
   *
   * @param pipeline the pipeline to run
   * @param mode the mode, or null for the JVM default
   */
  public Parallelize(Pipeline pipeline, WorkerMode mode) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.mode = mode;
    // Files a killed JVM left in /dev/shm (its worker channels, its segments) go before this run
    // makes its own: a file whose creating process is gone is nobody's any more.
    SharedFile.removeStale();
  }

  /**
   * Sets the worker mode of elements and scopes that do not choose one (SGN's {@code
   * use_threading_default}); read when each run starts.
   *
   * @param mode the new default
   */
  public static void setDefaultMode(WorkerMode mode) {
    defaultMode = Objects.requireNonNull(mode, "mode");
  }

  /**
   * The JVM-wide default worker mode, {@link WorkerMode#THREAD} unless changed.
   *
   * @return the default
   */
  public static WorkerMode defaultMode() {
    return defaultMode;
  }

  /**
   * Sets how long stopping an element waits for its workers to end before giving up (SGN's {@code
   * join_timeout}); elements may override it.
   *
   * @param timeout the new default, positive
   */
  public static void setDefaultJoinTimeout(Duration timeout) {
    defaultJoinTimeout = ParallelOptions.positive("join timeout", timeout);
  }

  /**
   * The JVM-wide join timeout, 10 seconds unless changed.
   *
   * @return the default
   */
  public static Duration defaultJoinTimeout() {
    return defaultJoinTimeout;
  }

  /**
   * Turns the encodability check on or off for the elements of every scope that does not set its
   * own (see {@link ParallelBuilder#checkEncodable(boolean)}); read when each run starts. Off
   * unless changed: a switch for a test suite that runs thread workers today and means to run
   * worker processes later.
   *
   * @param on whether to check
   */
  public static void setDefaultCheckEncodable(boolean on) {
    defaultCheckEncodable = on;
  }

  /**
   * Whether elements check encodability when neither they nor their scope say.
   *
   * @return the JVM-wide default, false unless changed
   */
  public static boolean defaultCheckEncodable() {
    return defaultCheckEncodable;
  }

  /**
   * Turns the encodability check on or off for this scope's parallel elements that do not set their
   * own (see {@link ParallelBuilder#checkEncodable(boolean)}): every item crossing a thread
   * worker's queues is encoded and decoded as between worker processes, so that a later switch to
   * {@link WorkerMode#PROCESS} cannot fail on a frame it could not encode.
   *
   * <pre>{@code
   * try (var scope = new Parallelize(pipeline).checkEncodable(true)) {
   *   scope.run();                          // fails naming the element and the value's path
   * }
   * }</pre>
   *
   * @param on whether to check
   * @return this scope
   */
  public Parallelize checkEncodable(boolean on) {
    this.checkEncodable = on;
    return this;
  }

  boolean effectiveCheckEncodable() {
    Boolean own = checkEncodable;
    return own != null ? own : defaultCheckEncodable;
  }

  /**
   * Whether a pipeline contains parallel elements, also inside composed elements.
   *
   * @param pipeline the pipeline
   * @return true when running it needs a scope
   */
  public static boolean needsParallelization(Pipeline pipeline) {
    return pipeline.elements().stream().anyMatch(Parallelize::needsWorkers);
  }

  private static boolean needsWorkers(Element element) {
    if (element instanceof ParallelElement) {
      return true;
    }
    return element instanceof ComposedElement composed
        && composed.innerElements().stream().anyMatch(Parallelize::needsWorkers);
  }

  @Override
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * The worker mode this scope gives elements that do not set one.
   *
   * @return the scope's mode, empty when it uses the JVM default
   */
  public Optional<WorkerMode> mode() {
    return Optional.ofNullable(mode);
  }

  WorkerMode effectiveMode() {
    return mode != null ? mode : defaultMode;
  }

  /**
   * Runs the pipeline inside this scope.
   *
   * @throws IllegalStateException when the scope is closed
   * @throws dev.sgn4j.PipelineException when the run fails, e.g. with a {@link WorkerException}
   */
  @Override
  public void run() {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("this Parallelize scope is closed; open a new one");
      }
    } finally {
      lock.unlock();
    }
    pipeline.runIn(this);
  }

  /**
   * Creates a named shared memory segment holding a copy of {@code bytes}, visible to every worker
   * of this scope and freed when it closes (SGN's {@code to_shm}).
   *
   * @param name a name unique in this scope
   * @param bytes the initial content
   * @return the segment
   * @throws IllegalStateException when the name is taken (the existing segments are kept) or the
   *     scope is closed
   */
  public SharedMemory toShm(String name, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return create(name, bytes, bytes.length);
  }

  /**
   * Creates a named shared memory segment of {@code size} zero bytes, for example room for the
   * payloads that frames refer to by {@link SharedSlice}; visible to every worker of this scope and
   * freed when it closes.
   *
   * @param name a name unique in this scope
   * @param size the size in bytes, at least 1
   * @return the segment
   * @throws IllegalArgumentException when the size is less than 1
   * @throws IllegalStateException when the name is taken (the existing segments are kept) or the
   *     scope is closed
   */
  public SharedMemory toShm(String name, int size) {
    if (size < 1) {
      throw new IllegalArgumentException(
          "shared memory '%s' needs a size of at least 1 byte, got %d".formatted(name, size));
    }
    return create(name, null, size);
  }

  private SharedMemory create(String name, byte[] bytes, int size) {
    Objects.requireNonNull(name, "name");
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("this Parallelize scope is closed; open a new one");
      }
      if (segments.containsKey(name)) {
        throw new IllegalStateException(
            "shared memory '%s' already exists in this scope; choose another name (the existing %s kept)"
                .formatted(
                    name,
                    segments.size() == 1 ? "1 segment is" : segments.size() + " segments are"));
      }
      MappedSharedMemory segment = MappedSharedMemory.create(name, bytes, size);
      segments.put(name, segment);
      return segment;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The segments created in this scope, by name, in creation order.
   *
   * @return an unmodifiable snapshot
   */
  public Map<String, SharedMemory> sharedMemory() {
    lock.lock();
    try {
      return Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    } finally {
      lock.unlock();
    }
  }

  void track(Workers workers) {
    lock.lock();
    try {
      running.add(workers);
    } finally {
      lock.unlock();
    }
  }

  void untrack(Workers workers) {
    lock.lock();
    try {
      running.remove(workers);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops and joins any worker still alive (normally none: elements stop theirs when the run ends)
   * and frees the shared memory. Idempotent.
   *
   * @throws WorkerException when a worker did not end within its join timeout
   */
  @Override
  public void close() {
    List<Workers> left;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      left = List.copyOf(running);
      running.clear();
      segments.values().forEach(MappedSharedMemory::free);
      segments.clear();
    } finally {
      lock.unlock();
    }
    WorkerException failure = null;
    for (Workers workers : left) {
      try {
        workers.stopNow();
        workers.close();
      } catch (WorkerException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Parallelize[" + effectiveMode() + "]";
  }
}
