package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.Frame;
import dev.sgn4j.PipelineException;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SourceElement;
import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.stats.ElementStats;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a compiled {@link Schedule} until every sink is at EOS ({@link RunEnd}): SGN's
 * iterations as dataflow.
 *
 * <p>Each pass over the schedule visits every pad call in SGN's order. A call runs when it is its
 * element's next step and its link allows it: a pull needs the upstream frame of the element's
 * current iteration, a frame needs room in the pad's link. With links of capacity 1 every call
 * always runs, which is exactly SGN's lock-step loop; larger links let elements run ahead without
 * ever pairing frames of different iterations, because every link is a FIFO and every element
 * advances through its own iterations in order.
 */
final class RunLoop {

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");

  /**
   * The longest the loop parks before looking again, a safety net: wake-ups normally end the park
   * sooner.
   */
  private static final long PARK_NANOS = 100_000_000L;

  /**
   * Pad-call times are measured on one pass in this many (a power of two): the first pass, then one
   * in 128. Reading the clock costs ~20 ns, as much as a whole pad call of a light element, so
   * measuring every call would slow a fast pipeline down by a third; sampling keeps the cost of
   * statistics within a few percent.
   */
  static final int SAMPLE_EVERY = 128;

  /**
   * The loop asks JFR whether a recording wants its iteration and pad-call events at the start of a
   * run and then once in this many iterations (a power of two), so a recording started during a
   * long run sees them soon, and a run without one pays one bit test per iteration.
   */
  static final int LOOK_FOR_RECORDINGS_EVERY = 1024;

  /** Asked whether the event types are enabled; never committed. */
  private static final IterationEvent ITERATION_PROBE = new IterationEvent();

  private static final PadCallEvent PAD_CALL_PROBE = new PadCallEvent();

  private final Execution execution;

  /** The pad calls themselves, with their checks, counting and logging. */
  private final PadCalls calls;

  private final Op[] ops;
  private final RunEnd end;
  private final boolean asynchronous;

  /** The asynchronous elements, flushed before the loop waits ({@link Execution#flush}). */
  private final Element[] flushed;

  private long passes;

  /** Looks for sinks and transforms that keep the run from ending. */
  private final StuckWatch stuck;

  /** Memory profiling, or null when off. */
  private final MemoryProfiler profiler;

  /** The pipeline's identity in JFR events. */
  private final String pipelineId;

  /** Whether a JFR recording wants iteration events. */
  private boolean iterationEvents;

  /** Whether a JFR recording wants pad-call events. */
  private boolean padCallEvents;

  /** Whether pad calls are measured (profiling or pad-call events): passes take the slow path. */
  private boolean observeCalls;

  /** Whether iterations are measured: {@link #observeCalls} or iteration events. */
  private boolean observeIterations;

  /**
   * How the loop waits when nothing is ready ({@link IdleStrategy#WOKEN}, or {@link
   * IdleStrategy#POLLING} when an element is made ready by another process); reset by progress.
   * Null until the first wait.
   */
  private IdleStrategy.Wait idle;

  /**
   * A loop over {@code schedule} that also reports memory to {@code profiler} (null for none) and
   * names the pipeline as {@code execution} does in JFR events.
   */
  RunLoop(Execution execution, Schedule schedule, MemoryProfiler profiler) {
    this.execution = execution;
    this.calls = new PadCalls(execution);
    this.ops = schedule.ops;
    this.end = schedule.end;
    this.asynchronous = schedule.asynchronous;
    java.util.Set<Element> async = new java.util.LinkedHashSet<>();
    for (Op op : ops) {
      if (execution.asynchronous(op.element)) {
        async.add(op.element);
      }
    }
    this.flushed = async.toArray(new Element[0]);
    this.profiler = profiler;
    this.pipelineId = execution.pipelineId();
    this.stuck =
        new StuckWatch(
            ops, execution.options().stuckFrames(), execution.options().failsWhenStuck());
  }

