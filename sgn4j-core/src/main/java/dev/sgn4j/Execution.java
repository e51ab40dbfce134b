package dev.sgn4j;

import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.MemoryReport;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One run as an {@link Executor} sees it: the pipeline's checked graph, the run's context, and the
 * element callbacks, which are {@code protected} on the elements and reached by executors only
 * through here. sgn4j creates one per run and hands it to the executor; nobody else has one.
 *
 * <p>Threads: the element calls follow the elements' own contracts (one element is never called on
 * two threads at once); the graph is read-only; the control methods are thread-safe.
 */
public final class Execution {

  private final Run run;
  private final Pipeline pipeline;
  private final RunContext context;
  private Flattened graph;

  Execution(Run run, Pipeline pipeline) {
    this.run = run;
    this.pipeline = pipeline;
    this.context = run.context();
  }

  /**
   * An execution of elements that run away from their pipeline, for executors that ship elements to
   * other machines (sgn4j-flink runs each element in a Flink task): a run of {@code pipeline}
   * (there, a pipeline holding the shipped copies) that is not its active run, whose element calls,
   * context and failure handling work as in any run. Nothing else should need one.
   *
   * <pre>{@code
   * Execution part = Execution.detached(new Pipeline("job").insert(copy), "job#1", options);
   * part.prepare(copy);
   * part.start(copy);
   * }</pre>
   *
   * @param pipeline the pipeline holding the elements this execution calls
   * @param runId the id of the run they belong to, for logs and messages
   * @param options the run's options
   * @return the execution
   */
  public static Execution detached(Pipeline pipeline, String runId, RunOptions options) {
    return new Execution(new Run(pipeline, runId, options), pipeline);
  }

  /**
   * The run's handle.
   *
   * @return the run
   */
  public Run run() {
    return run;
  }

  /**
   * The pipeline being run.
   *
   * @return the pipeline
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * The context the run's elements see.
   *
   * @return the context
   */
  public RunContext context() {
    return context;
  }

  // ---- the graph ----

  /**
   * Checks the graph as {@link Pipeline#check()} does and returns every pad of the elements that
   * really run (composed elements expanded) in SGN's order: layers of pads whose predecessors all
   * ran, each layer in insertion and link order.
   *
   * @return the pads in schedule order
   * @throws IllegalStateException naming what is wrong with the graph
   */
  public List<Pad> checkedPads() {
    return Topology.sortedPads(pipeline.elements(), graph());
  }

  /**
   * The elements that really run: composed elements replaced by their inner elements, in insertion
   * order.
   *
   * @return the elements
   */
  public List<Element> elements() {
    return List.copyOf(graph().elements);
  }

  /**
   * The running source pad that feeds {@code sink}, through any composed element's pads.
   *
   * @param sink a sink pad of a running element
   * @return its upstream pad, or null when it is not linked
   */
  public SourcePad upstream(SinkPad sink) {
    return graph().upstream.get(sink);
  }

  /**
   * The running sink pads {@code source} feeds, in link order, through any composed element's pads.
   *
   * @param source a source pad of a running element
   * @return the sink pads
   */
  public List<SinkPad> downstream(SourcePad source) {
    return graph().downstream.get(source);
  }

  private Flattened graph() {
    Flattened current = graph;
    if (current == null) {
      current = Flattened.of(pipeline.elements());
      graph = current;
    }
    return current;
  }

  // ---- element callbacks ----

  /**
   * Prepares {@code element} for this run before any element starts: clears its per-run state (EOS
   * marks, data specifications) and gives it the run context.
   *
   * @param element a running element
   */
  public void prepare(Element element) {
    element.context = context;
    element.resetForRun();
    for (SinkPad pad : element.sinkPads()) {
      pad.setDataSpec(null);
    }
  }

  /**
   * Takes the run context away from {@code element} after the run.
   *
   * @param element a running element
   */
  public void release(Element element) {
    element.context = null;
  }

  /**
   * Calls {@code element.start()}.
   *
   * @param element a prepared element
   */
  public void start(Element element) {
    element.start();
  }

