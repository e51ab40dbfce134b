package dev.sgn4j.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a posted JSON value into a Java value of the type the state entry already has, SGN's {@code
 * type(old)(posted)} done carefully: numbers become the existing numeric type when they fit exactly
 * (a whole number for an {@code int}, within its range), strings take any scalar, booleans take
 * {@code true}/{@code false}, enums take a constant's name, lists and maps are converted item by
 * item to the types of the items they replace, and other types are read by Jackson. Lists and maps
 * come out unmodifiable, so nobody mutates a value another thread is reading.
 *
 * <p>A posted map that replaces a map of the state, at any depth below a state key (through map
 * keys), is checked like the state itself: each posted key must be one the map has, its value
 * converts to the type of the value it replaces, and the keys not posted keep their values, so the
 * map keeps its key set and value types. An empty map has no key set to keep: posted keys are taken
 * with their JSON types. Items of lists are whole new values: a map in a list takes the value types
 * of the list's first item where it has the same keys, and any keys.
 */
final class ValueConverter {

  /** Longest numeric text accepted, so that no posted value costs much to parse. */
  private static final int MAX_NUMBER_TEXT = 100;

  /** Largest number of digits before the decimal point accepted for a {@code BigInteger}. */
  private static final int MAX_WHOLE_DIGITS = 1000;

  private ValueConverter() {}

  /** Posted keys that a map of the state does not have. */
  static final class UnknownKeys extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the map is, e.g. {@code config} or {@code config.filter}. */
    final String path;

    /** The posted keys it does not have, in the order posted. */
    final List<String> unknown;

    /** The keys it has, sorted. */
    final List<String> keys;

