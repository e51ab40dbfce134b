package dev.sgn4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a pipeline file with the line it starts on, so that mistakes found after parsing can
 * still name their line: a mapping, a list or a scalar (string, number, boolean or null).
 */
sealed interface Node {

  /** The 1-based line where the value starts. */
  int line();

  /** The value as plain Java: maps, lists, strings, numbers, booleans and null. */
  Object plain();

  /** What kind of value this is, for messages: "a mapping", "a list", "a string", ... */
  String kind();

  /** A mapping; keys keep their order and their own lines. */
  record MapNode(int line, Map<String, Field> fields) implements Node {
    public MapNode {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Object plain() {
      Map<String, Object> map = new LinkedHashMap<>();
      fields.forEach((name, field) -> map.put(name, field.value().plain()));
      return map;
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping, the line of the key, and its value. */
  record Field(String name, int line, Node value) {}

  /** A list. */
  record ListNode(int line, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public Object plain() {
      List<Object> list = new ArrayList<>();
      items.forEach(item -> list.add(item.plain()));
      return list;
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A string, number, boolean or null. */
  record ScalarNode(int line, Object value) implements Node {
    @Override
    public Object plain() {
      return value;
    }

    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      return value instanceof Boolean ? "a boolean" : "a number";
    }
  }
}
