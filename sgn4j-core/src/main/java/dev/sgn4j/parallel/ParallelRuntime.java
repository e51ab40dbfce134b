package dev.sgn4j.parallel;

import dev.sgn4j.Element;
import dev.sgn4j.RunContext;
import dev.sgn4j.stats.WorkerStats;
import dev.sgn4j.worker.WorkerMode;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every parallel element does around its workers: find its {@link Parallelize} scope, settle
 * the worker mode and parameters when the run starts, start the workers, and end them when the run
 * ends. Used on the run thread.
 */
final class ParallelRuntime {

  private final Element element;
  private final ParallelOptions options;
  private Parallelize scope;
  private RunContext run;
  private Workers workers;
  private WorkerMode mode;

  ParallelRuntime(Element element, ParallelOptions options) {
    this.element = element;
    this.options = options;
  }

  Workers start(RunContext context) {
    this.run = context;
    this.scope =
        context
            .scope(Parallelize.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        ("%s '%s' runs its work in workers and needs a Parallelize scope: call"
                                + " pipeline.run(), or try (var p = new Parallelize(pipeline)) {"
                                + " p.run(); }")
                            .formatted(element.getClass().getSimpleName(), element.name())));
    this.mode = options.mode != null ? options.mode : scope.effectiveMode();
    boolean check =
        options.checkEncodable != null ? options.checkEncodable : scope.effectiveCheckEncodable();
    workers = new Workers(options, context, mode, check, scope.sharedMemory(), parameters());
    scope.track(workers);
    workers.start();
    return workers;
  }

  /** The mode of the current or last run. */
  WorkerMode mode() {
    return mode;
  }

  Workers workers() {
    return workers;
  }

  /** Queue depths, pool size, mode and worker busy time; empty before the first run. */
  java.util.Optional<WorkerStats> workerStats() {
    Workers current = workers;
    return current == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(current.statistics(String.valueOf(mode)));
  }

  /** {@link #workerStats()} under their names, for {@code Element.statistics()}. */
  java.util.Map<String, Object> statistics() {
    Workers current = workers;
    return current == null ? java.util.Map.of() : current.statistics(String.valueOf(mode)).toMap();
  }

  /** The exception a worker threw in the current or last run, or null. */
  Throwable workerException() {
    return workers == null ? null : workers.workerError();
  }

  /**
   * Ends the workers: lets them finish when the run ended normally and their streams are complete,
   * stops them at once otherwise.
   */
  void stop(boolean streamsComplete) {
    Workers ending = workers;
    if (ending == null) {
      return;
    }
    try {
      ending.finish(streamsComplete && !run.failed());
    } finally {
      ending.close();
      scope.untrack(ending);
    }
  }

  /** The builder's parameters, then every {@link WorkerParameter} field, read now. */
  private Map<String, Object> parameters() {
    Map<String, Object> values = new LinkedHashMap<>(options.parameters);
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> type = element.getClass(); type != Element.class; type = type.getSuperclass()) {
      hierarchy.add(0, type);
    }
    for (Class<?> type : hierarchy) {
      for (Field field : type.getDeclaredFields()) {
        WorkerParameter marker = field.getAnnotation(WorkerParameter.class);
        if (marker == null) {
          continue;
        }
        String name = marker.value().isEmpty() ? field.getName() : marker.value();
        try {
          field.setAccessible(true);
          values.put(name, field.get(element));
        } catch (IllegalAccessException | InaccessibleObjectException e) {
          throw new IllegalStateException(
              "cannot read @WorkerParameter field %s.%s of element '%s'; open its package to dev.sgn4j"
                  .formatted(type.getName(), field.getName(), element.name()),
              e);
        }
      }
    }
    return values;
  }
}
