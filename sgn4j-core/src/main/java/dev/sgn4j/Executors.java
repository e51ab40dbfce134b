package dev.sgn4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The executors on the class path (or module path), by name, found once with {@link ServiceLoader}:
 * how the model reaches the engine without naming its classes.
 */
final class Executors {

  private Executors() {}

  /** Loaded on first use; an immutable map, the same for every run. */
  private static final class Loaded {
    static final Map<String, Executor> BY_NAME = load();

    private static Map<String, Executor> load() {
      Map<String, Executor> byName = new LinkedHashMap<>();
      for (Executor executor :
          ServiceLoader.load(Executor.class, Executor.class.getClassLoader())) {
        byName.putIfAbsent(executor.name(), executor);
      }
      return Map.copyOf(byName);
    }
  }

  /**
   * The executor called {@code name}.
   *
   * @throws IllegalStateException naming the executors there are when none has that name
   */
  static Executor named(String name) {
    Executor executor = Loaded.BY_NAME.get(name);
    if (executor == null) {
      throw new IllegalStateException(
          "no executor named '%s' was found (found: %s); sgn4j-core's engine provides 'lock-step'"
                  .formatted(name, Loaded.BY_NAME.keySet())
              + " through META-INF/services/dev.sgn4j.Executor (or its module's provides clause)");
    }
    return executor;
  }
}
