package dev.sgn4j;

import java.lang.System.Logger.Level;

/**
 * Executes a compiled {@link Schedule} until every sink is at EOS: SGN's iterations as dataflow.
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

  private final Pipeline pipeline;
  private final Op[] ops;
  private final SinkElement[] sinks;
  private long iteration;

  RunLoop(Pipeline pipeline, Schedule schedule) {
    this.pipeline = pipeline;
    this.ops = schedule.ops;
    this.sinks = schedule.sinks;
  }

  /** The number of passes started so far (SGN's iteration count in lock-step runs). */
  long iteration() {
    return iteration;
  }

  void run() {
    boolean logIterations = LOG.isLoggable(Level.DEBUG);
    while (!allSinksAtEos()) {
      iteration++;
      if (logIterations) {
        LOG.log(Level.DEBUG, "Executing graph loop {0}:", iteration);
      }
      if (!pass()) {
        throw new IllegalStateException(
            "no pad could run in iteration " + iteration + "; the schedule is stuck");
      }
    }
  }

  /** Runs every pad call that is ready; returns whether any ran. */
  private boolean pass() {
    boolean progressed = false;
    for (Op op : ops) {
      ElementState state = op.state;
      if (state.pc != op.seq) {
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
      state.advance();
      progressed = true;
    }
    return progressed;
  }

  private void pull(Op op, Frame frame) {
    SinkPad pad = (SinkPad) op.pad;
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
            op.element.name(),
            pad.fullName(),
            iteration,
            null);
      }
    }
    if (op.log) {
      op.element.logger().log(Level.DEBUG, "\t{0}:{1}", pad.fullName(), frame);
    }
    try {
      op.element.runPull(pad, frame);
    } catch (Throwable t) {
      throw failure(op, t);
    }
  }

  private void internal(Op op) {
    try {
      op.element.internal();
    } catch (Throwable t) {
      throw failure(op, t);
    }
  }

  private Frame produce(Op op) {
    SourcePad pad = (SourcePad) op.pad;
    Frame frame;
    try {
      frame = op.element.runNewFrame(pad);
    } catch (Throwable t) {
      throw failure(op, t);
    }
    if (frame == null) {
      throw new PipelineException(
          "source pad '%s' of element '%s' returned null from newFrame in iteration %d; return a Frame (Frame.gap() when there is no data)"
              .formatted(pad.fullName(), op.element.name(), iteration),
          op.element.name(),
          pad.fullName(),
          iteration,
          null);
    }
    if (op.fromSource && !frame.isEos() && pipeline.stopRequested()) {
      frame = frame.withEos(true);
    }
    if (op.log) {
      op.element.logger().log(Level.DEBUG, "\t{0} : {1}", pad.fullName(), frame);
    }
    return frame;
  }

  private PipelineException failure(Op op, Throwable t) {
    if (t instanceof VirtualMachineError error) {
      throw error;
    }
    return PipelineException.atPad(op.pad, iteration, t);
  }

  private boolean allSinksAtEos() {
    for (SinkElement sink : sinks) {
      if (!sink.atEos()) {
        return false;
      }
    }
    return true;
  }
}
