package dev.sgn4j.process.codec;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.SharedSlice;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire format of {@link TaggedItemCodec}: every value starts with one tag byte, followed by its
 * payload. Lengths and counts are 4-byte ints; numbers and primitive arrays are in native byte
 * order (both sides of a queue run on the same machine).
 *
 * <pre>
 * NULL, FALSE, TRUE                 tag only
 * BYTE b | SHORT s | CHAR c | INT i | LONG l | FLOAT f | DOUBLE d
 * STRING      int n, n bytes of UTF-8
 * BYTES       int n, n bytes              (byte[])
 * SHORTS, CHARS, INTS, LONGS, FLOATS, DOUBLES
 *             int n, n elements           (primitive arrays, bulk copied)
 * BOOLEANS    int n, n bytes of 0 or 1
 * FRAME       flags (EOS, GAP, SPEC, METADATA), [spec value], [int n, n x (string key, value)],
 *             data value
 * BYTE_BUFFER order byte (0 big endian, 1 little), int n, n bytes (the remaining bytes)
 * LIST, SET   int n, n values             (JDK lists and sets; decoded as ArrayList, LinkedHashSet)
 * MAP         int n, n x (key value, value) (JDK maps; decoded as LinkedHashMap, order kept)
 * SERIALIZED  int n, n bytes of Java serialization
 * USER        string type name, int n, n bytes written by the registered ValueCodec
 * </pre>
 *
 * <p>Tags below {@link #BYTE_BUFFER} belong to final classes that user codecs cannot replace; from
 * {@code BYTE_BUFFER} on, a codec registered for the value's type (or a supertype) comes first.
 */
final class CodecTags {

  static final byte NULL = 0;
  static final byte FALSE = 1;
  static final byte TRUE = 2;
  static final byte BYTE = 3;
  static final byte SHORT = 4;
  static final byte CHAR = 5;
  static final byte INT = 6;
  static final byte LONG = 7;
  static final byte FLOAT = 8;
  static final byte DOUBLE = 9;
  static final byte STRING = 10;
  static final byte BYTES = 11;
  static final byte SHORTS = 12;
  static final byte CHARS = 13;
  static final byte INTS = 14;
  static final byte LONGS = 15;
  static final byte FLOATS = 16;
  static final byte DOUBLES = 17;
  static final byte BOOLEANS = 18;
  static final byte FRAME = 19;
  static final byte BYTE_BUFFER = 20;
  static final byte LIST = 21;
  static final byte SET = 22;
  static final byte MAP = 23;
  static final byte SERIALIZED = 24;
  static final byte USER = 25;
  static final byte SHARED_SLICE = 26;

  /** The kind of a class that only a registered codec can encode. */
  static final byte NONE = -1;

  /** Frame flag: end of stream. */
  static final int FLAG_EOS = 1;

  /** Frame flag: gap. */
  static final int FLAG_GAP = 2;

  /** Frame flag: a spec other than {@code DataSpec.NONE} follows. */
  static final int FLAG_SPEC = 4;

  /** Frame flag: metadata entries follow. */
  static final int FLAG_METADATA = 8;

  private static final Map<Class<?>, Byte> FIXED =
      Map.ofEntries(
          Map.entry(Boolean.class, TRUE),
          Map.entry(Byte.class, BYTE),
          Map.entry(Short.class, SHORT),
          Map.entry(Character.class, CHAR),
          Map.entry(Integer.class, INT),
          Map.entry(Long.class, LONG),
          Map.entry(Float.class, FLOAT),
          Map.entry(Double.class, DOUBLE),
          Map.entry(String.class, STRING),
          Map.entry(byte[].class, BYTES),
          Map.entry(short[].class, SHORTS),
          Map.entry(char[].class, CHARS),
          Map.entry(int[].class, INTS),
          Map.entry(long[].class, LONGS),
          Map.entry(float[].class, FLOATS),
          Map.entry(double[].class, DOUBLES),
          Map.entry(boolean[].class, BOOLEANS),
          Map.entry(Frame.class, FRAME),
          Map.entry(SharedSlice.class, SHARED_SLICE));

  private static final ClassValue<Byte> KIND =
      new ClassValue<>() {
        @Override
        protected Byte computeValue(Class<?> type) {
          return classify(type);
        }
      };

  private CodecTags() {}

  /**
   * How values of {@code type} are encoded when no registered codec applies: {@code TRUE} for
   * {@code Boolean} (the value picks {@code TRUE} or {@code FALSE}), the tag of another built-in
   * type, or {@link #NONE}.
   */
  static byte kindOf(Class<?> type) {
    return KIND.get(type);
  }

  /** Whether {@code type} has a built-in codec that a registered one cannot replace. */
  static boolean isFixed(Class<?> type) {
    return FIXED.containsKey(type);
  }

  private static byte classify(Class<?> type) {
    Byte fixed = FIXED.get(type);
    if (fixed != null) {
      return fixed;
    }
    if (ByteBuffer.class.isAssignableFrom(type)) {
      return BYTE_BUFFER;
    }
    // Only the JDK's own collections become plain lists, sets and maps: a user's subclass may hold
    // more than its elements, so it needs a codec or Java serialization, never a silent loss.
    boolean jdk = type.getClassLoader() == null;
    if (jdk && List.class.isAssignableFrom(type)) {
      return LIST;
    }
    if (jdk && Set.class.isAssignableFrom(type)) {
      return SET;
    }
    if (jdk && Map.class.isAssignableFrom(type)) {
      return MAP;
    }
    return Serializable.class.isAssignableFrom(type) ? SERIALIZED : NONE;
  }
}
