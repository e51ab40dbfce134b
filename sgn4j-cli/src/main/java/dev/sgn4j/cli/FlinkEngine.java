package dev.sgn4j.cli;

import dev.sgn4j.Executor;
import java.lang.reflect.InvocationTargetException;

/**
 * {@code --engine flink}: sgn4j-flink's {@code FlinkRunner}, reached by name. The command's module
 * cannot require sgn4j-flink (Flink's jars are not modules, so neither is it); the runner is on the
 * class path of the command's jar and is an {@link Executor}, which is all a run needs.
 */
final class FlinkEngine {

  private static final String RUNNER = "dev.sgn4j.flink.FlinkRunner";

  private FlinkEngine() {}

  /** {@code FlinkRunner.embedded()}. */
  static Executor embedded() {
    return call("embedded", new Class<?>[0]);
  }

  /** {@code FlinkRunner.remote(host, port)}. */
  static Executor remote(String host, int port) {
    return call("remote", new Class<?>[] {String.class, int.class}, host, port);
  }

  private static Executor call(String factory, Class<?>[] types, Object... arguments) {
    try {
      return (Executor)
          Class.forName(RUNNER, true, FlinkEngine.class.getClassLoader())
              .getMethod(factory, types)
              .invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "--engine flink needs sgn4j-flink and Flink on the class path (the sgn4j command's jar"
              + " has them): "
              + e,
          e);
    }
  }
}
