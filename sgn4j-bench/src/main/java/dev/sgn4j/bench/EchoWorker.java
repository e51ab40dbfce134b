package dev.sgn4j.bench;

import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;

/** The worker of the {@code process_bytes} case: sends every frame back unchanged. */
public final class EchoWorker implements WorkerLogic {

  /** Creates the worker; the worker process calls it. */
  public EchoWorker() {}

  @Override
  public void process(WorkerContext context) throws Exception {
    context.output().put(context.input().take());
  }
}
