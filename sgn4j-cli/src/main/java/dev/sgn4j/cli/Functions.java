package dev.sgn4j.cli;

import dev.sgn4j.Frame;
import java.util.List;
import java.util.function.Function;

/**
 * The named functions a {@code CallableTransform} of a pipeline file can compute: {@code identity},
 * {@code sum}, {@code product}, {@code scale} (by {@code factor}) and {@code offset} (by {@code
 * amount}). Whole numbers stay whole (as {@code long}); any decimal makes the result a {@code
 * double}.
 */
final class Functions {

  /** The function names, in the order messages list them. */
  static final List<String> NAMES = List.of("identity", "sum", "product", "scale", "offset");

  private Functions() {}

  /** A function of the input frames that can travel (to Flink's task managers). */
  interface Named extends Function<List<Frame>, Object>, java.io.Serializable {}

  /**
   * The function a transform's parameters ask for.
   *
   * @param element the element name, for run-time messages
   * @param parameters the element's parameters ({@code function}, {@code factor}, {@code amount})
   * @param inputs the transform's sink pad names, in argument order
   * @return the function from the input frames to the output data
   * @throws PipelineFileException when the function is unknown or its parameters do not fit it
   */
  static Function<List<Frame>, Object> named(
      String element, Parameters parameters, List<String> inputs) throws PipelineFileException {
    String name = parameters.string("function");
    if (!NAMES.contains(name)) {
      throw parameters.error(
          "function",
          "unknown function '%s'; use one of %s".formatted(name, String.join(", ", NAMES)));
    }
    requireOnlyFor(parameters, "factor", "scale", name);
    requireOnlyFor(parameters, "amount", "offset", name);
    boolean unary = !name.equals("sum") && !name.equals("product");
    if (unary && inputs.size() != 1) {
      throw parameters.error(
          "inputs",
          "function '%s' takes one input, got %d: %s".formatted(name, inputs.size(), inputs));
    }
    String what = "CallableTransform '%s', function '%s'".formatted(element, name);
    Named function =
        switch (name) {
          case "identity" -> frames -> frames.get(0).data();
          case "sum" -> frames -> fold(frames, what, 0L, Functions::add);
          case "product" -> frames -> fold(frames, what, 1L, Functions::multiply);
          case "scale" -> {
            Number factor = parameters.number("factor", "to multiply by");
            yield frames -> multiply(number(frames.get(0), what), factor);
          }
          default -> {
            Number amount = parameters.number("amount", "to add");
            yield frames -> add(number(frames.get(0), what), amount);
          }
        };
    return function;
  }

  private static void requireOnlyFor(
      Parameters parameters, String parameter, String function, String chosen)
      throws PipelineFileException {
    if (parameters.has(parameter) && !chosen.equals(function)) {
      throw parameters.error(
          parameter,
          "'%s' goes with function '%s' only, not '%s'".formatted(parameter, function, chosen));
    }
  }

  private static Number fold(
      List<Frame> frames,
      String what,
      Number start,
      java.util.function.BinaryOperator<Number> operation) {
    Number result = start;
    for (Frame frame : frames) {
      result = operation.apply(result, number(frame, what));
    }
    return result;
  }

  private static Number number(Frame frame, String what) {
    if (frame.data() instanceof Number number) {
      return number;
    }
    Object data = frame.data();
    throw new IllegalArgumentException(
        "%s needs numbers, got %s"
            .formatted(
                what, data == null ? "null" : data + " (" + data.getClass().getSimpleName() + ")"));
  }

  private static boolean whole(Number number) {
    return number instanceof Long
        || number instanceof Integer
        || number instanceof Short
        || number instanceof Byte;
  }

  // if/else, not ?: which would widen the long to a double.
  static Number add(Number a, Number b) {
    if (whole(a) && whole(b)) {
      return Math.addExact(a.longValue(), b.longValue());
    }
    return a.doubleValue() + b.doubleValue();
  }

  static Number multiply(Number a, Number b) {
    if (whole(a) && whole(b)) {
      return Math.multiplyExact(a.longValue(), b.longValue());
    }
    return a.doubleValue() * b.doubleValue();
  }
}
