package dev.sgn4j.parallel.spi;

import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import java.lang.reflect.InvocationTargetException;

/**
 * The seed's worker loop, the same in every worker mode: {@link WorkerLogic#process} is called
 * until the worker is told to stop, or, once shutting down, until its input queue is drained.
 * Worker launchers call it; users do not need to.
 *
 * <pre>{@code
 * WorkerLogic logic = WorkerLoop.create(Square.class, "square");
 * WorkerLoop.run(logic, context);
 * }</pre>
 */
public final class WorkerLoop {

  private WorkerLoop() {}

  /**
   * Creates a worker logic instance with its public no-argument constructor.
   *
   * @param type the worker class
   * @param element the element name, for messages
   * @return the new instance
   * @throws Exception what the constructor threw
   */
  public static WorkerLogic create(Class<? extends WorkerLogic> type, String element)
      throws Exception {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "worker class %s of element '%s' needs to be public with a public no-argument constructor"
              .formatted(type.getName(), element),
          e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Calls {@code logic} in a loop until the context says stop, or says shut down and the input is
   * empty. A closed queue while stopping or shutting down ends the loop normally.
   *
   * @param logic the worker logic
   * @param context the worker's context
   * @throws Exception what the logic threw
   */
  public static void run(WorkerLogic logic, WorkerContext context) throws Exception {
    while (!context.shouldStop()) {
      if (context.shouldShutdown() && context.input().isEmpty()) {
        return;
      }
      try {
        logic.process(context);
      } catch (QueueClosedException e) {
        if (context.shouldShutdown() || context.shouldStop()) {
          return;
        }
        throw e;
      }
    }
  }
}
