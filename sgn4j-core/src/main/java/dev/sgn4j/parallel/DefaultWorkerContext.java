package dev.sgn4j.parallel;

import dev.sgn4j.parallel.spi.AbstractWorkerContext;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerQueue;
import java.util.Map;

/** The context of one thread or virtual-thread worker: in-memory queues and volatile flags. */
final class DefaultWorkerContext extends AbstractWorkerContext {

  private final WorkerQueue<Object> input;
  private final WorkerQueue<Object> output;
  private volatile boolean stop;
  private volatile boolean shutdown;

  DefaultWorkerContext(
      String elementName,
      int index,
      WorkerQueue<Object> input,
      WorkerQueue<Object> output,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    super(elementName, index, segments, parameters);
    this.input = input;
    this.output = output;
  }

  @Override
  public WorkerQueue<Object> input() {
    return input;
  }

  @Override
  public WorkerQueue<Object> output() {
    return output;
  }

  @Override
  public boolean shouldStop() {
    return stop;
  }

  @Override
  public boolean shouldShutdown() {
    return shutdown;
  }

  void requestStop() {
    stop = true;
  }

  void requestShutdown() {
    shutdown = true;
  }
}
