package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.Frame;
import dev.sgn4j.PipelineException;
import dev.sgn4j.RunContext;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import java.lang.System.Logger.Level;

/**
 * The pad calls every executor makes, with what goes with each: the data-specification check of a
 * pulled frame, EOS on the frames of a draining run or past the iteration limit, counting, logging
 * and the {@link PipelineException} that names the element, pad and iteration. Which thread calls
 * is the executor's business; one element's calls never overlap.
 */
final class PadCalls {

  private final Execution execution;

  /** The run's context: whether a drain was asked for. */
  private final RunContext context;

  /**
   * The last iteration a source's frames may be free of EOS: the iteration limit's previous one, or
   * {@link Long#MAX_VALUE} without a limit.
   */
  private final long lastFreeIteration;

  PadCalls(Execution execution) {
    this.execution = execution;
    this.context = execution.context();
    this.lastFreeIteration = execution.options().iterationLimit().orElse(Long.MAX_VALUE) - 1;
  }

  boolean ready(Op op) {
    try {
      return op.stage.ready();
    } catch (PipelineException e) {
      // Readiness is framework code (e.g. a parallel element): its exceptions already name the
      // element, such as a WorkerException.
      throw e;
    } catch (Throwable t) {
      throw failure(op, t);
    }
  }

  /** The iteration {@code op}'s element is in: its stage's completed iterations plus one. */
  static long iterationOf(Op op) {
    return op.stage.iterations + 1;
  }

  /** Checks {@code frame}'s data specification, counts and logs it, and hands it to the pad. */
  void pull(Op op, Frame frame) {
    SinkPad pad = (SinkPad) op.pad;
    execution.checkDataSpec(pad, frame, iterationOf(op));
    op.counters.count(frame);
    if (op.log) {
      execution.logger(op.element).log(Level.DEBUG, "\t{0}:{1}", pad.fullName(), frame);
    }
    try {
      execution.pull(pad, frame);
    } catch (Throwable t) {
      throw failure(op, t);
    }
  }

  /** Calls the element's internal pad. */
  void internal(Op op) {
    try {
      execution.internal(op.element);
    } catch (Throwable t) {
      throw failure(op, t);
    }
  }

  /**
   * Asks the pad for its frame, checks it, marks it EOS when the run drains or reached its
   * iteration limit, and counts and logs it.
   */
  Frame produce(Op op) {
    SourcePad pad = (SourcePad) op.pad;
    Frame frame;
    try {
      frame = execution.newFrame(pad);
    } catch (Throwable t) {
      throw failure(op, t);
    }
    if (frame == null) {
      throw new PipelineException(
          "source pad '%s' of element '%s' returned null from newFrame in iteration %d; return a Frame (Frame.gap() when there is no data)"
              .formatted(pad.fullName(), op.element.name(), iterationOf(op)),
          op.element.name(),
          pad.fullName(),
          iterationOf(op),
          null);
    }
    if (op.fromSource && !frame.isEos() && (context.stopRequested() || atLimit(op))) {
      if (context.abortRequested()) {
        // An abort also asks for a drain; a source is where it takes effect at once, so an abort
        // that comes before the last frames were made is never turned into a drain.
        execution.checkpoint(iterationOf(op));
      }
      frame = frame.withEos(true);
    }
    op.counters.count(frame);
    if (frame.isEos()) {
      op.stage.sourcePadEnded(iterationOf(op));
    }
    if (op.log) {
      execution.logger(op.element).log(Level.DEBUG, "\t{0} : {1}", pad.fullName(), frame);
    }
    return frame;
  }

  /**
   * Whether a source's frame is of the iteration limit (or later): then it carries EOS, and the run
   * drains from there.
   */
  private boolean atLimit(Op op) {
    if (op.stage.iterations < lastFreeIteration) {
      return false;
    }
    if (!context.stopRequested()) {
      execution.drain("the iteration limit of " + (lastFreeIteration + 1) + " was reached");
    }
    return true;
  }

  /** {@code t}, thrown by {@code op}'s call, as the run's failure. */
  PipelineException failure(Op op, Throwable t) {
    if (t instanceof VirtualMachineError error) {
      throw error;
    }
    return PipelineException.atPad(op.pad, iterationOf(op), t);
  }
}
