package dev.sgn4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code parameters} of one element in a pipeline file, read with types: every mistake names
 * the file, the line and the field ({@code parameters.NAME}).
 */
final class Parameters {

  private final String file;
  private final String type;
  private final int line;
  private final Map<String, Node.Field> fields;

  /**
   * Wraps an element's parameters.
   *
   * @param file the file name for messages
   * @param type the element type for messages
   * @param line the line of the parameters (or of the element when it has none)
   * @param fields the parameters; empty when the element has none
   */
  Parameters(String file, String type, int line, Map<String, Node.Field> fields) {
    this.file = file;
    this.type = type;
    this.line = line;
    this.fields = fields;
  }

  /** The line of the parameters. */
  int line() {
    return line;
  }

  /** Rejects parameters other than {@code names}. */
  void allow(List<String> names) throws PipelineFileException {
    for (Node.Field field : fields.values()) {
      if (!names.contains(field.name())) {
        throw new PipelineFileException(
            file,
            field.line(),
            "parameters." + field.name(),
            "unknown parameter '%s' for %s; its parameters are %s"
                .formatted(field.name(), type, String.join(", ", names)));
      }
    }
  }

  /** Whether the parameter is given. */
  boolean has(String name) {
    return fields.containsKey(name);
  }

  /** A mistake about one parameter, at its line (or the parameters' line when it is missing). */
  PipelineFileException error(String name, String detail) {
    Node.Field field = fields.get(name);
    return new PipelineFileException(
        file, field == null ? line : field.line(), "parameters." + name, detail);
  }

  /** A string parameter, or {@code otherwise} when it is not given. */
  String string(String name, String otherwise) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      return otherwise;
    }
    if (field.value() instanceof Node.ScalarNode scalar && scalar.value() instanceof String text) {
      return text;
    }
    throw error(name, "must be a string, got " + field.value().kind());
  }

  /** A required string parameter. */
  String string(String name) throws PipelineFileException {
    String value = string(name, null);
    if (value == null) {
      throw error(name, "missing; %s needs '%s'".formatted(type, name));
    }
    return value;
  }

  /** A pad name, or {@code otherwise} when it is not given; see {@link Links#isName}. */
  String padName(String name, String otherwise) throws PipelineFileException {
    return checkPadName(name, string(name, otherwise));
  }

  private String checkPadName(String name, String padName) throws PipelineFileException {
    if (!Links.isName(padName)) {
      throw error(
          name,
          "invalid pad name '%s'; pad names must be non-empty, without ':' or whitespace"
              .formatted(padName));
    }
    return padName;
  }

  /** A non-empty list of pad names, or {@code otherwise} when it is not given. */
  List<String> names(String name, List<String> otherwise) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      return otherwise;
    }
    if (field.value() instanceof Node.ListNode list && !list.items().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Node item : list.items()) {
        if (!(item instanceof Node.ScalarNode scalar && scalar.value() instanceof String text)) {
          throw error(name, "must be a list of names, but an item is " + item.kind());
        }
        names.add(checkPadName(name, text));
      }
      return names;
    }
    throw error(name, "must be a non-empty list of names, got " + describe(field.value()));
  }

  /** A boolean parameter, or {@code otherwise} when it is not given. */
  boolean bool(String name, boolean otherwise) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      return otherwise;
    }
    if (field.value() instanceof Node.ScalarNode scalar
        && scalar.value() instanceof Boolean value) {
      return value;
    }
    throw error(name, "must be true or false, got " + describe(field.value()));
  }

  /** A whole-number parameter, or {@code otherwise} when it is not given. */
  long integer(String name, long otherwise) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      return otherwise;
    }
    if (field.value() instanceof Node.ScalarNode scalar
        && (scalar.value() instanceof Integer || scalar.value() instanceof Long)) {
      return ((Number) scalar.value()).longValue();
    }
    throw error(name, "must be a whole number, got " + describe(field.value()));
  }

  /** A required number parameter. */
  Number number(String name, String purpose) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      throw error(name, "missing; %s needs '%s' (a number) %s".formatted(type, name, purpose));
    }
    if (field.value() instanceof Node.ScalarNode scalar && scalar.value() instanceof Number value) {
      return value;
    }
    throw error(name, "must be a number, got " + describe(field.value()));
  }

  /** A list parameter as plain values. */
  List<Object> list(String name) throws PipelineFileException {
    Node.Field field = require(name, "a list");
    if (field.value() instanceof Node.ListNode list) {
      @SuppressWarnings("unchecked")
      List<Object> items = (List<Object>) list.plain();
      return items;
    }
    throw error(name, "must be a list, got " + describe(field.value()));
  }

  /** A mapping of pad names to lists, as plain values in file order. */
  Map<String, List<Object>> listsByName(String name) throws PipelineFileException {
    Node.Field field = require(name, "a mapping of pad names to lists of items");
    if (!(field.value() instanceof Node.MapNode map) || map.fields().isEmpty()) {
      throw error(
          name, "must be a mapping of pad names to lists of items, got " + describe(field.value()));
    }
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    for (Node.Field entry : ((Node.MapNode) field.value()).fields().values()) {
      if (!Links.isName(entry.name())) {
        throw new PipelineFileException(
            file,
            entry.line(),
            "parameters." + name + "." + entry.name(),
            "invalid pad name '%s'; pad names must be non-empty, without ':' or whitespace"
                .formatted(entry.name()));
      }
      if (!(entry.value() instanceof Node.ListNode list)) {
        throw new PipelineFileException(
            file,
            entry.line(),
            "parameters." + name + "." + entry.name(),
            "must be a list of items, got " + describe(entry.value()));
      }
      @SuppressWarnings("unchecked")
      List<Object> items = (List<Object>) list.plain();
      lists.put(entry.name(), items);
    }
    return lists;
  }

  private Node.Field require(String name, String what) throws PipelineFileException {
    Node.Field field = fields.get(name);
    if (field == null) {
      throw error(name, "missing; %s needs '%s' (%s)".formatted(type, name, what));
    }
    return field;
  }

  /** All parameters as plain Java values, for user element classes. */
  Map<String, Object> plain() {
    Map<String, Object> map = new LinkedHashMap<>();
    fields.forEach((name, field) -> map.put(name, field.value().plain()));
    return java.util.Collections.unmodifiableMap(map);
  }

  private static String describe(Node node) {
    if (node instanceof Node.ScalarNode scalar) {
      Object value = scalar.value();
      return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
    return node.kind();
  }
}
