package dev.sgn4j.parallel;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.RunScope;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.worker.FrameMap;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A transform whose work runs in workers (SGN's {@code ParallelizeTransformElement}): its inputs go
 * to the workers through bounded queues and its outputs come back the same way, while the rest of
 * the pipeline keeps running. All queue plumbing, EOS and shutdown are handled here.
 *
 * <pre>{@code
 * // a function from frame to frame, in one worker thread
 * var square = ParallelTransformElement.builder("square")
 *     .map(frame -> frame.withData((int) frame.data() * (int) frame.data()))
 *     .build();
 *
 * // four workers; outputs keep the input order whatever finishes first
 * var pool = ParallelTransformElement.builder("fft").workers(4).map(Spectra::of).build();
 *
 * // the seed's style: a WorkerLogic class called in a loop with a WorkerContext
 * var echo = ParallelTransformElement.builder("echo").worker(Echo.class).build();
 * }</pre>
 *
 * <p><b>Alignment.</b> Output iteration k is the result of input iteration k (for {@code map}), so
 * a downstream element that joins this path with a direct one pairs the right frames; while the
 * worker computes, upstream elements run ahead by up to the queue capacity. With {@code flatMap}
 * each input gives zero or more outputs, in order.
 *
 * <p><b>End of stream.</b> EOS travels through the queues behind the data; the worker finishes what
 * is queued, sends the rest and EOS, and ends, so closing a run costs no waiting. A worker that
 * throws, or ends before passing EOS on, fails the run with a {@link WorkerException}.
 *
 * <p>Default pads: sink pad {@code in}, source pad {@code out}. Functions receive every non-gap
 * frame; gap frames pass through unchanged. Subclasses pass a builder to the protected constructor
 * and may declare {@link WorkerParameter} fields.
 *
 * <p><b>Threads.</b> Functions (or the {@code WorkerLogic}) run on the workers: worker threads,
 * virtual threads, or other JVMs in process mode, never on the run thread; with a pool, several at
 * once, so a function must not keep unsynchronised state. The element's callbacks run on the run
 * thread. In thread modes frames are handed over by reference, not copied: a function must not
 * change a data object it received (upstream elements may still hold it), and must not change one
 * after returning it. {@link #shutdown(Duration)} is for the run thread or for when no run is
 * active; the {@link ParallelElement} accessors are safe from any thread.
 *
 * @serial exclude
 */
public non-sealed class ParallelTransformElement extends TransformElement
    implements ParallelElement {

  private final ParallelOptions options;

  /** The workers of the current or last run; {@link ParallelElement} reads it. */
  final ParallelRuntime runtime;

  private final InputHalf input;
  private final OutputHalf output;

  /**
   * Builds the element from a builder (for subclasses; others call {@link Builder#build()}).
   *
   * @param builder the settings
   */
  protected ParallelTransformElement(Builder builder) {
    super(builder.name, builder.sinkPads, builder.sourcePads);
    this.options = new ParallelOptions(name(), builder, builder.sinkPads, builder.sourcePads);
    if (!(options.work instanceof ParallelOptions.LogicWork)
        && (sinkPads().size() != 1 || sourcePads().size() != 1)) {
      throw new IllegalArgumentException(
          ("parallel transform '%s': map and flatMap need exactly one sink pad and one source pad,"
                  + " got %s and %s; use worker(Class) for several pads")
              .formatted(name(), snks().keySet(), srcs().keySet()));
    }
    this.runtime = new ParallelRuntime(this, options);
    this.output = new OutputHalf(name(), sourcePads());
    this.input = new InputHalf(sinkPads(), output::ended);
  }

  /**
   * Starts a builder with the default pads {@code in} and {@code out}.
   *
   * @param name the element name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Winds the workers down by hand (SGN's {@code sub_process_shutdown}): they finish what is queued
   * and end; the outputs they left are removed and returned, and the element sends only EOS
   * afterwards. Call it on the run thread (from an element callback) or when no run is active.
   *
   * @param timeout how long to wait for the workers to end
   * @return the output items left, in order (frames, or maps of frames for several pads)
   * @throws WorkerException when the workers did not end in time
   * @throws IllegalStateException when the element never ran
   */
  public List<Object> shutdown(Duration timeout) {
    Shutdown.await(name(), runtime.workers(), timeout);
    return output.drain();
  }

  /**
   * How many iterations were handed to the workers in the current or last run.
   *
   * @return the count
   */
  public long framesIn() {
    return input.sent();
  }

  /**
   * How many output iterations came back from the workers in the current or last run.
   *
   * @return the count
   */
  public long framesOut() {
    return output.received();
  }

  /** Adds mode, pool size, queue depths and worker busy time to the run statistics. */
  /**
   * This element's work as a value that can run elsewhere, frame by frame: present for elements
   * built with {@code map(function)} or {@code map(Class)}, empty for {@code flatMap} and {@code
   * worker(Class)}. Executors that run elements on other machines (sgn4j-flink) run it on as many
   * parallel instances as {@link #workers()} and put the outputs back in input order.
   *
   * @return the work, or empty
   */
  public final java.util.Optional<dev.sgn4j.parallel.spi.FrameFunction> frameFunction() {
    return switch (options.work) {
      case ParallelOptions.MapWork map ->
          java.util.Optional.of(dev.sgn4j.parallel.spi.FrameFunction.of(name(), map.function()));
      case ParallelOptions.MapClassWork type ->
          java.util.Optional.of(dev.sgn4j.parallel.spi.FrameFunction.ofClass(name(), type.type()));
      default -> java.util.Optional.empty();
    };
  }

  /**
   * How many workers the element runs (its pool size).
   *
   * @return the worker count, at least 1
   */
  public final int workers() {
    return options.workers;
  }

  @Override
  protected java.util.Map<String, Object> statistics() {
    return runtime.statistics();
  }

  @Override
  protected final boolean asynchronous() {
    return true;
  }

  @Override
  protected final void flush() {
    input.flush();
  }

  @Override
  protected final boolean readyToPull() {
    return input.ready();
  }

  @Override
  protected final boolean readyToProduce() {
    return output.ready();
  }

  @Override
  protected final void pull(SinkPad pad, Frame frame) {
    input.pull(pad, frame);
  }

  @Override
  protected final void internal() {
    input.send();
  }

  @Override
  protected final Frame newFrame(SourcePad pad) {
    return output.frame(pad);
  }

  @Override
  protected final void start() {
    Workers workers = runtime.start(runContext());
    input.reset(workers, EosPolicy.ANY);
    output.reset(workers, options.oneToOne());
  }

  @Override
  protected final void stop() {
    runtime.stop(output.ended());
  }

  @Override
  protected final RunScope.Opener runScopeOpener() {
    return Parallelize::new;
  }

  /** Settings of a parallel transform; {@link #build()} makes it. */
  public static final class Builder extends ParallelBuilder<Builder> {
    private List<String> sinkPads = List.of("in");
    private List<String> sourcePads = List.of("out");

    private Builder(String name) {
      super(name);
    }

    /**
     * Sets the sink pads (default {@code in}).
     *
     * @param names the short names
     * @return this builder
     */
    public Builder sinkPads(String... names) {
      this.sinkPads = List.of(names);
      return this;
    }

    /**
     * Sets the source pads (default {@code out}).
     *
     * @param names the short names
     * @return this builder
     */
    public Builder sourcePads(String... names) {
      this.sourcePads = List.of(names);
      return this;
    }

    /**
     * Runs {@code function} on every non-gap frame: one output frame per input frame. An EOS input
     * gives an EOS output even if the function drops the flag.
     *
     * @param function from input frame to output frame, never returning null
     * @return this builder
     */
    public Builder map(Function<Frame, Frame> function) {
      this.work = new ParallelOptions.MapWork(Objects.requireNonNull(function, "function"));
      return this;
    }

    /**
     * Runs a {@link FrameMap} class on every non-gap frame, one instance per worker made with its
     * public no-argument constructor: the form of {@link #map(Function)} that also runs in worker
     * processes (and pools of them), so switching THREAD to PROCESS changes one setting.
     *
     * @param type the map class, public with a public no-argument constructor
     * @return this builder
     */
    public Builder map(Class<? extends FrameMap> type) {
      this.work = new ParallelOptions.MapClassWork(Objects.requireNonNull(type, "map class"));
      return this;
    }

    /**
     * Runs {@code function} on every non-gap frame: zero or more output frames per input frame, in
     * order. On the EOS input the last output carries EOS (an empty result gives an EOS frame).
     *
     * @param function from input frame to output frames, never returning null
     * @return this builder
     */
    public Builder flatMap(Function<Frame, List<Frame>> function) {
      this.work = new ParallelOptions.FlatMapWork(Objects.requireNonNull(function, "function"));
      return this;
    }

    /**
     * Runs the function in a pool of {@code count} workers: input k goes to worker {@code k %
     * count}, and outputs are read back in the same order, so they keep the input order.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder workers(int count) {
      setWorkers(count);
      return this;
    }

    /**
     * Builds the element.
     *
     * @return a new parallel transform
     */
    public ParallelTransformElement build() {
      return new ParallelTransformElement(this);
    }
  }
}
