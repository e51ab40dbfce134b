package dev.sgn4j.process.codec;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What the Java-serialization fallback may decode: the JDK's value types, the classes the pipeline
 * allowed ({@link CodecRegistry#allowSerializable}), and nothing deeper, larger or with more
 * references than the limits here. A worker process cannot make its parent run code of a class it
 * did not choose, nor keep its run thread busy with a nested-collections bomb (each level of nested
 * hash sets doubles the work; twenty levels are a million steps).
 *
 * <p>One instance per decode: it remembers why it refused, for the message.
 */
final class SerialFilter implements ObjectInputFilter {

  /** The deepest object nesting decoded. */
  static final long MAX_DEPTH = 20;

  /** The most object references in one value. */
  static final long MAX_REFERENCES = 1_000_000;

  /** The longest array in one value. */
  static final long MAX_ARRAY_LENGTH = 100_000_000;

  /** The packages whose classes are values: exact packages, not their subpackages. */
  private static final Set<String> JDK_VALUE_PACKAGES =
      Set.of(
          "java.lang",
          "java.util",
          "java.util.concurrent",
          "java.util.concurrent.atomic",
          "java.time",
          "java.math");

  private final Set<String> allowed;
  private String refusal;

  SerialFilter(Set<String> allowed) {
    this.allowed = allowed;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    if (info.depth() > MAX_DEPTH) {
      return refuse("it nests deeper than " + MAX_DEPTH + " objects");
    }
    if (info.references() > MAX_REFERENCES) {
      return refuse("it holds more than " + MAX_REFERENCES + " object references");
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      return refuse(
          "it holds an array of "
              + info.arrayLength()
              + " elements, more than "
              + MAX_ARRAY_LENGTH);
    }
    Class<?> type = info.serialClass();
    if (type == null) {
      return Status.UNDECIDED;
    }
    while (type.isArray()) {
      type = type.getComponentType();
    }
    if (type.isPrimitive()
        || JDK_VALUE_PACKAGES.contains(type.getPackageName())
        || allowed.contains(type.getName())) {
      return Status.ALLOWED;
    }
    return refuse(
        "class "
            + type.getName()
            + " is not allowed; allow it in the parent before the run with"
            + " FrameCodecs.allowSerializable("
            + type.getCanonicalName()
            + ".class), or register a codec for it");
  }

  private Status refuse(String why) {
    if (refusal == null) {
      refusal = why;
    }
    return Status.REJECTED;
  }

  /** Why the filter refused, or null when it did not. */
  String refusal() {
    return refusal;
  }
}
