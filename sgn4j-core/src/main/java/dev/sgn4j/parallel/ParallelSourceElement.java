package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.RunScope;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.worker.WorkerLogic;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A source whose frames are made in a worker (SGN's {@code ParallelizeSourceElement}): the worker
 * fills a bounded queue and the element sends what it finds there, one item per iteration, so a
 * slow or blocking producer (a socket, a file, a device) never stalls the rest of the pipeline.
 *
 * <pre>{@code
 * var counter = new AtomicInteger();
 * var numbers = ParallelSourceElement.builder("numbers")
 *     .generate(() -> {
 *       int n = counter.incrementAndGet();
 *       return n > 10 ? Frame.eos() : Frame.of(n);
 *     })
 *     .build();
 * }</pre>
 *
 * <p>{@code generate} is called in a loop on the worker until it returns an EOS frame; a {@link
 * WorkerLogic} worker puts frames (or, for several pads, maps of frames) on its output queue itself
 * and must end with EOS. When the run is asked to drain (a signal or {@link
 * dev.sgn4j.Pipeline#stop()}), the element's frames become EOS and the worker is told to shut down.
 * Default pad: {@code out}.
 *
 * <p><b>Threads.</b> The supplier (or the {@code WorkerLogic}) runs on the worker: a worker thread,
 * a virtual thread, or another JVM in process mode, never on the run thread. The element's own
 * callbacks ({@code newFrame}, {@code start}, {@code stop}) run on the run thread, and read what
 * the worker queued. In thread modes a frame is handed over by reference, not copied: the worker
 * must not change an object after it put it in a frame. {@link #shutdown(Duration)} is for the run
 * thread or for when no run is active; the {@link ParallelElement} accessors are safe from any
 * thread.
 *
 * @serial exclude
 */
public non-sealed class ParallelSourceElement extends SourceElement implements ParallelElement {

  private final ParallelOptions options;

  /** The workers of the current or last run; {@link ParallelElement} reads it. */
  final ParallelRuntime runtime;

  private final OutputHalf output;
  private boolean shutdownSent;

  /**
   * Builds the element from a builder (for subclasses; others call {@link Builder#build()}).
   *
   * @param builder the settings
   */
  protected ParallelSourceElement(Builder builder) {
    super(builder.name, builder.sourcePads);
    this.options = new ParallelOptions(name(), builder, List.of(), builder.sourcePads);
    if (options.work instanceof ParallelOptions.GenerateWork && sourcePads().size() != 1) {
      throw new IllegalArgumentException(
          "parallel source '%s': generate needs exactly one source pad, got %s; use worker(Class)"
              .formatted(name(), srcs().keySet()));
    }
    this.runtime = new ParallelRuntime(this, options);
    this.output = new OutputHalf(name(), sourcePads());
  }

  /**
   * Starts a builder with the default pad {@code out}.
   *
   * @param name the element name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Winds the worker down by hand: it is told to shut down and the element waits for it; the frames
   * it left are removed and returned, and the element sends only EOS afterwards. Call it on the run
   * thread or when no run is active.
   *
   * @param timeout how long to wait for the worker to end
   * @return the output items left, in order
   * @throws WorkerException when the worker did not end in time
   */
  public List<Object> shutdown(Duration timeout) {
    Shutdown.await(name(), runtime.workers(), timeout);
    return output.drain();
  }

  /** Adds mode, pool size, queue depths and worker busy time to the run statistics. */
  @Override
  protected java.util.Map<String, Object> statistics() {
    return runtime.statistics();
  }

  @Override
  protected final boolean asynchronous() {
    return true;
  }

  @Override
  protected final boolean readyToProduce() {
    if (!shutdownSent && signaledEos()) {
      shutdownSent = true;
      runtime.workers().finishWithoutEos();
    }
    return output.ready();
  }

  @Override
  protected final Frame newFrame(SourcePad pad) {
    return output.frame(pad);
  }

  @Override
  protected final void start() {
    shutdownSent = false;
    Workers workers = runtime.start(runContext());
    output.reset(workers, true);
  }

  @Override
  protected final void stop() {
    runtime.stop(output.ended());
  }

  @Override
  protected final RunScope.Opener runScopeOpener() {
    return Parallelize::new;
  }

  /** Settings of a parallel source; {@link #build()} makes it. */
  public static final class Builder extends ParallelBuilder<Builder> {
    private List<String> sourcePads = List.of("out");

    private Builder(String name) {
      super(name);
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
     * Calls {@code supplier} in a loop on the worker, sending each frame, until it returns an EOS
     * frame or the run drains.
     *
     * @param supplier makes the next frame, never null
     * @return this builder
     */
    public Builder generate(Supplier<Frame> supplier) {
      this.work = new ParallelOptions.GenerateWork(Objects.requireNonNull(supplier, "supplier"));
      return this;
    }

    /**
     * Builds the element.
     *
     * @return a new parallel source
     */
    public ParallelSourceElement build() {
      return new ParallelSourceElement(this);
    }
  }
}
