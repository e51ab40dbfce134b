package dev.sgn4j.elements;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A transform made of functions: each source pad has a function of the frames of the sink pads it
 * depends on, and sends its result as the frame's data.
 *
 * <pre>{@code
 * // one function over all inputs
 * var scale = CallableTransform.fromCallable(
 *     "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
 *
 * // several outputs, each with its own inputs
 * var math = CallableTransform.fromCombinations("math", List.of(
 *     new CallableTransform.Combination(List.of("a", "b"), f -> (int) f.get(0).data() + (int) f.get(1).data(), "sum"),
 *     new CallableTransform.Combination(List.of("a"), f -> (int) f.get(0).data() * 10, "tenfold")));
 * }</pre>
 *
 * <p>A function receives the input frames in the order of its dependencies. The output frame is EOS
 * when any input of the iteration is EOS, and a gap when any input is a gap (both ORed over all
 * inputs, as in SGN); when it is a gap the function is not called (so it only ever sees valid data)
 * and the output carries no data. Spec and metadata are not carried over.
 *
 * @serial exclude
 */
public final class CallableTransform extends TransformElement {

  private final Function<List<Frame>, ?>[] functions;
  private final int[][] dependencies;
  private final Frame[] inputs;

  /**
   * A function and its inputs, for {@link #fromCombinations}.
   *
   * @param inputs the sink pad names the function reads, in argument order
   * @param function the function from those frames to the output data
   * @param output the source pad name of the result
   */
  public record Combination(List<String> inputs, Function<List<Frame>, ?> function, String output) {
    /** Copies the inputs and checks that nothing is null. */
    public Combination {
      inputs = List.copyOf(inputs);
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * Builds the transform from a function per output pad and each output's inputs.
   *
   * @param name the element name
   * @param callmap output pad name to function
   * @param depmap output pad name to input pad names (short or full names)
   * @param sinkPadNames the sink pads; {@code null} for the sorted union of {@code depmap}'s values
   * @throws IllegalArgumentException when a map is missing, their keys differ, or a dependency
   *     names no sink pad
   */
  public CallableTransform(
      String name,
      Map<String, ? extends Function<List<Frame>, ?>> callmap,
      Map<String, List<String>> depmap,
      List<String> sinkPadNames) {
    super(
        name,
        sinkNames(name, callmap, depmap, sinkPadNames),
        new ArrayList<>(new TreeSet<>(callmap.keySet())));
    @SuppressWarnings("unchecked")
    Function<List<Frame>, ?>[] fns = new Function[sourcePads().size()];
    this.functions = fns;
    this.dependencies = new int[sourcePads().size()][];
    for (SourcePad pad : sourcePads()) {
      functions[pad.index()] = callmap.get(pad.shortName());
      List<String> deps = depmap.get(pad.shortName());
      int[] indexes = new int[deps.size()];
      for (int i = 0; i < indexes.length; i++) {
        String dep = shortName(name(), deps.get(i));
        if (!snks().containsKey(dep)) {
          throw new IllegalArgumentException(
              "CallableTransform '%s': output '%s' depends on '%s', which is not a sink pad; the sink pads are %s"
                  .formatted(name(), pad.shortName(), deps.get(i), snks().keySet()));
        }
        indexes[i] = sinkPad(dep).index();
      }
      dependencies[pad.index()] = indexes;
    }
    this.inputs = new Frame[sinkPads().size()];
  }

  private static List<String> sinkNames(
      String name,
      Map<String, ? extends Function<List<Frame>, ?>> callmap,
      Map<String, List<String>> depmap,
      List<String> sinkPadNames) {
    if (callmap == null || callmap.isEmpty()) {
      throw new IllegalArgumentException(
          "CallableTransform '%s' requires a callmap (output pad name -> function)"
              .formatted(name));
    }
    if (depmap == null || depmap.isEmpty()) {
      throw new IllegalArgumentException(
          "CallableTransform '%s' requires a depmap (output pad name -> input pad names)"
              .formatted(name));
    }
    if (!callmap.keySet().equals(depmap.keySet())) {
      throw new IllegalArgumentException(
          "CallableTransform '%s': callmap and depmap must have the same keys, got %s and %s"
              .formatted(name, new TreeSet<>(callmap.keySet()), new TreeSet<>(depmap.keySet())));
    }
    if (sinkPadNames != null) {
      return sinkPadNames;
    }
    TreeSet<String> union = new TreeSet<>();
    depmap.values().forEach(deps -> deps.forEach(dep -> union.add(shortName(name, dep))));
    return new ArrayList<>(union);
  }

  private static String shortName(String element, String pad) {
    String prefix = element + ":snk:";
    return pad.startsWith(prefix) ? pad.substring(prefix.length()) : pad;
  }

  /**
   * A transform with one output computed from all inputs.
   *
   * @param name the element name
   * @param function from the frames of {@code sinkPadNames}, in that order, to the output data
   * @param outputPadName the source pad name
   * @param sinkPadNames the sink pad names
   * @return the transform
   */
  public static CallableTransform fromCallable(
      String name,
      Function<List<Frame>, ?> function,
      String outputPadName,
      List<String> sinkPadNames) {
    return new CallableTransform(
        name, Map.of(outputPadName, function), Map.of(outputPadName, sinkPadNames), sinkPadNames);
  }

  /**
   * A transform with one output per combination.
   *
   * @param name the element name
   * @param combinations the outputs with their functions and inputs
   * @param sinkPadNames the sink pads; {@code null} for the sorted union of all inputs
   * @return the transform
   * @throws IllegalArgumentException when two combinations have the same output
   */
  public static CallableTransform fromCombinations(
      String name, List<Combination> combinations, List<String> sinkPadNames) {
    Map<String, Function<List<Frame>, ?>> callmap = new TreeMap<>();
    Map<String, List<String>> depmap = new LinkedHashMap<>();
    for (Combination combination : combinations) {
      if (callmap.put(combination.output(), combination.function()) != null) {
        throw new IllegalArgumentException(
            "CallableTransform '%s': two combinations write output '%s'"
                .formatted(name, combination.output()));
      }
      depmap.put(combination.output(), combination.inputs());
    }
    return new CallableTransform(name, callmap, depmap, sinkPadNames);
  }

  /**
   * Like {@link #fromCombinations(String, List, List)} with the sink pads taken from the inputs.
   *
   * @param name the element name
   * @param combinations the outputs with their functions and inputs
   * @return the transform
   */
  public static CallableTransform fromCombinations(String name, List<Combination> combinations) {
    return fromCombinations(name, combinations, null);
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    inputs[pad.index()] = frame;
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    boolean eos = false;
    boolean gap = false;
    for (Frame input : inputs) {
      eos |= input.isEos();
      gap |= input.isGap();
    }
    if (gap) {
      return eos ? Frame.eos() : Frame.gap();
    }
    int[] deps = dependencies[pad.index()];
    Frame[] args = new Frame[deps.length];
    for (int i = 0; i < deps.length; i++) {
      args[i] = inputs[deps[i]];
    }
    Object data = functions[pad.index()].apply(List.of(args));
    return new Frame(data, eos, false, DataSpec.NONE, Map.of());
  }
}
