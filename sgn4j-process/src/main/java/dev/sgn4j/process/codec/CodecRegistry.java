package dev.sgn4j.process.codec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The user codecs that frames crossing to and from worker processes may use, by value type. The
 * built-in codecs (see {@link ValueCodec}) are always there; a registry holds only the additions.
 *
 * <p>Most programs use the process-wide registry through {@link FrameCodecs#register}. A registry
 * of your own keeps codecs apart (for example between tests, or between pipelines that must not see
 * each other's codecs) at the price of passing it along.
 *
 * <p><b>Across JVMs.</b> An encoded user value carries the name of its registered type, never a
 * number, so the two sides need the same codecs but not the same registration order. The launcher
 * of a worker process passes {@link #codecNames()} to the child, which calls {@link
 * #registerByName} before it decodes anything. Register codecs before the run starts: a codec
 * registered later is unknown to the workers already running.
 *
 * <p><b>Threading.</b> All methods may be called from any thread; a registration is seen by every
 * encoding that starts after it returns.
 */
public final class CodecRegistry {

  private static final Object NO_CODEC = new Object();

  /** The prefix of a {@link #codecNames()} entry that allows a Serializable class. */
  static final String ALLOW_SERIALIZABLE = "allow-serializable:";

  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(Map.of());
  private final Set<String> serializable = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Creates an empty registry: only the built-in codecs. */
  public CodecRegistry() {}

  /**
   * Registers {@code codec} for values of {@code type} and its subtypes; a later registration for
   * the same type replaces this one. A value whose class has no codec of its own uses the codec of
   * the first registered supertype, in registration order. Registered codecs come before the
   * built-in handling of {@code ByteBuffer}, lists, sets, maps and Serializable objects, but cannot
   * replace the built-in codecs of boxed primitives, {@code String}, primitive arrays and frames.
   *
   * @param type the value type; must be loadable by name in a worker process
   * @param codec the codec: a public top-level or public static nested class with a public
   *     no-argument constructor, so that worker processes can create it by name
   * @param <T> the value type
   * @return this registry
   * @throws IllegalArgumentException when the type has a built-in codec or cannot be named, or the
   *     codec cannot be created by name
   */
  public <T> CodecRegistry register(Class<T> type, ValueCodec<T> codec) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(codec, () -> "codec for " + type.getName() + " must not be null");
    checkType(type);
    checkCreatableByName(type, codec.getClass());
    @SuppressWarnings("unchecked")
    ValueCodec<Object> untyped = (ValueCodec<Object>) codec;
    Registration registration =
        new Registration(type, untyped, type.getName().getBytes(StandardCharsets.UTF_8));
    lock.lock();
    try {
      Map<Class<?>, Registration> byType = new LinkedHashMap<>(snapshot.byType);
      byType.remove(type);
      byType.put(type, registration);
      snapshot = new Snapshot(byType);
    } finally {
      lock.unlock();
    }
    return this;
  }

  /**
   * The registered codecs as {@code "valueType=codecClass"} names (binary class names), in
   * registration order, for the launcher to pass to a worker process. Class names contain neither
   * {@code '='} nor {@code ','}, so the list may be joined with commas.
   *
   * @return an unmodifiable list, empty when only built-in codecs are used
   */
  public List<String> codecNames() {
    List<String> names = new ArrayList<>();
    for (Registration r : snapshot.byType.values()) {
      names.add(r.type().getName() + "=" + r.codec().getClass().getName());
    }
    new java.util.TreeSet<>(serializable).forEach(name -> names.add(ALLOW_SERIALIZABLE + name));
    return List.copyOf(names);
  }

  /**
   * Allows values of these classes to be decoded by Java serialization, the fallback for values
   * without a codec: only the JDK's value types ({@code java.lang}, {@code java.util}, {@code
   * java.time}, {@code java.math}) and the classes allowed here are, so that a worker process
   * cannot make this JVM build objects of classes the pipeline did not choose. Allow every class a
   * value holds, not only the outer one; a worker process receives the list with the codecs.
   *
   * <pre>{@code
   * FrameCodecs.registry().allowSerializable(Reading.class, Sensor.class);
   * }</pre>
   *
   * @param types the classes
   * @return this registry
   */
  public CodecRegistry allowSerializable(Class<?>... types) {
    for (Class<?> type : types) {
      serializable.add(Objects.requireNonNull(type, "type must not be null").getName());
    }
    return this;
  }

  /** The names of the classes {@link #allowSerializable allowed}; a snapshot. */
  Set<String> serializableNames() {
    return Set.copyOf(serializable);
  }

  /**
   * Registers codecs from names made by {@link #codecNames()}: loads each value type and codec
   * class with the thread's context class loader (else sgn4j's own), creates the codec with its
   * public no-argument constructor and {@linkplain #register registers} it. A worker process calls
   * this with its parent's names before decoding anything.
   *
   * @param codecNames {@code "valueType=codecClass"} entries
   * @return this registry
   * @throws IllegalArgumentException naming the entry that cannot be loaded or created, and why
   */
  public CodecRegistry registerByName(List<String> codecNames) {
    for (String entry : Objects.requireNonNull(codecNames, "codecNames must not be null")) {
      if (entry != null && entry.startsWith(ALLOW_SERIALIZABLE)) {
        serializable.add(entry.substring(ALLOW_SERIALIZABLE.length()));
        continue;
      }
      int eq = entry == null ? -1 : entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException(
            "codec name '" + entry + "' is not of the form valueType=codecClass");
      }
      String typeName = entry.substring(0, eq);
      String codecName = entry.substring(eq + 1);
      Class<?> type = load(typeName, entry);
      Class<?> codecClass = load(codecName, entry);
      if (!ValueCodec.class.isAssignableFrom(codecClass)) {
        throw new IllegalArgumentException(
            "cannot register codec '" + entry + "': " + codecName + " is not a ValueCodec");
      }
      ValueCodec<?> codec;
      try {
        codec = (ValueCodec<?>) codecClass.getConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(
            "cannot register codec '" + entry + "': its constructor threw " + e.getCause(),
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(
            "cannot register codec '"
                + entry
                + "': "
                + codecName
                + " has no public no-argument constructor ("
                + e
                + ")",
            e);
      }
      registerUnchecked(type, codec);
    }
    return this;
  }

  /**
   * Encodes and decodes {@code item} as a queue to a worker process would, and returns the decoded
   * copy: the encodability check of thread mode (spec X5), so that switching an element to process
   * mode never fails for the first time in production.
   *
   * @param item a frame, a map of frames by pad name, or any value a worker puts on a queue
   * @param context what the item belongs to, used in messages, e.g. {@code "element 'square'"}
   * @return the decoded copy, equal to {@code item} for value types with {@code equals}
   * @throws IllegalArgumentException naming the context, the field path (such as {@code frame
   *     data[3]} or {@code frame metadata 'gps'}) and the class of a value that cannot be encoded
   */
  public Object checkEncodable(Object item, String context) {
    return new TaggedItemCodec(this, context).roundTrip(item);
  }

  @SuppressWarnings("unchecked")
  private <T> void registerUnchecked(Class<T> type, ValueCodec<?> codec) {
    register(type, (ValueCodec<T>) codec);
  }

  /** The registration for values of {@code type}, or null when the built-in handling applies. */
  Registration find(Class<?> type) {
    Snapshot s = snapshot;
    if (s.byType.isEmpty()) {
      return null;
    }
    Registration exact = s.byType.get(type);
    if (exact != null) {
      return exact;
    }
    Object found = s.bySubtype.computeIfAbsent(type, s::nearest);
    return found == NO_CODEC ? null : (Registration) found;
  }

  /** The registration whose type has {@code name}, or null. */
  Registration byName(String name) {
    return snapshot.byName.get(name);
  }

  private static void checkType(Class<?> type) {
    if (type.isPrimitive()) {
      throw new IllegalArgumentException(
          "cannot register a codec for the primitive type "
              + type
              + ": values reach codecs boxed, and the boxes have built-in codecs");
    }
    if (CodecTags.isFixed(type)) {
      throw new IllegalArgumentException(
          type.getName()
              + " has a built-in codec that cannot be replaced; register codecs for your own"
              + " types");
    }
    if (type.isHidden()) {
      throw new IllegalArgumentException(
          "cannot register a codec for the hidden class "
              + type.getName()
              + ": a worker process could not find it by name");
    }
  }

  private static void checkCreatableByName(Class<?> type, Class<?> codecClass) {
    String problem = null;
    if (codecClass.isHidden() || codecClass.isSynthetic()) {
      problem = "it is a lambda or hidden class";
    } else if (codecClass.isAnonymousClass()) {
      problem = "it is an anonymous class";
    } else if (codecClass.isLocalClass()) {
      problem = "it is a local class";
    } else if (codecClass.isMemberClass() && !Modifier.isStatic(codecClass.getModifiers())) {
      problem = "it is an inner (non-static) class";
    } else if (!Modifier.isPublic(codecClass.getModifiers())) {
      problem = "it is not public";
    } else {
      try {
        codecClass.getConstructor();
      } catch (NoSuchMethodException e) {
        problem = "it has no public no-argument constructor";
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "codec "
              + codecClass.getName()
              + " for "
              + type.getName()
              + " cannot be created by name in a worker process: "
              + problem
              + "; make it a public top-level or public static nested class with a public"
              + " no-argument constructor");
    }
  }

  private static Class<?> load(String name, String entry) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      try {
        return Class.forName(name, false, context);
      } catch (ClassNotFoundException | LinkageError e) {
        // try sgn4j's loader
      }
    }
    try {
      return Class.forName(name, false, CodecRegistry.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "cannot register codec '"
              + entry
              + "': class "
              + name
              + " not found by the context class loader or sgn4j's (is it on the worker's class"
              + " path?)",
          e);
    }
  }

  /** One registered codec; {@code name} is the UTF-8 binary name of the type, as encoded. */
  record Registration(Class<?> type, ValueCodec<Object> codec, byte[] name) {}

  /** An immutable state of the registry, with its own cache of supertype look-ups. */
  private static final class Snapshot {
    final Map<Class<?>, Registration> byType;
    final Map<String, Registration> byName;
    final ConcurrentHashMap<Class<?>, Object> bySubtype = new ConcurrentHashMap<>();

    Snapshot(Map<Class<?>, Registration> byType) {
      this.byType = byType;
      Map<String, Registration> names = new LinkedHashMap<>();
      for (Registration r : byType.values()) {
        names.put(r.type().getName(), r);
      }
      this.byName = names;
    }

    Object nearest(Class<?> type) {
      for (Registration r : byType.values()) {
        if (r.type().isAssignableFrom(type)) {
          return r;
        }
      }
      return NO_CODEC;
    }
  }
}
