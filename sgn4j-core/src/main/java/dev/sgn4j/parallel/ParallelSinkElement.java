package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.RunScope;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.worker.WorkerLogic;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A sink whose work runs in a worker (SGN's {@code ParallelizeSinkElement}): frames go to the
 * worker through a bounded queue, so slow output (disk, network, a database) does not stall the
 * pipeline. The run never ends before the last frame was written: it waits until the end-of-stream
 * item was handed over and the worker consumed everything and ended.
 *
 * <pre>{@code
 * var log = ParallelSinkElement.builder("log")
 *     .consume((pad, frame) -> System.out.println(frame.isEos()
 *         ? "Sink received EOS on " + pad
 *         : "Sink received on " + pad + ": " + frame.data()))
 *     .build();
 * }</pre>
 *
 * <p>The consumer gets every frame with its pad's short name, EOS and gap frames included, in
 * iteration order (pads in pad order). A {@link WorkerLogic} worker takes the items ({@code Frame},
 * or {@code Map<String, Frame>} for several pads) from its input queue itself. Default pad: {@code
 * in}; {@link #setEosPolicy} decides which pad's EOS ends the input.
 *
 * <p><b>Threads.</b> The consumer (or the {@code WorkerLogic}) runs on the worker: a worker thread,
 * a virtual thread, or another JVM in process mode, never on the run thread. The element's own
 * callbacks ({@code pull}, {@code internal}, {@code start}, {@code stop}) run on the run thread,
 * which queues each iteration's frames for the worker. In thread modes frames are handed over by
 * reference, not copied: they are immutable, but data objects inside them are shared with the
 * elements upstream, so the consumer must not change them. The {@link ParallelElement} accessors
 * are safe from any thread.
 *
 * @serial exclude
 */
public non-sealed class ParallelSinkElement extends SinkElement implements ParallelElement {

  /** The workers of the current or last run; {@link ParallelElement} reads it. */
  final ParallelRuntime runtime;

  private final InputHalf input;

  /**
   * Builds the element from a builder (for subclasses; others call {@link Builder#build()}).
   *
   * @param builder the settings
   */
  protected ParallelSinkElement(Builder builder) {
    super(builder.name, builder.sinkPads);
    ParallelOptions options = new ParallelOptions(name(), builder, builder.sinkPads, List.of());
    this.runtime = new ParallelRuntime(this, options);
    this.input = new InputHalf(sinkPads(), this::workersEnded);
  }

  /**
   * Starts a builder with the default pad {@code in}.
   *
   * @param name the element name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * How many iterations were handed to the worker in the current or last run.
   *
   * @return the count
   */
  public long framesIn() {
    return input.sent();
  }

  /**
   * True once a frame with EOS arrived (by the {@link #eosPolicy() EOS policy}) or the workers were
   * shut down: the iteration in which that happens is this sink's last one, as for any sink. The
   * run then also waits until the worker consumed everything and ended ({@link #drained()}).
   *
   * @return whether the sink is at end of stream
   */
  @Override
  public final boolean atEos() {
    return super.atEos() || input.ended();
  }

  /**
   * True once the end of stream was handed to the worker and the worker ended, so the run never
   * ends before the last frame was written.
   *
   * @return whether the worker is done
   */
  @Override
  protected final boolean drained() {
    return input.ended() && workersEnded();
  }

  private boolean workersEnded() {
    Workers workers = runtime.workers();
    return workers != null && workers.allTerminated();
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
  protected final void flush() {
    input.flush();
  }

  @Override
  protected final boolean readyToPull() {
    return input.ready();
  }

  @Override
  protected final void pull(SinkPad pad, Frame frame) {
    if (frame.isEos()) {
      markEos(pad);
    }
    input.pull(pad, frame);
  }

  @Override
  protected final void internal() {
    input.send();
  }

  @Override
  protected final void start() {
    input.reset(runtime.start(runContext()), eosPolicy());
  }

  @Override
  protected final void stop() {
    runtime.stop(input.ended());
  }

  @Override
  protected final RunScope.Opener runScopeOpener() {
    return Parallelize::new;
  }

  /** Settings of a parallel sink; {@link #build()} makes it. */
  public static final class Builder extends ParallelBuilder<Builder> {
    private List<String> sinkPads = List.of("in");

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
     * Calls {@code consumer} on the worker for every frame with its pad's short name.
     *
     * @param consumer receives pad name and frame
     * @return this builder
     */
    public Builder consume(BiConsumer<String, Frame> consumer) {
      this.work = new ParallelOptions.ConsumeWork(Objects.requireNonNull(consumer, "consumer"));
      return this;
    }

    /**
     * Calls {@code consumer} on the worker for every frame (any pad).
     *
     * @param consumer receives each frame
     * @return this builder
     */
    public Builder consume(Consumer<Frame> consumer) {
      Objects.requireNonNull(consumer, "consumer");
      return consume((pad, frame) -> consumer.accept(frame));
    }

    /**
     * Builds the element.
     *
     * @return a new parallel sink
     */
    public ParallelSinkElement build() {
      return new ParallelSinkElement(this);
    }
  }
}