  /**
   * Calls {@code element.stop()}.
   *
   * @param element a started element
   */
  public void stop(Element element) {
    element.stop();
  }

  /**
   * Hands {@code frame} to the pull of {@code pad}'s element.
   *
   * @param pad a sink pad
   * @param frame this iteration's frame from its upstream pad
   */
  public void pull(SinkPad pad, Frame frame) {
    pad.element().runPull(pad, frame);
  }

  /**
   * Calls {@code element.internal()}.
   *
   * @param element a running element
   */
  public void internal(Element element) {
    element.internal();
  }

  /**
   * Asks {@code pad}'s element for this iteration's frame (SGN's {@code new}).
   *
   * @param pad a source pad
   * @return the frame, possibly null (a bug the executor reports)
   */
  public Frame newFrame(SourcePad pad) {
    return pad.element().runNewFrame(pad);
  }

  /**
   * See {@link Element#asynchronous()}.
   *
   * @param element a running element
   * @return whether it becomes ready through other threads
   */
  public boolean asynchronous(Element element) {
    return element.asynchronous();
  }

  /**
   * See {@link Element#readyToPull()}.
   *
   * @param element an asynchronous element
   * @return whether its next inputs can be pulled
   */
  public boolean readyToPull(Element element) {
    return element.readyToPull();
  }

  /**
   * See {@link Element#readyToProduce()}.
   *
   * @param element an asynchronous element
   * @return whether its next outputs can be made
   */
  public boolean readyToProduce(Element element) {
    return element.readyToProduce();
  }

  /**
   * See {@link Element#flush()}: call it on the thread that made the element's pad calls, before
   * that thread waits for work or turns to other elements for a while.
   *
   * @param element an asynchronous element
   */
  public void flush(Element element) {
    element.flush();
  }

  /**
   * Whether the executor marks this element's frames as EOS once the run drains: true for sources
   * that {@linkplain SourceElement#endsOnDrain() end on drain}, false for every other element.
   *
   * @param element a running element
   * @return whether drains end its stream
   */
  public boolean endsOnDrain(Element element) {
    return element instanceof SourceElement source && source.endsOnDrain();
  }

  /**
   * See {@link SinkElement#drained()}.
   *
   * @param sink a running sink
   * @return whether what it handed to other threads is done
   */
  public boolean drained(SinkElement sink) {
    return sink.drained();
  }

  /**
   * See {@link Element#statistics()}.
   *
   * @param element a running element
   * @return its extra figures
   */
  public Map<String, Object> statistics(Element element) {
    return element.statistics();
  }

  /**
   * The element's logger ({@code sgn.<name>}).
   *
   * @param element an element
   * @return the logger
   */
  public System.Logger logger(Element element) {
    return element.logger();
  }

  /**
   * The data specification {@code pad} was fixed to in this run.
   *
   * @param pad a sink pad
   * @return the specification, or null before its first frame
   */
  public DataSpec dataSpec(SinkPad pad) {
    return pad.dataSpecOrNull();
  }

  /**
   * Fixes {@code pad}'s data specification (its first frame's).
   *
   * @param pad a sink pad
   * @param spec the specification
   */
  public void setDataSpec(SinkPad pad, DataSpec spec) {
    pad.setDataSpec(spec);
  }

  /**
   * Checks {@code frame}, about to be pulled by {@code pad}, against the data specification of the
   * pad's earlier frames in this run; the first frame fixes it.
   *
   * @param pad a sink pad
   * @param frame its frame of this iteration
   * @param iteration the iteration, for the message
   * @throws PipelineException naming the pad and both specifications when they differ
   */
  public void checkDataSpec(SinkPad pad, Frame frame, long iteration) {
    DataSpec previous = pad.dataSpecOrNull();
    DataSpec spec = frame.spec();
    if (previous != spec) {
      if (previous == null) {
        pad.setDataSpec(spec);
      } else if (!previous.equals(spec)) {
        throw new PipelineException(
            ("frame received by %s is inconsistent with previously received frames; previous data"
                    + " specification: %s, current data specification: %s")
                .formatted(pad.fullName(), previous, spec),
            pad.element().name(),
            pad.fullName(),
            iteration,
            null);
      }
    }
  }

