package dev.sgn4j.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sgn4j.ComposedElement;
import dev.sgn4j.Controllable;
import dev.sgn4j.Element;
import dev.sgn4j.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes the control state of a pipeline's {@link Controllable} elements, found by name
 * among the pipeline's elements and, recursively, the inner elements of composed ones. Elements are
 * looked up on every request, so elements inserted after the server started are found too.
 * Thread-safe as far as the elements' state maps are.
 */
final class ElementStates {

  private final Pipeline pipeline;

  ElementStates(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * The state of element {@code name}, or the value under {@code keys} in it (SGN's {@code
   * /get/<name>[/<key>[/<key2>]]}): a copy of the state map, or the value at {@code data[key]}, or
   * at {@code data[key][key2]}, where {@code key2} is a map key or a list index.
   *
   * @throws ControlError 404 naming the element or key that is not there
   */
  Object read(String name, List<String> keys) {
    Map<String, Object> data = new LinkedHashMap<>(state(name));
    if (keys.isEmpty()) {
      return data;
    }
    String key = keys.get(0);
    if (!data.containsKey(key)) {
      throw ControlError.notFound(key + " not in data");
    }
    Object value = data.get(key);
    if (keys.size() == 1) {
      return value;
    }
    String key2 = keys.get(1);
    if (value instanceof Map<?, ?> map && containsKey(map, key2)) {
      return map.get(key2);
    }
    if (value instanceof List<?> list) {
      int index = index(key2, list.size());
      if (index >= 0) {
        return list.get(index);
      }
    }
    throw ControlError.notFound(key2 + " not in data[" + key + "]");
  }

  /**
   * Replaces entries of element {@code name}'s state with the posted values, converted to the types
   * of the values they replace (SGN's {@code exchange_state}); a posted map updates the map it
   * replaces, whose keys it must have, at every depth ({@link ValueConverter}). Nothing changes
   * unless every posted key exists and every value converts; each entry is then replaced
   * atomically, one after the other.
   *
   * @param posted the parsed request body
   * @throws ControlError 404 for an unknown element, 400 for a body that is not an object, an
   *     unknown key or a value that does not convert
   */
  void write(String name, JsonNode posted) {
    Map<String, Object> state = state(name);
    if (!posted.isObject()) {
      throw ControlError.badRequest(
          "Invalid JSON: expected an object of state keys and their new values, like"
              + " {\"key\": value}, but got "
              + describe(posted));
    }
    List<String> unknown = new ArrayList<>();
    posted
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!state.containsKey(key)) {
                unknown.add(key);
              }
            });
    if (!unknown.isEmpty()) {
      throw ControlError.badRequest(
          "Cannot set %s of element '%s': no such %s; its keys are: %s"
              .formatted(
                  unknown.stream().map(key -> "'" + key + "'").collect(Collectors.joining(", ")),
                  name,
                  unknown.size() == 1 ? "key" : "keys",
                  sortedKeys(state)));
    }
    Map<String, Object> updates = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : posted.properties()) {
      String key = field.getKey();
      try {
        updates.put(key, ValueConverter.convert(state.get(key), field.getValue(), key));
      } catch (ValueConverter.Mismatch mismatch) {
        throw ControlError.badRequest(
            "Cannot set '%s' of element '%s': expected %s, got %s"
                .formatted(mismatch.path, name, mismatch.expected, Json.shortText(mismatch.got)));
      } catch (ValueConverter.UnknownKeys unknownKeys) {
        throw ControlError.badRequest(
            "Cannot set %s of element '%s': no such %s in '%s'; its keys are: %s"
                .formatted(
                    unknownKeys.unknown.stream()
                        .map(nested -> "'" + unknownKeys.path + "." + nested + "'")
                        .collect(Collectors.joining(", ")),
                    name,
                    unknownKeys.unknown.size() == 1 ? "key" : "keys",
                    unknownKeys.path,
                    String.join(", ", unknownKeys.keys)));
      }
    }
    updates.forEach(state::replace);
  }

  /** The live state map of the controllable element {@code name}. */
  private Map<String, Object> state(String name) {
    List<Element> all = allElements();
    Element element = all.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    if (!(element instanceof Controllable controllable)) {
      String what =
          element == null
              ? "No controllable element named '%s'".formatted(name)
              : "Element '%s' is not controllable: it does not implement %s"
                  .formatted(name, Controllable.class.getName());
      throw ControlError.notFound(what + "; " + controllableNames(all));
    }
    Map<String, Object> state = controllable.controlState();
    if (state == null) {
      throw new ControlError(
          500,
          "Element '%s' returned null from controlState(); it must return its state map"
              .formatted(name));
    }
    return state;
  }

  /** Every element of the pipeline, composed elements followed by their inner elements. */
  List<Element> allElements() {
    List<Element> all = new ArrayList<>();
    addAll(pipeline.elements(), all);
    return all;
  }

  private static void addAll(List<Element> elements, List<Element> into) {
    for (Element element : elements) {
      into.add(element);
      if (element instanceof ComposedElement composed) {
        addAll(composed.innerElements(), into);
      }
    }
  }

  private static String controllableNames(List<Element> all) {
    List<String> names =
        all.stream().filter(Controllable.class::isInstance).map(Element::name).toList();
    return names.isEmpty()
        ? "this pipeline has no controllable elements (elements implement "
            + Controllable.class.getName()
            + " to be controlled)"
        : "controllable elements: " + String.join(", ", names);
  }

  private static String sortedKeys(Map<String, Object> state) {
    return state.keySet().stream().sorted().collect(Collectors.joining(", "));
  }

  private static boolean containsKey(Map<?, ?> map, String key) {
    try {
      return map.containsKey(key);
    } catch (ClassCastException | NullPointerException e) {
      return false;
    }
  }

  /** {@code text} as an index below {@code size}, or -1. */
  private static int index(String text, int size) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int index = Integer.parseInt(text);
    return index < size ? index : -1;
  }

  private static String describe(JsonNode node) {
    String kind =
        switch (node.getNodeType()) {
          case ARRAY -> "an array";
          case STRING -> "a string";
          case NUMBER -> "a number";
          case BOOLEAN -> "a boolean";
          case NULL -> null;
          default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    return kind == null ? "null" : kind + ": " + Json.shortText(node);
  }
}
