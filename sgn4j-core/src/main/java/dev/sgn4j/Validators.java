package dev.sgn4j;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks of an element's pads for element authors (SGN's {@code sgn.validator}): call one at the
 * end of a constructor, so an element built with the wrong pads fails at once with a message naming
 * it, not later in a run.
 *
 * <pre>{@code
 * final class Doubler extends TransformElement {
 *   Doubler(String name, String sinkPad, String sourcePad) {
 *     super(name, List.of(sinkPad), List.of(sourcePad));
 *     Validators.oneToOne(this);
 *   }
 *   ...
 * }
 * }</pre>
 *
 * <p>Each method throws {@link IllegalArgumentException} (SGN raises {@code AssertionError}, which
 * Python drops under {@code -O}; these checks always run). Stateless; any thread may call them.
 */
public final class Validators {

  private Validators() {}

  /**
   * Requires exactly one sink pad and one source pad, as a transform that maps each input frame to
   * one output frame.
   *
   * @param element the element to check
   * @throws IllegalArgumentException e.g. "Element 'd' requires exactly one sink and source pad,
   *     got 2 sink pads (a, b) and 1 source pad (out)"
   */
  public static void oneToOne(Element element) {
    Objects.requireNonNull(element, "element");
    if (element.sinkPads().size() != 1 || element.sourcePads().size() != 1) {
      throw new IllegalArgumentException(
          "%s requires exactly one sink and source pad, got %s and %s"
              .formatted(
                  describe(element),
                  counted(element.sinkPads(), "sink pad"),
                  counted(element.sourcePads(), "source pad")));
    }
  }

  /**
   * Requires exactly one sink pad (any number of source pads), as a transform that splits one input
   * into several outputs.
   *
   * @param element the element to check
   * @throws IllegalArgumentException e.g. "Element 's' requires exactly one sink pad, got 2 (a, b)"
   */
  public static void oneToMany(Element element) {
    requireOne(element, "sink");
  }

  /**
   * Requires exactly one source pad (any number of sink pads), as a transform that merges several
   * inputs into one output.
   *
   * @param element the element to check
   * @throws IllegalArgumentException e.g. "Element 'm' requires exactly one source pad, got 0"
   */
  public static void manyToOne(Element element) {
    requireOne(element, "source");
  }

  /**
   * Requires exactly one sink pad, as a sink that consumes one stream; the same check as {@link
   * #oneToMany}, named for sinks.
   *
   * @param element the element to check
   * @throws IllegalArgumentException e.g. "Element 'k' requires exactly one sink pad, got 2 (a, b)"
   */
  public static void singlePad(Element element) {
    requireOne(element, "sink");
  }

  /**
   * Requires these numbers of pads; {@code null} leaves a kind unchecked. Sink pads are checked
   * first.
   *
   * @param element the element to check
   * @param sinkPads the number of sink pads required, or null
   * @param sourcePads the number of source pads required, or null
   * @throws IllegalArgumentException e.g. "Element 't' requires exactly 2 sink pads, got 1 (a)", or
   *     when a required number is negative
   */
  public static void numPads(Element element, Integer sinkPads, Integer sourcePads) {
    Objects.requireNonNull(element, "element");
    requireCount(element, element.sinkPads(), sinkPads, "sink pad");
    requireCount(element, element.sourcePads(), sourcePads, "source pad");
  }

  /**
   * Requires the source pads and sink pads to have the same set of short names (in any order), as a
   * transform that processes each named stream on its own.
   *
   * @param element the element to check
   * @throws IllegalArgumentException e.g. "Element 't' requires source and sink pad names to match.
   *     Source: [H1, V1], Sink: [H1, L1]"
   */
  public static void padNamesMatch(Element element) {
    Objects.requireNonNull(element, "element");
    Set<String> sources = element.srcs().keySet();
    Set<String> sinks = element.snks().keySet();
    if (!sources.equals(sinks)) {
      throw new IllegalArgumentException(
          "%s requires source and sink pad names to match. Source: %s, Sink: %s"
              .formatted(describe(element), List.copyOf(sources), List.copyOf(sinks)));
    }
  }

  private static void requireOne(Element element, String kind) {
    Objects.requireNonNull(element, "element");
    List<? extends Pad> pads = kind.equals("sink") ? element.sinkPads() : element.sourcePads();
    if (pads.size() != 1) {
      throw new IllegalArgumentException(
          "%s requires exactly one %s pad, got %s"
              .formatted(describe(element), kind, listed(pads)));
    }
  }

  private static void requireCount(
      Element element, List<? extends Pad> pads, Integer required, String what) {
    if (required == null) {
      return;
    }
    if (required < 0) {
      throw new IllegalArgumentException(
          "numPads: the number of %ss must be at least 0, got %d".formatted(what, required));
    }
    if (pads.size() != required) {
      throw new IllegalArgumentException(
          "%s requires exactly %s, got %s"
              .formatted(describe(element), plural(required, what), listed(pads)));
    }
  }

  private static String describe(Element element) {
    return "Element '" + element.name() + "'";
  }

  /** "2 sink pads (a, b)", "0 source pads". */
  private static String counted(List<? extends Pad> pads, String what) {
    return plural(pads.size(), what) + names(pads);
  }

  /** "2 (a, b)", "0". */
  private static String listed(List<? extends Pad> pads) {
    return pads.size() + names(pads);
  }

  private static String names(List<? extends Pad> pads) {
    return pads.isEmpty()
        ? ""
        : " (" + String.join(", ", pads.stream().map(Pad::shortName).toList()) + ")";
  }

  private static String plural(int count, String what) {
    return count + " " + what + (count == 1 ? "" : "s");
  }
}
