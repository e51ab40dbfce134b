package dev.sgn4j.process;

import dev.sgn4j.parallel.SharedMemory;
import dev.sgn4j.parallel.WorkerContext;
import dev.sgn4j.parallel.WorkerQueue;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** The {@link WorkerContext} of a worker process: its end of the shared queues and flags. */
final class ChildWorkerContext implements WorkerContext {

  private final String element;
  private final int index;
  private final WorkerChannel channel;
  private final Map<String, SharedMemory> segments;
  private final Map<String, Object> parameters;
  private final Map<String, Object> state = new HashMap<>();

  ChildWorkerContext(
      String element,
      int index,
      WorkerChannel channel,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    this.element = element;
    this.index = index;
    this.channel = channel;
    this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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

  @Override
  public Map<String, Object> state() {
    return state;
  }

  @Override
  public SharedMemory sharedMemory(String name) {
    SharedMemory segment = segments.get(name);
    if (segment == null) {
      throw new IllegalArgumentException(
          "no shared memory named '%s' in the scope of element '%s'; there are %s"
              .formatted(name, element, new TreeSet<>(segments.keySet())));
    }
    return segment;
  }

  @Override
  public Map<String, SharedMemory> sharedMemory() {
    return segments;
  }

  @Override
  public Map<String, Object> parameters() {
    return parameters;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T parameter(String name) {
    if (!parameters.containsKey(name)) {
      throw new IllegalArgumentException(
          "element '%s' has no worker parameter '%s'; its parameters are %s"
              .formatted(element, name, new TreeSet<>(parameters.keySet())));
    }
    return (T) parameters.get(name);
  }

  @Override
  public String elementName() {
    return element;
  }

  @Override
  public int workerIndex() {
    return index;
  }
}
