package dev.sgn4j.parallel;

import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every parallel element shares: worker mode, queue capacity, join timeout, worker
 * parameters and, for the seed's style, the {@link WorkerLogic} class. Each element kind's builder
 * adds its pads and its kind of function.
 *
 * <pre>{@code
 * ParallelTransformElement.builder("square")
 *     .mode(WorkerMode.VIRTUAL_THREAD)
 *     .queueCapacity(64)
 *     .joinTimeout(Duration.ofSeconds(2))
 *     .map(frame -> frame.withData((int) frame.data() * (int) frame.data()))
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder type
 */
public abstract class ParallelBuilder<B extends ParallelBuilder<B>> {

  final String name;
  ParallelOptions.Work work;
  int workers = 1;
  int queueCapacity = ParallelOptions.DEFAULT_QUEUE_CAPACITY;
  int queueBytes = ParallelOptions.DEFAULT_QUEUE_BYTES;
  WorkerMode mode;
  Duration joinTimeout;
  Boolean checkEncodable;
  final Map<String, Object> parameters = new LinkedHashMap<>();

  ParallelBuilder(String name) {
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Runs the work as a {@link WorkerLogic} of this class, one instance per worker, created with its
   * public no-argument constructor (the seed's style, and the one process mode supports).
   *
   * @param type the worker class
   * @return this builder
   */
  public final B worker(Class<? extends WorkerLogic> type) {
    this.work = new ParallelOptions.LogicWork(Objects.requireNonNull(type, "worker class"));
    return self();
  }

  /**
   * Sets this element's worker mode, overriding the scope's and the JVM default.
   *
   * @param mode the mode
   * @return this builder
   */
  public final B mode(WorkerMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return self();
  }

  /**
   * Sets the capacity of each worker's input and output queue (default 256): how far the pipeline
   * may run ahead of the worker, and the backpressure point.
   *
   * @param capacity 1 to {@value WorkerQueues#MAX_CAPACITY}: the one check of a queue capacity,
   *     with the bounds every worker queue accepts
   * @return this builder
   */
  public final B queueCapacity(int capacity) {
    if (capacity < 1 || capacity > WorkerQueues.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "parallel element '%s': queue capacity must be from 1 to %d items, got %d"
              .formatted(name, WorkerQueues.MAX_CAPACITY, capacity));
    }
    this.queueCapacity = capacity;
    return self();
  }

  /**
   * Sets the byte size of each queue of a process worker (default 8 MiB). A process worker's queues
   * are rings of bytes in shared memory, bounded by bytes as well as by {@linkplain
   * #queueCapacity(int) items}: every encoded item must fit, and large items fill a ring before it
   * holds {@code capacity} of them (the element then waits for the worker, as backpressure). Raise
   * it for frames of several MiB; thread workers' queues hold objects and ignore it.
   *
   * <pre>{@code
   * ParallelTransformElement.builder("fft").mode(WorkerMode.PROCESS)
   *     .queueBytes(64 << 20)          // frames of up to ~64 MiB
   *     .worker(Fft.class).build();
   * }</pre>
   *
   * @param bytes a power of two from 4 KiB to 512 MiB
   * @return this builder
   */
  public final B queueBytes(int bytes) {
    if (Integer.bitCount(bytes) != 1
        || bytes < ParallelOptions.MIN_QUEUE_BYTES
        || bytes > ParallelOptions.MAX_QUEUE_BYTES) {
      throw new IllegalArgumentException(
          ("parallel element '%s': queue bytes must be a power of two from %d (4 KiB) to %d (512"
                  + " MiB), got %d")
              .formatted(
                  name, ParallelOptions.MIN_QUEUE_BYTES, ParallelOptions.MAX_QUEUE_BYTES, bytes));
    }
    this.queueBytes = bytes;
    return self();
  }

  /**
   * Turns the encodability check on or off for this element, overriding its scope's setting ({@link
   * Parallelize#checkEncodable(boolean)}) and the JVM default: with it on, a thread or
   * virtual-thread worker's queues encode and decode every item as a worker process's queues would,
   * and the worker parameters are checked when the run starts, so that switching the element to
   * {@link WorkerMode#PROCESS} cannot fail later on a frame it could not encode. Items then travel
   * as decoded copies, as they would between processes. It needs the sgn4j-process module on the
   * class path, and costs an encoding and a decoding per item: a setting for tests and trial runs.
   * Worker processes always encode, so it changes nothing in process mode.
   *
   * <pre>{@code
   * ParallelTransformElement.builder("fft")
   *     .checkEncodable(true)              // thread mode today, PROCESS tomorrow
   *     .map(Fft.class)
   *     .build();
   * }</pre>
   *
   * @param on whether to check
   * @return this builder
   */
  public final B checkEncodable(boolean on) {
    this.checkEncodable = on;
    return self();
  }

  /**
   * Sets how long stopping waits for this element's workers to end before failing (default: {@link
   * Parallelize#defaultJoinTimeout()}).
   *
   * @param timeout positive
   * @return this builder
   */
  public final B joinTimeout(Duration timeout) {
    this.joinTimeout = ParallelOptions.positive("join timeout", timeout);
    return self();
  }

  /**
   * Adds a worker parameter, copied to the workers when the run starts ({@link
   * WorkerContext#parameter(String)}); {@link WorkerParameter} fields add more.
   *
   * @param name the parameter name
   * @param value the value
   * @return this builder
   */
  public final B parameter(String name, Object value) {
    parameters.put(Objects.requireNonNull(name, "parameter name"), value);
    return self();
  }

  final void setWorkers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException(
          "parallel element '%s': workers must be at least 1, got %d".formatted(name, count));
    }
    this.workers = count;
  }
}
