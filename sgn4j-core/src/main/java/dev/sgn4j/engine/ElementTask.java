package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One element of a pipelined run as a task: whenever it is scheduled it runs the element's pad
 * calls in SGN's order for as many iterations as its links and its readiness allow, then stops
 * until a neighbour signals it. An element with two stages (an asynchronous transform) runs both
 * from its one task, so one element is never called on two threads at once.
 *
 * <p><b>Scheduling.</b> {@code state} is IDLE, SCHEDULED (queued or running) or RESCAN (running,
 * and signalled since it started). {@link #signal()} queues an idle task, marks a running one, and
 * does nothing more when it is marked already; a task ending its turn goes from SCHEDULED to IDLE
 * with a compare-and-set, which fails when it was marked, and then it looks again. So a signal is
 * never lost, a running task is never queued twice, and signalling a busy task costs one read. The
 * compare-and-set also orders everything one turn did before the next turn, on whichever thread
 * that runs.
 *
 * <p><b>Frames not yet visible.</b> A producer publishes a frame with a release store and then
 * reads its consumer's state without a fence, so the processor may still hold the frame when it
 * finds the consumer marked: a consumer beginning its next look just then could miss the frame, end
 * its turn and wait for good (one random graph in about two thousand hung so). A fence per frame
 * would halve a light pipeline's speed, so a producer instead signals, after one fence at the end
 * of its turn, every consumer of a link it put frames on that has frames to take: the frames are
 * visible by then, and a consumer that missed one is idle or marked again.
 *
 * <p><b>Who signals.</b> A producer signals each consumer of a link after every frame it puts; a
 * consumer signals the producer of a link that waits for room (see {@link SharedLink}); the {@link
 * EndTracker} signals elements at EOS waiting to learn that the run needs another iteration; a
 * {@linkplain dev.sgn4j.RunContext#wakeUp() wake-up} signals the asynchronous elements.
 */
final class ElementTask implements Runnable {

  static final int IDLE = 0;
  static final int SCHEDULED = 1;
  static final int RESCAN = 2;

  /** The most pad calls of one turn; then the task queues itself again, behind the others. */
  static final int BUDGET = 4096;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(ElementTask.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One stage of the element: its pad calls in order, and the link of each. */
  static final class StageRun {
    final Stage stage;
    final Op[] ops;
    final SharedLink[] links;

    /** Whether this stage's next iteration is timed for the statistics. */
    boolean timing;

    StageRun(Stage stage, int steps) {
      this.stage = stage;
      this.ops = new Op[steps];
      this.links = new SharedLink[steps];
    }
  }

  final Element element;
  final StageRun[] stages;

  private final PipelinedRun run;
  private final Execution execution;
  private final PadCalls calls;

  /** This element as a sink, with its index in the {@link EndTracker}; null and -1 otherwise. */
  private final SinkElement sink;

  private final int sinkIndex;

  /** Whether the element's readiness must be asked before each iteration. */
  final boolean asynchronous;

  /** The counters of every source pad of the element, whose EOS frames put it at EOS. */
  private final PadCounters[] sourcePads;

  /** The links this task reads, with its cursor in each, for the producers it may have to wake. */
  private final SharedLink[] inputs;

  private final int[] inputCursors;

  @SuppressWarnings("unused") // through STATE
  private volatile int state;

  /** Whether pad-call JFR events are wanted in this turn. */
  private boolean padCallEvents;

  /** The links this turn put frames on, for {@link #signalConsumersAgain()}; this task only. */
  private SharedLink[] fed = new SharedLink[4];

  private int fedCount;

  /** The event of the pad call under way, when events are wanted. */
  private PadCallEvent event;

  /** Memory profiling, or null when off. */
  private final PooledMemoryProfiler profiler;

  /** The thread's allocation counter before the pad call under way, when profiling. */
  private long allocatedBefore;

  /** Turns so far, to look for a stuck element once in 16; this task only. */
  private long turns;

  /** Whether this element keeps the run from ending; made at the first look. */
  private RunLoop.StuckWatch stuck;

  ElementTask(
      PipelinedRun run,
      Element element,
      StageRun[] stages,
      int sinkIndex,
      PadCounters[] sourcePads,
      SharedLink[] inputs,
      int[] inputCursors) {
    this.run = run;
    this.execution = run.execution;
    this.calls = run.calls;
    this.profiler = run.profiler;
    this.element = element;
    this.stages = stages;
    this.sinkIndex = sinkIndex;
    this.sink = sinkIndex >= 0 ? (SinkElement) element : null;
    this.asynchronous = execution.asynchronous(element);
    this.sourcePads = sourcePads;
    this.inputs = inputs;
    this.inputCursors = inputCursors;
  }

  /** Makes sure the task runs (again) after this call; any thread. */
  void signal() {
    for (; ; ) {
      int current = (int) STATE.getVolatile(this);
      if (current == RESCAN) {
        return;
      }
      if (current == SCHEDULED) {
        if (STATE.compareAndSet(this, SCHEDULED, RESCAN)) {
          return;
        }
      } else if (STATE.compareAndSet(this, IDLE, SCHEDULED)) {
        run.submit(this);
        return;
      }
    }
  }

  /** One turn, on a pool thread. */
  @Override
  public void run() {
    padCallEvents = run.padCallEvents();
    for (; ; ) {
      STATE.setVolatile(this, SCHEDULED);
      if (run.halted()) {
        STATE.setVolatile(this, IDLE);
        return;
      }
      boolean blocked;
      try {
        blocked = work();
        if ((++turns & 15) == 0) {
          lookForStuck();
        }
        signalConsumersAgain();
        if (asynchronous) {
          execution.flush(element); // before this thread turns to other tasks or parks
        }
        wakeWaitingProducers();
      } catch (Throwable t) {
        STATE.setVolatile(this, IDLE);
        run.fail(t);
        return;
      }
      if (!blocked) {
        run.submit(this); // budget spent: let the others run first
        return;
      }
      if (STATE.compareAndSet(this, SCHEDULED, IDLE)) {
        return;
      }
    }
  }

  /** Fails the run, or warns once, when this element keeps it from ending (see RunOptions). */
  private void lookForStuck() {
    if (stuck == null) {
      java.util.List<Op> ops = new java.util.ArrayList<>();
      for (StageRun stage : stages) {
        for (Op op : stage.ops) {
          if (op != null) {
            ops.add(op);
          }
        }
      }
      stuck =
          new RunLoop.StuckWatch(
              ops.toArray(new Op[0]),
              execution.options().stuckFrames(),
              execution.options().failsWhenStuck());
    }
    stuck.check(stages[0].ops[0].counters.calls());
  }

  /**
   * Runs pad calls until none can run or the budget is spent.
   *
   * @return true when no call could run, false when the budget ran out
   */
  private boolean work() {
    int budget = BUDGET;
    boolean progressed;
    do {
      progressed = false;
      for (StageRun stage : stages) {
        while (budget > 0 && step(stage)) {
          budget--;
          progressed = true;
        }
      }
      if (run.halted()) {
        return true;
      }
    } while (progressed && budget > 0);
    return budget > 0;
  }

  /** Runs the stage's next pad call if it can; returns whether it ran. */
  private boolean step(StageRun stageRun) {
    Stage stage = stageRun.stage;
    int pc = stage.pc;
    if (pc == 0 && !mayBegin(stageRun)) {
      return false;
    }
    Op op = stageRun.ops[pc];
    SharedLink link = stageRun.links[pc];
    switch (op.kind) {
      case Op.PULL -> {
        if (link.isEmpty(op.consumer)) {
          return false;
        }
        Frame frame = link.take(op.consumer);
        if (link.producerNeedsRoom(op.consumer, false)) {
          link.producer.signal();
        }
        long started = begin(stageRun);
        calls.pull(op, frame);
        end(stageRun, op, started);
      }
      case Op.INTERNAL -> {
        long started = begin(stageRun);
        calls.internal(op);
        end(stageRun, op, started);
      }
      default -> {
        if (!link.hasRoom() && !link.producerWaits()) {
          return false;
        }
        long started = begin(stageRun);
        Frame frame = calls.produce(op);
        end(stageRun, op, started);
        link.put(frame);
        for (ElementTask consumer : link.consumers) {
          consumer.signal();
        }
        if (!link.fedThisTurn) {
          link.fedThisTurn = true;
          if (fedCount == fed.length) {
            fed = java.util.Arrays.copyOf(fed, fedCount * 2);
          }
          fed[fedCount++] = link;
        }
      }
    }
    op.counters.called();
    stage.advance();
    return true;
  }

  private long begin(StageRun stageRun) {
    if (profiler != null) {
      allocatedBefore = profiler.allocated();
    }
    if (padCallEvents) {
      event = new PadCallEvent();
      event.begin();
    }
    return stageRun.timing ? System.nanoTime() : 0;
  }

  private void end(StageRun stageRun, Op op, long started) {
    if (stageRun.timing) {
      op.counters.time(System.nanoTime() - started);
    }
    if (profiler != null) {
      profiler.charge(op, PadCalls.iterationOf(op), allocatedBefore);
    }
    PadCallEvent done = event;
    if (done != null) {
      event = null;
      done.end();
      if (done.shouldCommit()) {
        done.element = element.name();
        done.pad = op.pad.fullName();
        done.iteration = PadCalls.iterationOf(op);
        done.commit();
      }
    }
  }

  /**
   * Whether the stage may begin its next iteration: the run is not halted, an element at EOS is not
   * past the run's last iteration, and an asynchronous element is ready.
   */
  private boolean mayBegin(StageRun stageRun) {
    Stage stage = stageRun.stage;
    if (sink != null) {
      // Reported even when halted: the iteration that just completed may be the run's last.
      boolean atEos = sink.atEos();
      if (atEos) {
        stage.markEos(stage.iterations);
      }
      if (!run.end.boundary(sinkIndex, stage.iterations, atEos, execution.drained(sink), this)
          || run.halted()) {
        return false;
      }
    } else if (run.halted() || (atEos() && !run.end.needsOrWait(stage.iterations + 1, this))) {
      return false;
    }
    if (asynchronous && !calls.ready(stageRun.ops[0])) {
      return false;
    }
    stageRun.timing = (stage.iterations & (RunLoop.SAMPLE_EVERY - 1)) == 0;
    return true;
  }

  /** Whether every source pad of the element sent EOS. */
  private boolean atEos() {
    for (PadCounters pad : sourcePads) {
      if (pad.eos() == 0) {
        return false;
      }
    }
    return sourcePads.length > 0;
  }

  /**
   * Ends a turn that put frames: after a fence, which makes them visible, each consumer with frames
   * to take on those links is signalled once more (see the class comment).
   */
  private void signalConsumersAgain() {
    if (fedCount == 0) {
      return;
    }
    VarHandle.fullFence();
    for (int i = 0; i < fedCount; i++) {
      SharedLink link = fed[i];
      fed[i] = null;
      link.fedThisTurn = false;
      for (int c = 0; c < link.consumers.length; c++) {
        if (link.hasFramesFor(c)) {
          link.consumers[c].signal();
        }
      }
    }
    fedCount = 0;
  }

  /** Ends a turn: a producer waiting for room this task freed is signalled. */
  private void wakeWaitingProducers() {
    if (inputs.length == 0) {
      return;
    }
    VarHandle.fullFence();
    for (int i = 0; i < inputs.length; i++) {
      SharedLink link = inputs[i];
      if (link.producerNeedsRoom(inputCursors[i], true)) {
        link.producer.signal();
      }
    }
  }

  @Override
  public String toString() {
    return "task of '" + element.name() + "'";
  }
}