  /** The figures of every element so far; called from any thread. */
  java.util.List<ElementStats> elementStats(java.util.List<Element> order) {
    java.util.Map<Element, java.util.List<PadCounters>> byElement = new java.util.LinkedHashMap<>();
    java.util.Map<Element, Stage> eosStages = new java.util.HashMap<>();
    for (Element element : order) {
      byElement.put(element, new java.util.ArrayList<>());
    }
    for (Op op : ops) {
      byElement.get(op.element).add(op.counters);
      // A sink's EOS is marked on its one stage; another element's on the stage of its outputs.
      if (op.kind == Op.PRODUCE || op.element instanceof SinkElement) {
        eosStages.put(op.element, op.stage);
      }
    }
    java.util.List<ElementStats> stats = new java.util.ArrayList<>();
    byElement.forEach(
        (element, counters) ->
            stats.add(Figures.element(execution, element, counters, eosStages.get(element))));
    return stats;
  }

  /** The number of passes over the schedule so far (SGN's iteration count in lock-step runs). */
  long iteration() {
    return passes;
  }

  void run() {
    boolean logPasses = LOG.isLoggable(Level.DEBUG);
    lookForRecordings();
    while (!end.finished()) {
      passes++;
      if ((passes & (LOOK_FOR_RECORDINGS_EVERY - 1)) == 0) {
        lookForRecordings();
        stuck.check(passes);
      }
      if (logPasses) {
        LOG.log(Level.DEBUG, "Executing graph loop {0}:", passes);
      }
      if (observeIterations) {
        if (observedIteration()) {
          break;
        }
        continue;
      }
      boolean progressed = step();
      if (end.finished()) {
        break; // done: a stop or abort asked for now comes too late to matter
      }
      execution.checkpoint(passes);
      if (!progressed) {
        awaitProgress();
      } else if (idle != null) {
        idle.reset();
      }
    }
    // A failure reported by another thread just before the last sink reached EOS still counts.
    execution.checkFailure();
  }

  /**
   * One iteration as in {@link #run()}, with its memory report and JFR event; returns true when
   * every sink is at EOS. Kept apart so that the loop without observers stays as small as it is.
   */
  private boolean observedIteration() {
    IterationEvent event = null;
    if (iterationEvents) {
      event = new IterationEvent();
      event.begin();
    }
    if (profiler != null) {
      profiler.beginIteration();
    }
    boolean progressed = step();
    boolean done = end.finished();
    if (!done) {
      execution.checkpoint(passes);
      if (!progressed) {
        awaitProgress();
      } else if (idle != null) {
        idle.reset();
      }
    }
    if (profiler != null) {
      profiler.endIteration(passes);
    }
    if (event != null) {
      event.end();
      if (event.shouldCommit()) {
        event.pipeline = pipelineId;
        event.iteration = passes;
        event.commit();
      }
    }
    return done;
  }

  /**
   * A pass: measured call by call when profiling or pad-call events ask for it, timed on one pass
   * in {@value #SAMPLE_EVERY}, plain otherwise.
   */
  private boolean step() {
    if (observeCalls) {
      return observedPass();
    }
    return (passes & (SAMPLE_EVERY - 1)) == 1 ? timedPass() : pass();
  }

  /** Asks JFR whether a recording wants this loop's events, and chooses the passes to match. */
  private void lookForRecordings() {
    iterationEvents = ITERATION_PROBE.isEnabled();
    padCallEvents = PAD_CALL_PROBE.isEnabled();
    observeCalls = profiler != null || padCallEvents;
    observeIterations = observeCalls || iterationEvents;
  }

  /**
   * Nothing could run: wait until another thread makes an element ready. While the idle strategy
   * spins (or yields) the loop keeps looking; once it says park, the loop announces that it waits,
   * then looks once more before parking, so a wake-up between the failed pass and the park is never
   * lost.
   */
  private void awaitProgress() {
    if (!asynchronous) {
      throw new IllegalStateException(
          "no pad could run in iteration " + passes + "; the schedule is stuck");
    }
    for (Element element : flushed) {
      execution.flush(element);
    }
    IdleStrategy.Wait wait = idle;
    if (wait == null) {
      IdleStrategy strategy = execution.polling() ? IdleStrategy.POLLING : IdleStrategy.WOKEN;
      wait = strategy.newWait(this);
      idle = wait;
    }
    IdleStrategy.Step next;
    while ((next = wait.next()) != IdleStrategy.Step.PARK) {
      if (next == IdleStrategy.Step.SPIN) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
      if (step()) {
        return;
      }
      execution.checkpoint(passes);
    }
    execution.beginWaiting();
    boolean progressed;
    try {
      progressed = step();
    } catch (RuntimeException | Error e) {
      execution.endWaiting();
      throw e;
    }
    if (progressed) {
      execution.endWaiting();
    } else {
      execution.park(Math.min(wait.parkNanos(), PARK_NANOS));
      wait.parked();
    }
    execution.checkpoint(passes);
  }

