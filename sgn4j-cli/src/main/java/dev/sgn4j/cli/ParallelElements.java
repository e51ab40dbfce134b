package dev.sgn4j.cli;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An element of a pipeline file with a {@code parallel} field: its work runs in worker threads or
 * worker processes, outputs in input order.
 *
 * <pre>
 * - name: scale
 *   type: CallableTransform            # its function, in worker threads
 *   parameters: {function: scale, factor: 10}
 *   parallel: {mode: thread, workers: 4, queueCapacity: 64}
 * - name: square
 *   type: com.example.Square           # a FrameMap class, in any mode
 *   parallel: {mode: process, workers: 2}
 * </pre>
 *
 * <p>{@code mode} is {@code thread} (the default), {@code virtual_thread} or {@code process};
 * {@code workers} defaults to 1; {@code queueCapacity} to the parallel elements' default. A
 * CallableTransform's function lives in this JVM, so it runs in threads only; a {@link FrameMap}
 * class (public, with a public no-argument constructor, no parameters) runs in every mode, and in
 * process mode it must be on the JVM's class path, where worker processes find it, rather than only
 * on {@code --classpath}.
 */
final class ParallelElements {

  private static final List<String> FIELDS = List.of("mode", "workers", "queueCapacity");

  private ParallelElements() {}

  static Element build(
      String file,
      String name,
      String type,
      int typeLine,
      Parameters parameters,
      Node.Field parallel,
      ClassLoader loader)
      throws PipelineFileException {
    if (!(parallel.value() instanceof Node.MapNode map)) {
      throw new PipelineFileException(
          file,
          parallel.line(),
          "parallel",
          "must be a mapping with mode, workers and queueCapacity, got " + parallel.value().kind());
    }
    Map<String, Node.Field> fields = map.fields();
    for (Node.Field field : fields.values()) {
      if (!FIELDS.contains(field.name())) {
        throw new PipelineFileException(
            file,
            field.line(),
            "parallel." + field.name(),
            "unknown field; 'parallel' has mode, workers and queueCapacity");
      }
    }
    WorkerMode mode = mode(file, fields.get("mode"));
    var builder = ParallelTransformElement.builder(name).mode(mode);
    Integer workers = positive(file, fields.get("workers"));
    if (workers != null) {
      builder.workers(workers);
    }
    Integer capacity = positive(file, fields.get("queueCapacity"));
    if (capacity != null) {
      builder.queueCapacity(capacity);
    }
    if (type.equals("CallableTransform")) {
      if (mode == WorkerMode.PROCESS) {
        throw new PipelineFileException(
            file,
            fields.get("mode").line(),
            "parallel.mode",
            "a CallableTransform's function lives in this JVM and runs in threads only; for"
                + " process mode name a FrameMap class as the element's type");
      }
      parameters.allow(List.of("function", "factor", "amount"));
      Function<List<Frame>, Object> function = Functions.named(name, parameters, List.of("in"));
      builder.map(frame -> frame.withData(function.apply(List.of(frame))));
    } else if (type.contains(".")) {
      parameters.allow(List.of());
      builder.map(frameMap(file, typeLine, type, mode, loader));
    } else {
      throw new PipelineFileException(
          file,
          parallel.line(),
          "parallel",
          "element type '%s' cannot run in workers; 'parallel' applies to CallableTransform and to"
                  .formatted(type)
              + " FrameMap classes");
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new PipelineFileException(file, parallel.line(), "parallel", e.getMessage());
    }
  }

  private static Class<? extends FrameMap> frameMap(
      String file, int typeLine, String className, WorkerMode mode, ClassLoader loader)
      throws PipelineFileException {
    Class<?> type = UserElements.load(file, typeLine, className, loader);
    if (!FrameMap.class.isAssignableFrom(type)) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          "class '%s' is not a FrameMap; a parallel element of a file is a CallableTransform or a"
                  .formatted(className)
              + " public FrameMap class with a public no-argument constructor");
    }
    if (mode == WorkerMode.PROCESS
        && type.getClassLoader() != FrameMap.class.getClassLoader()
        && type.getClassLoader() != ParallelElements.class.getClassLoader()) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          ("class '%s' comes from --classpath, which worker processes do not see; put its jar on"
                  + " the JVM's class path (java -cp ... dev.sgn4j.cli.Main run ...) for process"
                  + " mode")
              .formatted(className));
    }
    return type.asSubclass(FrameMap.class);
  }

  private static WorkerMode mode(String file, Node.Field field) throws PipelineFileException {
    if (field == null) {
      return WorkerMode.THREAD;
    }
    if (field.value() instanceof Node.ScalarNode scalar && scalar.value() instanceof String text) {
      String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
      for (WorkerMode mode : WorkerMode.values()) {
        if (mode.name().equals(wanted)) {
          return mode;
        }
      }
    }
    throw new PipelineFileException(
        file,
        field.line(),
        "parallel.mode",
        "unknown worker mode %s; use thread, virtual_thread or process"
            .formatted(field.value() instanceof Node.ScalarNode s ? "'" + s.value() + "'" : ""));
  }

  private static Integer positive(String file, Node.Field field) throws PipelineFileException {
    if (field == null) {
      return null;
    }
    if (field.value() instanceof Node.ScalarNode scalar
        && scalar.value() instanceof Number number
        && number.longValue() == number.doubleValue()
        && number.longValue() >= 1
        && number.longValue() <= 100_000) {
      return number.intValue();
    }
    throw new PipelineFileException(
        file,
        field.line(),
        "parallel." + field.name(),
        "must be a whole number from 1 to 100000, got "
            + (field.value() instanceof Node.ScalarNode s ? s.value() : field.value().kind()));
  }
}
