package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The settled configuration of a parallel element, made by its builder. */
final class ParallelOptions {

  /** What the workers run. */
  sealed interface Work {}

  /** The seed's style: a {@link WorkerLogic} class called in a loop. */
  record LogicWork(Class<? extends WorkerLogic> type) implements Work {}

  /** One output frame per input frame. */
  record MapWork(Function<Frame, Frame> function) implements Work {}

  /** One output frame per input frame, by a {@link FrameMap} class made in each worker. */
  record MapClassWork(Class<? extends FrameMap> type) implements Work {}

  /** Zero or more output frames per input frame. */
  record FlatMapWork(Function<Frame, List<Frame>> function) implements Work {}

  /** A sink's function of each pad's frame. */
  record ConsumeWork(BiConsumer<String, Frame> consumer) implements Work {}

  /** A source's supplier of frames, called until it returns EOS. */
  record GenerateWork(Supplier<Frame> supplier) implements Work {}

  static final int DEFAULT_QUEUE_CAPACITY = 256;

  /** Default byte size of each queue of a process worker: 8 MiB. */
  static final int DEFAULT_QUEUE_BYTES = 1 << 23;

  /** Smallest byte size of a process worker's queue. */
  static final int MIN_QUEUE_BYTES = 1 << 12;

  /** Largest byte size of a process worker's queue: 512 MiB. */
  static final int MAX_QUEUE_BYTES = 1 << 29;

  final String name;
  final List<String> sinkPads;
  final List<String> sourcePads;
  final Work work;
  final int workers;
  final int queueCapacity;
  final int queueBytes;
  final WorkerMode mode;
  final Duration joinTimeout;

  /** The element's encodability check setting; null leaves it to the scope. */
  final Boolean checkEncodable;

  final Map<String, Object> parameters;

  /**
   * @param name the element's name: the one it was given or, for an unnamed element, the one it
   *     generated
   */
  ParallelOptions(
      String name, ParallelBuilder<?> builder, List<String> sinkPads, List<String> sourcePads) {
    this.name = name;
    this.sinkPads = List.copyOf(sinkPads);
    this.sourcePads = List.copyOf(sourcePads);
    this.work = builder.work;
    this.workers = builder.workers;
    this.queueCapacity = builder.queueCapacity;
    this.queueBytes = builder.queueBytes;
    this.mode = builder.mode;
    this.joinTimeout = builder.joinTimeout;
    this.checkEncodable = builder.checkEncodable;
    this.parameters = new LinkedHashMap<>(builder.parameters);
    if (work == null) {
      throw new IllegalArgumentException(
          "parallel element '%s' has no work: give it a worker class or a function"
              .formatted(name));
    }
    if (mode == WorkerMode.PROCESS
        && !(work instanceof LogicWork || work instanceof MapClassWork)) {
      throw new IllegalArgumentException(
          ("parallel element '%s' runs in worker processes, which cannot call a lambda or function"
                  + " object of this JVM; give it a class they can create by name: map(MyMap.class)"
                  + " with a public FrameMap class, or worker(MyLogic.class) with a public"
                  + " WorkerLogic class (both with a public no-argument constructor)")
              .formatted(name));
    }
    if (workers > 1 && work instanceof LogicWork) {
      throw new IllegalArgumentException(
          ("parallel element '%s' asks for %d workers with a WorkerLogic class; worker pools need a"
                  + " function (map, flatMap, or map(Class) for worker processes), whose outputs the"
                  + " element can put back in order")
              .formatted(name, workers));
    }
  }

  /** The longest timeout: what {@link Duration#toNanos()} can count, about 292 years. */
  static final Duration MAX_TIMEOUT = Duration.ofNanos(Long.MAX_VALUE);

  static Duration positive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          what
              + " must be positive and at most "
              + MAX_TIMEOUT
              + " (about 292 years), got "
              + value);
    }
    return value;
  }

  boolean oneToOne() {
    return !(work instanceof FlatMapWork);
  }
}
