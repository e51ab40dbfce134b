package dev.sgn4j.signals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one place sgn4j touches the JDK's unsupported {@code sun.misc.Signal}: handling SIGINT and
 * SIGTERM in runs, and ignoring them in worker processes. It reaches the class by reflection, so no
 * build of sgn4j or of code using it warns about an internal API. Exported only to {@code
 * dev.sgn4j.process}; not an API for users.
 *
 * <pre>{@code
 * Signals.Previous previous = Signals.handle("INT", name -> System.out.println(name)); // "SIGINT"
 * previous.restore();
 * }</pre>
 */
public final class Signals {

  private static final Class<?> SIGNAL;
  private static final Class<?> HANDLER;
  private static final Method HANDLE;
  private static final Method GET_NAME;
  private static final Object IGNORE;

  static {
    try {
      SIGNAL = Class.forName("sun.misc.Signal");
      HANDLER = Class.forName("sun.misc.SignalHandler");
      HANDLE = SIGNAL.getMethod("handle", SIGNAL, HANDLER);
      GET_NAME = SIGNAL.getMethod("getName");
      IGNORE = HANDLER.getField("SIG_IGN").get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Signals() {}

  /** The handler that {@link #handle} replaced, to put back. */
  @FunctionalInterface
  public interface Previous {
    /** Puts the replaced handler back. */
    void restore();
  }

  /**
   * Handles a signal in this JVM.
   *
   * @param name the signal's name without {@code SIG}: {@code "INT"}, {@code "TERM"}
   * @param handler called on the JVM's signal thread with the full name ({@code "SIGINT"})
   * @return the handler it replaced
   * @throws IllegalArgumentException when the JVM reserves the signal (for example under {@code
   *     -Xrs}) or does not know it
   */
  public static Previous handle(String name, Consumer<String> handler) {
    Objects.requireNonNull(handler, "handler");
    Object signal = signal(name);
    Object mine =
        Proxy.newProxyInstance(
            Signals.class.getClassLoader(),
            new Class<?>[] {HANDLER},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "handle" -> handler.accept("SIG" + GET_NAME.invoke(args[0]));
                case "toString" -> {
                  return "sgn4j handler of SIG" + name;
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                default -> {}
              }
              return null;
            });
    Object replaced = install(signal, mine);
    return () -> install(signal, replaced);
  }

  /**
   * Makes this JVM ignore a signal.
   *
   * @param name the signal's name without {@code SIG}
   * @throws IllegalArgumentException when the JVM reserves the signal or does not know it
   */
  public static void ignore(String name) {
    install(signal(name), IGNORE);
  }

  private static Object signal(String name) {
    try {
      return SIGNAL.getConstructor(String.class).newInstance(name);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make signal SIG" + name, e);
    }
  }

  private static Object install(Object signal, Object handler) {
    try {
      return HANDLE.invoke(null, signal, handler);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot install a signal handler", e);
    }
  }

  private static RuntimeException rethrown(InvocationTargetException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(e.getCause());
  }
}
