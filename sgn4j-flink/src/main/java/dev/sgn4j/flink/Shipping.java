package dev.sgn4j.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How elements travel to Flink's task managers and sinks' states come back: Java serialization,
 * with a check that says which field of which element cannot travel, and why, before anything is
 * submitted.
 */
final class Shipping {

  private Shipping() {}

  /** An object's bytes and the classes they name, whose code the cluster needs. */
  record Packed(byte[] bytes, Set<Class<?>> classes) {}

  /**
   * Serializes {@code value}, an element or the work of a parallel element, for a task manager.
   *
   * @param value the value
   * @param what what it is, for the message, e.g. {@code element 'scale'}
   * @return its bytes and the classes they name
   * @throws IllegalArgumentException naming the field path and the class that cannot travel
   */
  static Packed pack(Object value, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Set<Class<?>> classes = new LinkedHashSet<>();
    try (ObjectOutputStream out = new ClassRecordingStream(bytes, classes)) {
      out.writeObject(value);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(unshippable(value, what, e), e);
    }
    return new Packed(bytes.toByteArray(), classes);
  }

  /**
   * Reads back what {@link #pack} wrote, resolving classes through {@code loader} (the task's user
   * code class loader).
   */
  static Object unpack(byte[] bytes, ClassLoader loader) throws IOException {
    try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(bytes), loader)) {
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(
          "class "
              + e.getMessage()
              + " is not on the task manager's class path; ship the jar that holds it"
              + " (FlinkRunner.remote(...).withJars(...))",
          e);
    }
  }

  /** The message for a value that failed to serialize: the first field path that cannot. */
  static String unshippable(Object value, String what, Exception failure) {
    String path = firstUnserializable(value, rootName(what));
    String detail;
    if (path != null) {
      detail = path;
    } else {
      detail =
          "its serialization failed: "
              + failure
              + (failure instanceof NotSerializableException
                  ? " (a class with a writeObject method wrote it)"
                  : "");
    }
    return what
        + " cannot be shipped to Flink's task managers: "
        + detail
        + ". Elements run on Flink travel by Java serialization: give every field a Serializable"
        + " value (mark what a run rebuilds 'transient'), and use classes or lambdas cast to a"
        + " Serializable type, e.g. (Function<Frame, Frame> & Serializable) f -> f";
  }

  private static String rootName(String what) {
    int quote = what.indexOf('\'');
    return quote >= 0 && what.lastIndexOf('\'') > quote
        ? what.substring(quote + 1, what.lastIndexOf('\''))
        : what;
  }

  /** One object to visit, with the path that reached it. */
  private record Step(Object value, String path) {}

  /**
   * The path and class of the first value under {@code root} that is not serializable, walking
   * fields (except static and transient ones), array slots, collection elements and map entries;
   * null when every value is.
   */
  static String firstUnserializable(Object root, String rootPath) {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    Deque<Step> todo = new ArrayDeque<>();
    todo.push(new Step(root, rootPath));
    while (!todo.isEmpty()) {
      Step step = todo.pop();
      Object value = step.value();
      if (value == null || seen.put(value, Boolean.TRUE) != null) {
        continue;
      }
      Class<?> type = value.getClass();
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (int i = Array.getLength(value) - 1; i >= 0; i--) {
            todo.push(new Step(Array.get(value, i), step.path() + "[" + i + "]"));
          }
        }
        continue;
      }
      if (!(value instanceof Serializable)) {
        return "field "
            + step.path()
            + " holds a "
            + describe(type)
            + ", which is not Serializable";
      }
      if (type.getName().startsWith("java.") || type.isEnum() || value instanceof Class<?>) {
        if (value instanceof Collection<?> collection) {
          int i = 0;
          for (Object element : collection) {
            todo.add(new Step(element, step.path() + "[" + i++ + "]"));
          }
        } else if (value instanceof Map<?, ?> map) {
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            todo.add(new Step(entry.getKey(), step.path() + ".<key " + entry.getKey() + ">"));
            todo.add(new Step(entry.getValue(), step.path() + "[" + entry.getKey() + "]"));
          }
        }
        continue;
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers)
              || Modifier.isTransient(modifiers)
              || field.getType().isPrimitive()) {
            continue;
          }
          try {
            field.setAccessible(true);
            todo.push(new Step(field.get(value), step.path() + "." + field.getName()));
          } catch (InaccessibleObjectException | IllegalAccessException e) {
            // A class of a named module we may not look into: the serialization message stands.
          }
        }
      }
    }
    return null;
  }

  private static String describe(Class<?> type) {
    if (type.isSynthetic() && type.getName().contains("$$Lambda")) {
      String name = type.getName();
      return "lambda defined in " + name.substring(0, name.indexOf("$$Lambda")) + " (" + name + ")";
    }
    return type.getName();
  }

  /** Records every class whose description is written. */
  private static final class ClassRecordingStream extends ObjectOutputStream {
    private final Set<Class<?>> classes;

    ClassRecordingStream(OutputStream out, Set<Class<?>> classes) throws IOException {
      super(out);
      this.classes = classes;
    }

    @Override
    protected void annotateClass(Class<?> type) {
      classes.add(type);
    }

    @Override
    protected void annotateProxyClass(Class<?> type) {
      classes.add(type);
    }
  }

  /** Resolves classes through a given loader (a Flink task's user code class loader). */
  private static final class LoaderInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(description.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(description);
      }
    }
  }
}
