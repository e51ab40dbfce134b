package dev.sgn4j.cli;

import dev.sgn4j.Element;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.DequeSource;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in element types a pipeline file names by their simple class name, and how each reads
 * its parameters. See the README's "Command line" section for the parameters of each.
 */
final class BuiltinElements {

  /** Builds one element from its name and parameters. */
  @FunctionalInterface
  interface Builder {
    Element build(String name, Parameters parameters) throws PipelineFileException;
  }

  private static final Map<String, Builder> BUILDERS = builders();

  /** NullSource's longest {@code waitMs}: its pause is timed in a long of nanoseconds. */
  private static final long LONGEST_WAIT_MS = Long.MAX_VALUE / 1_000_000;

  private BuiltinElements() {}

  private static Map<String, Builder> builders() {
    Map<String, Builder> builders = new LinkedHashMap<>();
    builders.put("IterSource", BuiltinElements::iterSource);
    builders.put("DequeSource", BuiltinElements::dequeSource);
    builders.put("NullSource", BuiltinElements::nullSource);
    builders.put("CallableTransform", BuiltinElements::callableTransform);
    builders.put("CollectSink", BuiltinElements::collectSink);
    builders.put("NullSink", BuiltinElements::nullSink);
    return java.util.Collections.unmodifiableMap(builders);
  }

  /** The type names, in the order messages list them. */
  static List<String> names() {
    return List.copyOf(BUILDERS.keySet());
  }

  /** The builder of a type, or null when the name is not a built-in. */
  static Builder builder(String type) {
    return BUILDERS.get(type);
  }

  private static Element iterSource(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("pad", "items", "pads", "eosOnEmpty"));
    Map<String, List<Object>> items = itemsByPad(p);
    return new IterSource(
        name, List.copyOf(items.keySet()), items, p.bool("eosOnEmpty", /* otherwise */ true));
  }

  private static Element dequeSource(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("pad", "items", "pads"));
    Map<String, List<Object>> items = itemsByPad(p);
    for (Map.Entry<String, List<Object>> pad : items.entrySet()) {
      if (pad.getValue().contains(null)) {
        throw p.error(
            p.has("pads") ? "pads" : "items",
            "DequeSource items must not be null (pad '%s')".formatted(pad.getKey()));
      }
    }
    var source = new DequeSource(name, List.copyOf(items.keySet()), false);
    items.forEach(
        (pad, padItems) -> {
          source.deque(pad).addAll(padItems);
          source.endOfStream(pad);
        });
    return source;
  }

  /** {@code pad} + {@code items} for one pad, or {@code pads} mapping each pad to its items. */
  private static Map<String, List<Object>> itemsByPad(Parameters p) throws PipelineFileException {
    if (p.has("pads")) {
      for (String single : List.of("items", "pad")) {
        if (p.has(single)) {
          throw p.error(
              single,
              "give either 'pad' and 'items' (one pad) or 'pads' (pad name to items), not both");
        }
      }
      return p.listsByName("pads");
    }
    return Map.of(p.padName("pad", "out"), p.list("items"));
  }

  private static Element nullSource(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("pads", "frames", "waitMs"));
    long frames = p.integer("frames", -1);
    if (p.has("frames") && frames < 0) {
      throw p.error(
          "frames",
          "must not be negative, got %d; leave 'frames' out to send frames until the run is stopped"
              .formatted(frames));
    }
    long waitMs = p.integer("waitMs", 0);
    if (waitMs < 0) {
      throw p.error("waitMs", "must not be negative, got " + waitMs);
    }
    if (waitMs > LONGEST_WAIT_MS) {
      throw p.error(
          "waitMs",
          "must be at most %d (about 292 years), got %d".formatted(LONGEST_WAIT_MS, waitMs));
    }
    return new NullSource(
        name,
        p.names("pads", List.of("out")),
        frames,
        waitMs == 0 ? null : Duration.ofMillis(waitMs));
  }

  private static Element callableTransform(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("function", "inputs", "output", "factor", "amount"));
    List<String> inputs = p.names("inputs", List.of("in"));
    String output = p.padName("output", "out");
    return CallableTransform.fromCallable(name, Functions.named(name, p, inputs), output, inputs);
  }

  private static Element collectSink(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("pads"));
    return new CollectSink(name, p.names("pads", List.of("in")));
  }

  private static Element nullSink(String name, Parameters p) throws PipelineFileException {
    p.allow(List.of("pads", "print"));
    return new NullSink(
        name, p.names("pads", List.of("in")), p.bool("print", false) ? System.out : null);
  }
}