  /**
   * Runs every pad call that is ready; returns whether any ran. The link checks stay inline here
   * rather than going through {@link #canCall} and {@link #call} as the measured passes do: that
   * form ran bench core ~14% slower.
   */
  private boolean pass() {
    boolean progressed = false;
    for (Op op : ops) {
      Stage stage = op.stage;
      if (stage.pc != op.seq) {
        continue;
      }
      if (stage.pc == 0 && stage.gated && !ready(op)) {
        continue;
      }
      switch (op.kind) {
        case Op.PULL -> {
          if (op.link.isEmpty(op.consumer)) {
            continue;
          }
          pull(op, op.link.take(op.consumer));
        }
        case Op.INTERNAL -> internal(op);
        default -> {
          if (!op.link.hasRoom()) {
            continue;
          }
          op.link.put(produce(op));
        }
      }
      op.counters.called();
      stage.advance();
      progressed = true;
    }
    return progressed;
  }

  /**
   * {@link #pass()} with the time of every pad call measured, for the statistics: one clock reading
   * per call, each call's time running from the previous reading. A separate method, so that the
   * plain pass stays as small as it is.
   */
  private boolean timedPass() {
    boolean progressed = false;
    long before = System.nanoTime();
    for (Op op : ops) {
      Stage stage = op.stage;
      if (stage.pc != op.seq) {
        continue;
      }
      if (stage.pc == 0 && stage.gated && !ready(op)) {
        continue;
      }
      if (!canCall(op)) {
        continue;
      }
      call(op);
      long after = System.nanoTime();
      op.counters.called();
      op.counters.time(after - before);
      before = after;
      stage.advance();
      progressed = true;
    }
    return progressed;
  }

  /**
   * {@link #pass()} with every pad call measured: its allocations for the memory report and its JFR
   * event. A separate copy, so that the plain pass stays as small as it is.
   */
  private boolean observedPass() {
    boolean progressed = false;
    boolean timing = (passes & (SAMPLE_EVERY - 1)) == 1;
    for (int i = 0; i < ops.length; i++) {
      Op op = ops[i];
      Stage stage = op.stage;
      if (stage.pc != op.seq) {
        continue;
      }
      if (stage.pc == 0 && stage.gated && !ready(op)) {
        continue;
      }
      if (!canCall(op)) {
        continue;
      }
      long iteration = iterationOf(op);
      PadCallEvent event = null;
      if (padCallEvents) {
        event = new PadCallEvent();
        event.begin();
      }
      long allocated = profiler != null ? profiler.allocated() : 0;
      long started = timing ? System.nanoTime() : 0;
      call(op);
      op.counters.called();
      if (timing) {
        op.counters.time(System.nanoTime() - started);
      }
      if (profiler != null) {
        profiler.charge(i, allocated);
      }
      if (event != null) {
        event.end();
        if (event.shouldCommit()) {
          event.element = op.element.name();
          event.pad = op.pad.fullName();
          event.iteration = iteration;
          event.commit();
        }
      }
      stage.advance();
      progressed = true;
    }
    return progressed;
  }

  /** Whether {@code op}'s link allows the call: a frame to pull, or room for a new frame. */
  private static boolean canCall(Op op) {
    return switch (op.kind) {
      case Op.PULL -> !op.link.isEmpty(op.consumer);
      case Op.INTERNAL -> true;
      default -> op.link.hasRoom();
    };
  }

  /** Makes the call of an op that {@link #canCall can be called}. */
  private void call(Op op) {
    switch (op.kind) {
      case Op.PULL -> pull(op, op.link.take(op.consumer));
      case Op.INTERNAL -> internal(op);
      default -> op.link.put(produce(op));
    }
  }

