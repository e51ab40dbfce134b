package dev.sgn4j.parallel;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** The context of one thread or virtual-thread worker. */
final class DefaultWorkerContext implements WorkerContext {

  private final String elementName;
  private final int index;
  private final WorkerQueue<Object> input;
  private final WorkerQueue<Object> output;
  private final Map<String, SharedMemory> segments;
  private final Map<String, Object> parameters;
  private final Map<String, Object> state = new HashMap<>();
  private volatile boolean stop;
  private volatile boolean shutdown;

  DefaultWorkerContext(
      String elementName,
      int index,
      WorkerQueue<Object> input,
      WorkerQueue<Object> output,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    this.elementName = elementName;
    this.index = index;
    this.input = input;
    this.output = output;
    this.segments = segments;
    this.parameters =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
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
              .formatted(name, elementName, new TreeSet<>(segments.keySet())));
    }
    return segment;
  }

  @Override
  public Map<String, SharedMemory> sharedMemory() {
    return Map.copyOf(segments);
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
              .formatted(elementName, name, new TreeSet<>(parameters.keySet())));
    }
    return (T) parameters.get(name);
  }

  @Override
  public String elementName() {
    return elementName;
  }

  @Override
  public int workerIndex() {
    return index;
  }

  void requestStop() {
    stop = true;
  }

  void requestShutdown() {
    shutdown = true;
  }
}