  // ---- the run ----

  /**
   * The options the run was started with: its limits.
   *
   * @return the options
   */
  public RunOptions options() {
    return run.options();
  }

  /**
   * Drains the run because of a limit the executor enforces (such as the iteration limit): from now
   * on sources send EOS.
   *
   * @param reason why, e.g. {@code "the iteration limit of 1000 was reached"}
   */
  public void drain(String reason) {
    context.requestStop(reason);
  }

  /**
   * When the run was created, in {@link System#nanoTime()}'s terms: the origin of its elapsed
   * times.
   *
   * @return the run's start
   */
  public long startNanos() {
    return run.createdNanos();
  }

  /**
   * Runs {@code onWakeUp} on every {@link RunContext#wakeUp()}, on the thread that calls it, for
   * executors that hand readiness to their own threads; null removes it.
   *
   * @param onWakeUp what to run, quick and thread-safe
   */
  public void onWakeUp(Runnable onWakeUp) {
    context.waker(onWakeUp);
  }

  /** Tells the run that every element started and iterations run. */
  public void running() {
    run.running();
  }

  /**
   * Where {@link Run#stats()} reads the figures of this run from; call it before the first
   * iteration.
   *
   * @param iterations the iterations so far (passes over the schedule in lock-step runs)
   * @param elements each element's figures so far, safe to call from any thread
   */
  public void publishStats(LongSupplier iterations, Supplier<List<ElementStats>> elements) {
    run.publishStats(iterations, elements);
  }

  /**
   * Throws the run's failure, or a {@link RunAbortedException} naming {@code iteration} once it was
   * aborted; does nothing otherwise.
   *
   * @param iteration the iteration the executor is in, for the abort message
   */
  public void checkpoint(long iteration) {
    context.checkpoint(iteration);
  }

  /** Throws the run's failure, if another thread reported one. */
  public void checkFailure() {
    context.checkFailure();
  }

  /**
   * Announces that the calling thread is about to park until {@link RunContext#wakeUp()}: from now
   * on wake-ups unpark it. Look once more for work after this and before {@link #park(long)}, so a
   * wake-up in between is never lost.
   */
  public void beginWaiting() {
    context.beginWaiting();
  }

  /** Withdraws {@link #beginWaiting()} when the last look found work. */
  public void endWaiting() {
    context.endWaiting();
  }

  /**
   * Parks the thread that called {@link #beginWaiting()} until a wake-up, a failure, an abort, or
   * {@code nanos} passed.
   *
   * @param nanos the longest park
   */
  public void park(long nanos) {
    context.park(nanos);
  }

  /**
   * Whether some element becomes ready without wake-ups ({@link RunContext#requirePolling()}).
   *
   * @return true when waits must be short
   */
  public boolean polling() {
    return context.polling();
  }

  /** Records that the run is ending by a failure, so stop hooks stop workers at once. */
  public void markFailed() {
    context.markFailed();
  }

  /**
   * A SIGINT or SIGTERM reached the process: the first drains the run, a later one aborts it.
   *
   * @param name the signal, e.g. {@code SIGINT}
   */
  public void signal(String name) {
    context.signal(name);
  }

  /**
   * Whether the run traps SIGINT and SIGTERM ({@link Pipeline#handleSignals(boolean)}).
   *
   * @return true unless turned off
   */
  public boolean handleSignals() {
    return pipeline.handlesSignals();
  }

  /**
   * Whether the run profiles memory ({@link Pipeline#profileMemory(boolean)}).
   *
   * @return true when asked for
   */
  public boolean profileMemory() {
    return pipeline.profilesMemory();
  }

  /**
   * Hands an iteration's memory report to the pipeline's listener and keeps it as its last report.
   *
   * @param report the report
   */
  public void memoryReport(MemoryReport report) {
    pipeline.memoryReport(report);
  }

  /**
   * The pipeline's name in logs and JFR events, e.g. {@code h1-whitening} or {@code
   * Pipeline@1b6d3586}.
   *
   * @return the name
   */
  public String pipelineId() {
    return pipeline.id();
  }
}
