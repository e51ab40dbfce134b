package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;

/**
 * The worker of the {@code process} case: doubles the {@code Long} data of each frame, passing gaps
 * and EOS on. Runs in a worker process, so it is named by class.
 */
public final class DoubleWorker implements WorkerLogic {

  /** Creates the worker; the worker process calls it. */
  public DoubleWorker() {}

  @Override
  public void process(WorkerContext context) throws Exception {
    Frame frame = (Frame) context.input().take();
    context.output().put(frame.isGap() ? frame : frame.withData(2 * (Long) frame.data()));
  }
}
