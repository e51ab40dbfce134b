package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.AbstractWorkerContext;
import dev.sgn4j.process.shm.ControlBlock;
import dev.sgn4j.process.shm.WorkerChannel;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerQueue;
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
