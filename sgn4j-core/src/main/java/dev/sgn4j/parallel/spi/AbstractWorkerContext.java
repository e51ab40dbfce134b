package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What every {@link WorkerContext} holds the same way, whatever runs the worker: the element's
 * name, the worker's index, the shared memory segments and parameters of the run (with SGN's errors
 * for unknown names), and the worker's private state. A {@link WorkerLauncher} extends it with the
 * queues and the stop and shutdown flags of its kind of worker.
 *
 * <pre>{@code
 * final class MyContext extends AbstractWorkerContext {
 *   MyContext(LaunchRequest request, ...) {
 *     super(request.elementName(), request.workerIndex(), request.sharedMemory(),
 *         request.parameters());
 *   }
 *   // input(), output(), shouldStop(), shouldShutdown()
 * }
 * }</pre>
 */
public abstract class AbstractWorkerContext implements WorkerContext {

  private final String elementName;
  private final int index;
  private final Map<String, SharedMemory> segments;
  private final Map<String, Object> parameters;
  private final Map<String, Object> state = new HashMap<>();

  /**
   * Copies the segments and parameters, in their order.
   *
   * @param elementName the parallel element the worker belongs to
   * @param index the worker's index in the element's pool, from 0
   * @param segments the scope's shared memory segments by name
   * @param parameters the worker parameters, settled when the run started
   */
  protected AbstractWorkerContext(
      String elementName,
      int index,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    this.elementName = elementName;
    this.index = index;
    this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  @Override
  public final Map<String, Object> state() {
    return state;
  }

  @Override
  public final SharedMemory sharedMemory(String name) {
    SharedMemory segment = segments.get(name);
    if (segment == null) {
      throw new IllegalArgumentException(
          "no shared memory named '%s' in the scope of element '%s'; there are %s"
              .formatted(name, elementName, new TreeSet<>(segments.keySet())));
    }
    return segment;
  }

  @Override
  public final Map<String, SharedMemory> sharedMemory() {
    return segments;
  }

  @Override
  public final Map<String, Object> parameters() {
    return parameters;
  }

  @Override
  @SuppressWarnings("unchecked")
  public final <T> T parameter(String name) {
    if (!parameters.containsKey(name)) {
      throw new IllegalArgumentException(
          "element '%s' has no worker parameter '%s'; its parameters are %s"
              .formatted(elementName, name, new TreeSet<>(parameters.keySet())));
    }
    return (T) parameters.get(name);
  }

  @Override
  public final String elementName() {
    return elementName;
  }

  @Override
  public final int workerIndex() {
    return index;
  }
}
