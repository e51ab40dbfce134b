package dev.sgn4j.process.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/** Round trips through a direct buffer, deep comparison with arrays, and random values. */
final class CodecTestSupport {

  /** A spec as users write them: a Serializable record. */
  record AudioSpec(int rate, String dtype) implements DataSpec, Serializable {}

  /** A Serializable value without a codec. */
  record Reading(String sensor, double value, List<Integer> flags) implements Serializable {}

  /** A Serializable box around any value: whatever it holds travels by Java serialization. */
  record Box(Object value) implements Serializable {}

  /** A registry that allows the Serializable records of these tests, as a pipeline would. */
  static CodecRegistry registry() {
    return new CodecRegistry().allowSerializable(AudioSpec.class, Reading.class, Box.class);
  }

  /** A value nothing can encode. */
  static final class Opaque {
    @Override
    public String toString() {
      return "Opaque";
    }
  }

  private CodecTestSupport() {}

  /**
   * Encodes {@code item} into a direct buffer at an odd offset, with the target in big-endian
   * order; checks the size, the advanced position, the kept order; decodes from a record that
   * starts at an odd position; returns the decoded item.
   */
  static Object roundTrip(ItemCodec codec, Object item) {
    ItemCodec.Encoded encoded = codec.encode(item);
    int offset = 3;
    ByteBuffer target = ByteBuffer.allocateDirect(offset + encoded.size() + 5);
    target.position(offset);
    encoded.writeTo(target);
    assertThat(target.position() - offset).as("bytes written = size()").isEqualTo(encoded.size());
    assertThat(target.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    ByteBuffer record = target.duplicate().position(offset).limit(offset + encoded.size());
    Object decoded = codec.decode(record);
    assertThat(record.hasRemaining()).isFalse();
    return decoded;
  }

  /** The bytes of an encoded item, in a buffer ready to decode. */
  static ByteBuffer bytesOf(ItemCodec.Encoded encoded) {
    ByteBuffer target = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(target);
    return target.flip();
  }

  /** Asserts that {@code actual} equals {@code expected}, comparing arrays by content. */
  static void assertDeepEquals(Object expected, Object actual) {
    assertThat(deepEquals(expected, actual))
        .as("expected %s but was %s", describe(expected), describe(actual))
        .isTrue();
  }

  static boolean deepEquals(Object a, Object b) {
    if (a instanceof Frame x && b instanceof Frame y) {
      return x.isEos() == y.isEos()
          && x.isGap() == y.isGap()
          && x.spec().equals(y.spec())
          && deepEquals(x.metadata(), y.metadata())
          && deepEquals(x.data(), y.data());
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return x.size() == y.size() && sequenceEquals(x.iterator(), y.iterator());
    }
    if (a instanceof Set<?> x && b instanceof Set<?> y) {
      return x.size() == y.size() && sequenceEquals(x.iterator(), y.iterator());
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : x.entrySet()) {
        if (!y.containsKey(entry.getKey())
            || !deepEquals(entry.getValue(), y.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(a, b);
  }

  private static boolean sequenceEquals(Iterator<?> x, Iterator<?> y) {
    while (x.hasNext()) {
      if (!deepEquals(x.next(), y.next())) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value.getClass().isArray()) {
      String text = Arrays.deepToString(new Object[] {value});
      return value.getClass().getSimpleName() + text.substring(0, Math.min(200, text.length()));
    }
    String text = String.valueOf(value);
    return value.getClass().getSimpleName() + " " + text.substring(0, Math.min(200, text.length()));
  }

  /** Random values of every built-in kind, nested to a bounded depth. */
  static final class Values {
    private final Random random;

    Values(long seed) {
      this.random = new Random(seed);
    }

    Object any(int depth) {
      int kinds = depth > 0 ? 26 : 21;
      return switch (random.nextInt(kinds)) {
        case 0 -> null;
        case 1 -> random.nextBoolean();
        case 2 -> (byte) random.nextInt();
        case 3 -> (short) random.nextInt();
        case 4 -> (char) random.nextInt(0x10000);
        case 5 -> random.nextInt();
        case 6 -> random.nextLong();
        case 7 -> random.nextFloat() * 1e6f - 5e5f;
        case 8 -> special(random.nextGaussian());
        case 9 -> string();
        case 10 -> bytes(random.nextInt(40));
        case 11 -> shorts();
        case 12 -> chars();
        case 13 -> random.ints(random.nextInt(20)).toArray();
        case 14 -> random.longs(random.nextInt(20)).toArray();
        case 15 -> floats();
        case 16 -> random.doubles(random.nextInt(20)).toArray();
        case 17 -> booleans();
        case 18 -> byteBuffer();
        case 19 -> new Reading(string(), random.nextDouble(), List.of(random.nextInt(), 1));
        case 20 -> new AudioSpec(random.nextInt(48000), string());
        case 21 -> list(depth - 1);
        case 22 -> map(depth - 1);
        case 23 -> set(depth - 1);
        case 24 -> frame(depth - 1);
        default -> padMap(depth - 1);
      };
    }

    Frame frame(int depth) {
      Map<String, Object> metadata = new HashMap<>();
      int entries = random.nextInt(4);
      for (int i = 0; i < entries; i++) {
        Object value = any(Math.max(0, depth - 1));
        if (value != null) {
          metadata.put(string(), value);
        }
      }
      DataSpec spec =
          random.nextBoolean() ? DataSpec.NONE : new AudioSpec(random.nextInt(), string());
      return new Frame(any(depth), random.nextBoolean(), random.nextBoolean(), spec, metadata);
    }

    private Map<String, Object> padMap(int depth) {
      Map<String, Object> pads = new LinkedHashMap<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        pads.put("pad" + random.nextInt(100), frame(depth));
      }
      return pads;
    }

    private List<Object> list(int depth) {
      List<Object> list = new ArrayList<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        list.add(any(depth));
      }
      return random.nextBoolean() ? list : Arrays.asList(list.toArray());
    }

    private Set<Object> set(int depth) {
      Set<Object> set = new LinkedHashSet<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        set.add(random.nextBoolean() ? string() : random.nextLong());
      }
      return set;
    }

    private Map<Object, Object> map(int depth) {
      Map<Object, Object> map = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        Object key = random.nextBoolean() ? string() : (Object) random.nextInt(1000);
        map.put(key, any(depth));
      }
      return map;
    }

    String string() {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        text.appendCodePoint(
            switch (random.nextInt(4)) {
              case 0 -> 'a' + random.nextInt(26);
              case 1 -> 0xe0 + random.nextInt(32); // Latin-1
              case 2 -> 0x4e00 + random.nextInt(1000); // CJK
              default -> 0x1f600 + random.nextInt(50); // emoji, surrogate pairs
            });
      }
      return text.toString();
    }

    byte[] bytes(int n) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      return bytes;
    }

    private static double special(double gaussian) {
      return gaussian > 2.5 ? Double.NaN : gaussian < -2.5 ? Double.NEGATIVE_INFINITY : gaussian;
    }

    private short[] shorts() {
      short[] a = new short[random.nextInt(20)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (short) random.nextInt();
      }
      return a;
    }

    private char[] chars() {
      char[] a = new char[random.nextInt(20)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (char) random.nextInt(0x10000);
      }
      return a;
    }

    private float[] floats() {
      float[] a = new float[random.nextInt(20)];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextFloat();
      }
      return a;
    }

    private boolean[] booleans() {
      boolean[] a = new boolean[random.nextInt(20)];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextBoolean();
      }
      return a;
    }

    private ByteBuffer byteBuffer() {
      ByteBuffer buffer = ByteBuffer.wrap(bytes(random.nextInt(30)));
      buffer.position(Math.min(buffer.limit(), random.nextInt(3)));
      return buffer;
    }
  }
}