    UnknownKeys(String path, List<String> unknown, List<String> keys) {
      super(path + ": " + unknown, null, false, false);
      this.path = path;
      this.unknown = List.copyOf(unknown);
      this.keys = List.copyOf(keys);
    }
  }

  /** A posted value that does not fit: where in the value, what was expected, what came. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    final String path;
    final String expected;
    final transient JsonNode got;

    Mismatch(String path, String expected, JsonNode got) {
      super(expected, null, false, false);
      this.path = path;
      this.expected = expected;
      this.got = got;
    }
  }

  /**
   * Converts {@code posted} to the type of {@code current}.
   *
   * @param current the value it replaces; null when there is no type to keep
   * @param posted the posted JSON value
   * @param path where the value is, for messages: the state key, then {@code [i]} or {@code .key}
   * @return the new value
   * @throws Mismatch when it cannot be converted
   * @throws UnknownKeys when it sets a key that a map of the state does not have
   */
  static Object convert(Object current, JsonNode posted, String path) throws Mismatch, UnknownKeys {
    return convert(current, posted, path, true);
  }

  /**
   * @param keyed whether {@code current} is reached from the state through map keys only, so that a
   *     posted map updates it; false inside lists, whose items are new values
   */
  private static Object convert(Object current, JsonNode posted, String path, boolean keyed)
      throws Mismatch, UnknownKeys {
    if (current == null) {
      return natural(posted);
    }
    if (current instanceof String) {
      return toText(posted, path);
    }
    if (current instanceof Boolean) {
      return toBoolean(posted, path);
    }
    if (current instanceof Number number) {
      return toNumber(number.getClass(), posted, path);
    }
    if (current instanceof Enum<?> constant) {
      return toEnum(constant.getDeclaringClass(), posted, path);
    }
    if (current instanceof List<?> list) {
      return toList(list, posted, path);
    }
    if (current instanceof Map<?, ?> map) {
      return toMap(map, posted, path, keyed);
    }
    return readAs(current.getClass(), posted, path);
  }

  /** The plain Java value of a JSON value: maps, lists, strings, booleans, numbers, null. */
  static Object natural(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(field -> map.put(field.getKey(), natural(field.getValue())));
        return Collections.unmodifiableMap(map);
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        node.forEach(item -> list.add(natural(item)));
        return Collections.unmodifiableList(list);
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        return naturalNumber(node);
      case NULL:
      case MISSING:
        return null;
      default:
        return node.toString();
    }
  }

  private static Object naturalNumber(JsonNode node) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToInt()) {
        return node.intValue();
      }
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    double value = node.doubleValue();
    return Double.isFinite(value) ? (Object) value : node.decimalValue();
  }

  private static String toText(JsonNode posted, String path) throws Mismatch {
    if (posted.isTextual()) {
      return posted.textValue();
    }
    if (posted.isNumber() || posted.isBoolean()) {
      return posted.asText();
    }
    throw new Mismatch(path, "a string", posted);
  }

  private static Boolean toBoolean(JsonNode posted, String path) throws Mismatch {
    if (posted.isBoolean()) {
      return posted.booleanValue();
    }
    if (posted.isTextual()) {
      String text = posted.textValue().trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    }
    throw new Mismatch(path, "a boolean (true or false)", posted);
  }

  private static Object toNumber(Class<?> type, JsonNode posted, String path) throws Mismatch {
    if (type == Integer.class) {
      return (int) whole(posted, path, "an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type == Long.class) {
      return whole(posted, path, "a long", Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == Short.class) {
      return (short) whole(posted, path, "a short", Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type == Byte.class) {
      return (byte) whole(posted, path, "a byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (type == Double.class) {
      BigDecimal value = decimal(posted);
      double converted = value == null ? Double.NaN : value.doubleValue();
      if (!Double.isFinite(converted)) {
        throw new Mismatch(path, "a double (a finite number)", posted);
      }
      return converted;
    }
    if (type == Float.class) {
      BigDecimal value = decimal(posted);
      float converted = value == null ? Float.NaN : value.floatValue();
      if (!Float.isFinite(converted)) {
        throw new Mismatch(path, "a float (a finite number up to 3.4028235E38)", posted);
      }
      return converted;
    }
    if (type == BigDecimal.class) {
      BigDecimal value = decimal(posted);
      if (value == null) {
        throw new Mismatch(path, "a BigDecimal (a number)", posted);
      }
      return value;
    }
    if (type == BigInteger.class) {
      BigDecimal value = decimal(posted);
      if (value == null
          || !isWhole(value)
          || value.precision() - value.scale() > MAX_WHOLE_DIGITS) {
        throw new Mismatch(
            path,
            "a BigInteger (a whole number of at most " + MAX_WHOLE_DIGITS + " digits)",
            posted);
      }
      return value.toBigIntegerExact();
    }
    return readAs(type, posted, path);
  }

  private static long whole(JsonNode posted, String path, String name, long min, long max)
      throws Mismatch {
    BigDecimal value = decimal(posted);
    if (value == null
        || !isWhole(value)
        || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new Mismatch(
          path, "%s (a whole number from %d to %d)".formatted(name, min, max), posted);
    }
    return value.longValueExact();
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** The number a JSON number or numeric string stands for, or null. */
  private static BigDecimal decimal(JsonNode posted) {
    if (posted.isNumber()) {
      return posted.decimalValue();
    }
    if (posted.isTextual() && posted.textValue().length() <= MAX_NUMBER_TEXT) {
      try {
        return new BigDecimal(posted.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Object toEnum(Class<?> type, JsonNode posted, String path) throws Mismatch {
    Object[] constants = type.getEnumConstants();
    if (posted.isTextual()) {
      String text = posted.textValue();
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equals(text)) {
          return constant;
        }
      }
      List<Object> loose =
          Arrays.stream(constants)
              .filter(constant -> ((Enum<?>) constant).name().equalsIgnoreCase(text.trim()))
              .toList();
      if (loose.size() == 1) {
        return loose.get(0);
      }
    }
    String names =
        Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    throw new Mismatch(path, "one of %s (%s)".formatted(names, type.getSimpleName()), posted);
  }

  private static List<Object> toList(List<?> current, JsonNode posted, String path)
      throws Mismatch, UnknownKeys {
    if (!posted.isArray()) {
      throw new Mismatch(path, "a JSON array (a list)", posted);
    }
    Object template = commonItem(current);
    List<Object> list = new ArrayList<>(posted.size());
    for (int i = 0; i < posted.size(); i++) {
      list.add(convert(template, posted.get(i), path + "[" + i + "]", false));
    }
    return Collections.unmodifiableList(list);
  }

  /** An item whose type every item of {@code list} has, or null when they differ or it is empty. */
  private static Object commonItem(List<?> list) {
    Object first = list.isEmpty() ? null : list.get(0);
    if (first == null) {
      return null;
    }
    for (Object item : list) {
      if (item == null || item.getClass() != first.getClass()) {
        return null;
      }
    }
    return first;
  }

  private static Map<Object, Object> toMap(
      Map<?, ?> current, JsonNode posted, String path, boolean keyed) throws Mismatch, UnknownKeys {
    if (!posted.isObject()) {
      throw new Mismatch(path, "a JSON object (a map)", posted);
    }
    if (!keyed || current.isEmpty()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : posted.properties()) {
        String key = field.getKey();
        map.put(key, convert(valueOf(current, key), field.getValue(), path + "." + key, keyed));
      }
      return Collections.unmodifiableMap(map);
    }
    List<String> unknown = new ArrayList<>();
    posted
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!containsKey(current, key)) {
                unknown.add(key);
              }
            });
    if (!unknown.isEmpty()) {
      throw new UnknownKeys(
          path, unknown, current.keySet().stream().map(String::valueOf).sorted().toList());
    }
    Map<Object, Object> map = new LinkedHashMap<>(current);
    for (Map.Entry<String, JsonNode> field : posted.properties()) {
      String key = field.getKey();
      map.put(key, convert(current.get(key), field.getValue(), path + "." + key, true));
    }
    return Collections.unmodifiableMap(map);
  }

  private static boolean containsKey(Map<?, ?> map, String key) {
    try {
      return map.containsKey(key);
    } catch (ClassCastException | NullPointerException e) {
      return false;
    }
  }

  /** The value under {@code key}, or null also when the map's keys are not strings. */
  private static Object valueOf(Map<?, ?> map, String key) {
    try {
      return map.get(key);
    } catch (ClassCastException | NullPointerException e) {
      return null;
    }
  }

  private static Object readAs(Class<?> type, JsonNode posted, String path) throws Mismatch {
    try {
      Object value = Json.MAPPER.treeToValue(posted, type);
      if (value != null) {
        return value;
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // falls through to the mismatch below
    }
    throw new Mismatch(path, "a value that reads as " + type.getSimpleName(), posted);
  }
}