  private boolean ready(Op op) {
    return calls.ready(op);
  }

  private static long iterationOf(Op op) {
    return PadCalls.iterationOf(op);
  }

  private void pull(Op op, Frame frame) {
    calls.pull(op, frame);
  }

  private void internal(Op op) {
    calls.internal(op);
  }

  private Frame produce(Op op) {
    return calls.produce(op);
  }

  /**
   * Finds the elements that keep a run from ending: a sink that has pulled at least {@code after}
   * EOS frames on every sink pad and is still not at EOS (its {@code pull} forgot {@code
   * markEos(pad)}), and a transform that has pulled as many on every sink pad and sent no EOS (it
   * swallows end of stream). Such a run would go on for ever at full speed; the watch says so once,
   * as a warning, or fails the run with the same message.
   *
   * <p>Counting EOS frames, not iterations, keeps it right with parallel elements: a sink waiting
   * for its workers to finish a backlog pulls no frames, so it is never called stuck for waiting.
   */
  static final class StuckWatch {

    /** The pull ops of each sink and transform, and the produce ops of each transform. */
    private final Map<Element, List<Op>> pulls = new LinkedHashMap<>();

    private final Map<Element, List<Op>> produces = new LinkedHashMap<>();
    private final long after;
    private final boolean fail;
    private boolean reported;

    StuckWatch(Op[] ops, long after, boolean fail) {
      this.after = after;
      this.fail = fail;
      for (Op op : ops) {
        if (op.element instanceof SourceElement) {
          continue;
        }
        if (op.kind == Op.PULL) {
          pulls.computeIfAbsent(op.element, e -> new ArrayList<>()).add(op);
        } else if (op.kind == Op.PRODUCE) {
          produces.computeIfAbsent(op.element, e -> new ArrayList<>()).add(op);
        }
      }
    }

    /**
     * Looks once; called by the run loop's thread between iterations, or in a pipelined run by the
     * element's task between turns.
     *
     * @param iteration the iteration just done, for the failure's message
     * @throws PipelineException when an element is stuck and the run fails when stuck
     */
    void check(long iteration) {
      if (reported) {
        return;
      }
      for (Map.Entry<Element, List<Op>> entry : pulls.entrySet()) {
        Element element = entry.getKey();
        List<Op> inputs = entry.getValue();
        if (!allEnded(inputs)) {
          continue;
        }
        String message = null;
        if (element instanceof SinkElement sink && !sink.atEos()) {
          List<String> unmarked = new ArrayList<>();
          for (Op op : inputs) {
            if (!sink.isEos((dev.sgn4j.SinkPad) op.pad)) {
              unmarked.add("'" + op.pad.fullName() + "'");
            }
          }
          message =
              "sink '%s' has pulled EOS on every pad %d times and is still not at EOS, so the run"
                      .formatted(element.name(), after)
                  + " cannot end; pads not marked: %s; a sink calls markEos(pad) when a pad's frame"
                      .formatted(String.join(", ", unmarked))
                  + " is EOS";
        } else if (!(element instanceof SinkElement) && noEosSent(produces.get(element))) {
          List<String> outputs = new ArrayList<>();
          for (Op op : produces.get(element)) {
            outputs.add("'" + op.pad.fullName() + "'");
          }
          message =
              ("transform '%s' has pulled EOS on every sink pad %d times and sent no EOS on %s, so"
                      + " the run cannot end; a transform sends EOS on its source pads once its"
                      + " inputs end")
                  .formatted(element.name(), after, String.join(", ", outputs));
        }
        if (message != null) {
          reported = true;
          if (fail) {
            throw new PipelineException(message, element.name(), null, iteration, null);
          }
          LOG.log(System.Logger.Level.WARNING, message);
          return;
        }
      }
    }

    private boolean allEnded(List<Op> inputs) {
      for (Op op : inputs) {
        if (op.counters.eos() < after) {
          return false;
        }
      }
      return true;
    }

    private static boolean noEosSent(List<Op> outputs) {
      if (outputs == null || outputs.isEmpty()) {
        return false;
      }
      for (Op op : outputs) {
        if (op.counters.eos() > 0) {
          return false;
        }
      }
      return true;
    }
  }
}
