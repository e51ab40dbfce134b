package dev.sgn4j.flink;

import dev.sgn4j.Element;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings the sinks' states home: the pieces each sink sent after its last iteration are put back
 * together on the client, read, and copied field by field into the sink object the user holds, so
 * that {@code collectSink.collected("in")} after a Flink run gives what it gives after a local one.
 * Fields of {@link Element} itself (name, pads, links) stay as they are.
 */
final class SinkStates {

  /** Pieces by sink index, then by piece index. */
  private final Map<Integer, TreeMap<Integer, byte[]>> pieces = new TreeMap<>();

  private final Map<Integer, Integer> expected = new TreeMap<>();

  void add(FrameRecord record) {
    pieces
        .computeIfAbsent(record.producer(), sink -> new TreeMap<>())
        .put(record.pad(), (byte[]) record.frame().data());
    expected.put(record.producer(), (int) record.iteration());
  }

  /**
   * Copies every sink's state into {@code elements}' sinks.
   *
   * @throws IllegalStateException when a state is incomplete or cannot be read or copied
   */
  void restore(List<Element> elements, ClassLoader loader) {
    for (Map.Entry<Integer, TreeMap<Integer, byte[]>> entry : pieces.entrySet()) {
      Element target = elements.get(entry.getKey());
      TreeMap<Integer, byte[]> parts = entry.getValue();
      if (parts.size() != expected.get(entry.getKey())) {
        throw new IllegalStateException(
            "the state of sink '%s' came back in %d of %d pieces"
                .formatted(target.name(), parts.size(), expected.get(entry.getKey())));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      parts.values().forEach(bytes::writeBytes);
      Object copy;
      try {
        copy = Shipping.unpack(bytes.toByteArray(), loader);
      } catch (IOException e) {
        throw new IllegalStateException(
            "the state of sink '%s' could not be read on the client: %s"
                .formatted(target.name(), e.getMessage()),
            e);
      }
      copyFields(copy, target);
    }
  }

  /** Whether {@code sink}'s state came back. */
  boolean has(int sink) {
    return pieces.containsKey(sink);
  }

  private static void copyFields(Object from, Element to) {
    if (from.getClass() != to.getClass()) {
      throw new IllegalStateException(
          "the state of sink '%s' came back as a %s, not a %s"
              .formatted(to.name(), from.getClass().getName(), to.getClass().getName()));
    }
    for (Class<?> type = to.getClass(); type != Element.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(to, field.get(from));
        } catch (InaccessibleObjectException | IllegalAccessException e) {
          throw new IllegalStateException(
              ("cannot copy field %s of sink '%s' back from Flink: %s; open its package to"
                      + " sgn4j-flink (or run on the class path)")
                  .formatted(field.getName(), to.name(), e.getMessage()),
              e);
        }
      }
    }
  }
}
