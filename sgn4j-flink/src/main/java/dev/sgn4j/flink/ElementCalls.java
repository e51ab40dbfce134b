package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.RunOptions;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;

/**
 * The calls a task manager makes on its copy of one element, with what a local run does around
 * each: the hooks, the data-specification check of a pulled frame, the null check of a made frame,
 * EOS on a source's frames once the run drains or reaches its iteration limit, and the {@link
 * PipelineException} naming the element, pad and iteration of any failure. One per task; one
 * thread.
 */
final class ElementCalls {

  private final Element element;
  private final Execution execution;
  private final boolean source;
  private final long iterationLimit;
  private final boolean drained;
  private boolean started;
  private final Figures figures;
  private final int sinkPadsFrom;
  private final int internalPad;
  private long startNanos;

  ElementCalls(Element element, RunSettings settings) {
    this.element = element;
    Pipeline part = pipelineNamed(settings.pipelineName());
    part.insert(element);
    RunOptions options = settings.options();
    this.drained = settings.drained();
    this.execution = Execution.detached(part, settings.runId(), options);
    this.source = element instanceof SourceElement;
    this.iterationLimit = options.iterationLimit().orElse(Long.MAX_VALUE);
    this.sinkPadsFrom = element.sourcePads().size();
    this.internalPad = sinkPadsFrom + element.sinkPads().size();
    this.figures = new Figures(internalPad + 1);
  }

  /** A pipeline for the shipped element, named as the client's when that name is a valid one. */
  private static Pipeline pipelineNamed(String name) {
    try {
      return new Pipeline(name);
    } catch (IllegalArgumentException e) {
      // A generated name such as Pipeline@1b6d3586: the copy gets one of its own.
      return new Pipeline();
    }
  }

  /** The element's counts so far. */
  Figures figures() {
    return figures;
  }

  /** The element reached EOS in {@code iteration} (counted once). */
  void eos(long iteration) {
    figures.eos(iteration, System.nanoTime() - startNanos);
  }

  Element element() {
    return element;
  }

  /** Prepares and starts the element. */
  void start() {
    execution.prepare(element);
    startNanos = System.nanoTime();
    try {
      started = true;
      execution.start(element);
    } catch (Throwable t) {
      throw PipelineException.inHook(element, "start()", 0, t);
    }
  }

  /** Stops the element if it was started; what stop() threw is thrown, unless {@code failing}. */
  void stop(long iteration, Throwable failing) {
    if (!started) {
      return;
    }
    started = false;
    try {
      execution.stop(element);
    } catch (Throwable t) {
      PipelineException failure = PipelineException.inHook(element, "stop()", iteration, t);
      if (failing != null) {
        failing.addSuppressed(failure);
      } else {
        throw failure;
      }
    } finally {
      execution.release(element);
    }
  }

  /** Hands {@code frame} to {@code pad} in {@code iteration}, checking its data specification. */
  void pull(SinkPad pad, Frame frame, long iteration) {
    execution.checkDataSpec(pad, frame, iteration);
    figures.count(sinkPadsFrom + pad.index(), frame);
    figures.iteration(iteration);
    try {
      execution.pull(pad, frame);
    } catch (Throwable t) {
      throw failure(pad, iteration, t);
    }
  }

  void internal(long iteration) {
    figures.count(internalPad, null);
    try {
      execution.internal(element);
    } catch (Throwable t) {
      throw failure(element.internalPad(), iteration, t);
    }
  }

  /** The frame of {@code pad} in {@code iteration}; EOS from a source once the run drains. */
  Frame produce(SourcePad pad, long iteration) {
    Frame frame;
    try {
      frame = execution.newFrame(pad);
    } catch (Throwable t) {
      throw failure(pad, iteration, t);
    }
    if (frame == null) {
      throw new PipelineException(
          "source pad '%s' of element '%s' returned null from newFrame in iteration %d; return a Frame (Frame.gap() when there is no data)"
              .formatted(pad.fullName(), element.name(), iteration),
          element.name(),
          pad.fullName(),
          iteration,
          null);
    }
    if (source
        && !frame.isEos()
        && (drained || iteration >= iterationLimit || execution.context().stopRequested())) {
      frame = frame.withEos(true);
    }
    figures.count(pad.index(), frame);
    figures.iteration(iteration);
    return frame;
  }

  private static PipelineException failure(dev.sgn4j.Pad pad, long iteration, Throwable t) {
    if (t instanceof VirtualMachineError error) {
      throw error;
    }
    return PipelineException.atPad(pad, iteration, t);
  }
}
