package dev.sgn4j.process;

import dev.sgn4j.parallel.AbstractWorkerContext;
import dev.sgn4j.parallel.SharedMemory;
import dev.sgn4j.parallel.WorkerContext;
import dev.sgn4j.parallel.WorkerQueue;
import java.util.Map;

/** The {@link WorkerContext} of a worker process: its end of the shared queues and flags. */
final class ChildWorkerContext extends AbstractWorkerContext {

  private final WorkerChannel channel;

  ChildWorkerContext(
      String element,
      int index,
      WorkerChannel channel,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    super(element, index, segments, parameters);
    this.channel = channel;
  }

  @Override
  public WorkerQueue<Object> input() {
    return channel.input();
  }

  @Override
  public WorkerQueue<Object> output() {
    return channel.output();
  }

  @Override
  public boolean shouldStop() {
    return channel.control().isSet(ControlBlock.Flag.STOP);
  }

  @Override
  public boolean shouldShutdown() {
    return channel.control().isSet(ControlBlock.Flag.SHUTDOWN);
  }
}
