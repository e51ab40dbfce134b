package dev.sgn4j.process.codec;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where in an item a value sits, for error messages: {@code frame data}, {@code frame
 * metadata 'gps'}, {@code frame data[3]}, {@code frame of pad 'out' data['k']}, {@code item[2]}.
 * Only the slow path of a failed encoding calls this; the encoder itself keeps no paths.
 */
final class CodecPaths {

  private static final int MAX_KEY_LENGTH = 40;

  private CodecPaths() {}

  /**
   * The path of {@code target} (compared by identity) in {@code item}, searched in the order the
   * encoder visits values; {@code "item"} when it is not found.
   */
  static String pathOf(Object item, Object target) {
    String root = item instanceof Frame ? "frame" : "item";
    if (item == target) {
      return root;
    }
    String found;
    if (item instanceof Frame frame) {
      found = inFrame(frame, target, root + " ", 0);
    } else if (item instanceof Map<?, ?> map && isJdk(map)) {
      found = inPadMap(map, target);
    } else {
      found = find(item, target, root, 0);
    }
    return found == null ? root : found;
  }

  /** A map at the top level: entries that are frames of named pads read as such. */
  private static String inPadMap(Map<?, ?> map, Object target) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String found = find(entry.getKey(), target, "a key of item", 1);
      if (found != null) {
        return found;
      }
      if (entry.getKey() instanceof String pad && entry.getValue() instanceof Frame frame) {
        String label = "frame of pad '" + shorten(pad) + "'";
        found = frame == target ? label : inFrame(frame, target, label + " ", 1);
      } else {
        found = find(entry.getValue(), target, "item[" + key(entry.getKey()) + "]", 1);
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String find(Object value, Object target, String path, int depth) {
    if (value == target) {
      return path;
    }
    if (depth >= CodecWriter.MAX_DEPTH) {
      return null;
    }
    if (value instanceof Frame frame) {
      return inFrame(frame, target, path + ".", depth + 1);
    }
    if (value instanceof Collection<?> values
        && (value instanceof List<?> || value instanceof Set<?>)
        && isJdk(value)) {
      int i = 0;
      for (Object element : values) {
        String found = find(element, target, path + "[" + i++ + "]", depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map && isJdk(map)) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String found = find(entry.getKey(), target, "a key of " + path, depth + 1);
        if (found == null) {
          found = find(entry.getValue(), target, path + "[" + key(entry.getKey()) + "]", depth + 1);
        }
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Searches a frame's parts; {@code prefix} ends with a space at the top level, else a dot. */
  private static String inFrame(Frame frame, Object target, String prefix, int depth) {
    if (frame.spec() != DataSpec.NONE) {
      String found = find(frame.spec(), target, prefix + "spec", depth);
      if (found != null) {
        return found;
      }
    }
    for (Map.Entry<String, Object> entry : frame.metadata().entrySet()) {
      String found =
          find(
              entry.getValue(),
              target,
              prefix + "metadata '" + shorten(entry.getKey()) + "'",
              depth);
      if (found != null) {
        return found;
      }
    }
    return find(frame.data(), target, prefix + "data", depth);
  }

  private static boolean isJdk(Object value) {
    return value.getClass().getClassLoader() == null;
  }

  private static String key(Object key) {
    if (key instanceof String text) {
      return "'" + shorten(text) + "'";
    }
    if (key == null || key instanceof Number || key instanceof Boolean) {
      return String.valueOf(key);
    }
    if (key instanceof Character c) {
      return "'" + c + "'";
    }
    return "<" + key.getClass().getSimpleName() + ">";
  }

  private static String shorten(String text) {
    return text.length() <= MAX_KEY_LENGTH ? text : text.substring(0, MAX_KEY_LENGTH) + "...";
  }
}
