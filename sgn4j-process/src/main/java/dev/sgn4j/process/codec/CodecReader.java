package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTags.BOOLEANS;
import static dev.sgn4j.process.codec.CodecTags.BYTE;
import static dev.sgn4j.process.codec.CodecTags.BYTES;
import static dev.sgn4j.process.codec.CodecTags.BYTE_BUFFER;
import static dev.sgn4j.process.codec.CodecTags.CHAR;
import static dev.sgn4j.process.codec.CodecTags.CHARS;
import static dev.sgn4j.process.codec.CodecTags.DOUBLE;
import static dev.sgn4j.process.codec.CodecTags.DOUBLES;
import static dev.sgn4j.process.codec.CodecTags.FALSE;
import static dev.sgn4j.process.codec.CodecTags.FLOAT;
import static dev.sgn4j.process.codec.CodecTags.FLOATS;
import static dev.sgn4j.process.codec.CodecTags.FRAME;
import static dev.sgn4j.process.codec.CodecTags.INT;
import static dev.sgn4j.process.codec.CodecTags.INTS;
import static dev.sgn4j.process.codec.CodecTags.LIST;
import static dev.sgn4j.process.codec.CodecTags.LONG;
import static dev.sgn4j.process.codec.CodecTags.LONGS;
import static dev.sgn4j.process.codec.CodecTags.MAP;
import static dev.sgn4j.process.codec.CodecTags.NULL;
import static dev.sgn4j.process.codec.CodecTags.SERIALIZED;
import static dev.sgn4j.process.codec.CodecTags.SET;
import static dev.sgn4j.process.codec.CodecTags.SHORT;
import static dev.sgn4j.process.codec.CodecTags.SHORTS;
import static dev.sgn4j.process.codec.CodecTags.STRING;
import static dev.sgn4j.process.codec.CodecTags.TRUE;
import static dev.sgn4j.process.codec.CodecTags.USER;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistry.Registration;
import dev.sgn4j.worker.SharedSlice;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads values in the format of {@link CodecTags}: every array, string and buffer is copied once,
 * out of the record into a new object. Lists decode as {@link ArrayList}, sets as {@link
 * LinkedHashSet}, maps as {@link LinkedHashMap} (all in the encoded order), byte buffers as heap
 * buffers at position 0. Stateless; any thread.
 */
final class CodecReader {

  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

  private final CodecRegistry registry;
  private final String context;

  CodecReader(CodecRegistry registry, String context) {
    this.registry = registry;
    this.context = context;
  }

  /** Reads one value at {@code in}'s position, which must be in native order. */
  Object read(ByteBuffer in) {
    byte tag = in.get();
    return switch (tag) {
      case NULL -> null;
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case BYTE -> in.get();
      case SHORT -> in.getShort();
      case CHAR -> in.getChar();
      case INT -> in.getInt();
      case LONG -> in.getLong();
      case FLOAT -> in.getFloat();
      case DOUBLE -> in.getDouble();
      case STRING -> readString(in);
      case BYTES, SHORTS, CHARS, INTS, LONGS, FLOATS, DOUBLES, BOOLEANS ->
          CodecArrays.read(tag, in);
      case FRAME -> readFrame(in);
      case BYTE_BUFFER -> readByteBuffer(in);
      case LIST -> readList(in);
      case SET -> readSet(in);
      case MAP -> readMap(in);
      case SERIALIZED -> readSerialized(in);
      case USER -> readUser(in);
      case CodecTags.SHARED_SLICE -> readSlice(in);
      default ->
          throw new Corrupt(
              "unknown tag " + tag + " at byte " + (in.position() - 1) + " of the record");
    };
  }

  private static SharedSlice readSlice(ByteBuffer in) {
    String segment = readString(in);
    int offset = in.getInt();
    int length = in.getInt();
    return new SharedSlice(segment, offset, length);
  }

  static String readString(ByteBuffer in) {
    int n = CodecArrays.count(in, 1);
    String value;
    if (in.hasArray()) {
      value = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    } else {
      byte[] bytes = new byte[n];
      in.get(in.position(), bytes);
      value = new String(bytes, StandardCharsets.UTF_8);
    }
    in.position(in.position() + n);
    return value;
  }

  private Frame readFrame(ByteBuffer in) {
    int flags = in.get();
    DataSpec spec = DataSpec.NONE;
    if ((flags & CodecTags.FLAG_SPEC) != 0) {
      Object value = read(in);
      if (!(value instanceof DataSpec dataSpec)) {
        throw new Corrupt(
            "a frame spec decoded as "
                + (value == null ? "null" : value.getClass().getName())
                + ", not a DataSpec");
      }
      spec = dataSpec;
    }
    Map<String, Object> metadata = Map.of();
    if ((flags & CodecTags.FLAG_METADATA) != 0) {
      int n = CodecArrays.count(in, 5);
      @SuppressWarnings("unchecked")
      Map.Entry<String, Object>[] entries = new Map.Entry[n];
      for (int i = 0; i < n; i++) {
        String key = readString(in);
        entries[i] = Map.entry(key, read(in));
      }
      metadata = Map.ofEntries(entries);
    }
    Object data = read(in);
    boolean eos = (flags & CodecTags.FLAG_EOS) != 0;
    boolean gap = (flags & CodecTags.FLAG_GAP) != 0;
    if (eos && gap && data == null && spec == DataSpec.NONE && metadata.isEmpty()) {
      return Frame.eos();
    }
    return new Frame(data, eos, gap, spec, metadata);
  }

  private static ByteBuffer readByteBuffer(ByteBuffer in) {
    ByteOrder order = in.get() == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    int n = CodecArrays.count(in, 1);
    ByteBuffer copy = ByteBuffer.allocate(n).order(order);
    copy.put(0, in, in.position(), n);
    in.position(in.position() + n);
    return copy;
  }

  private List<Object> readList(ByteBuffer in) {
    int n = CodecArrays.count(in, 1);
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(read(in));
    }
    return list;
  }

  private Set<Object> readSet(ByteBuffer in) {
    int n = CodecArrays.count(in, 1);
    Set<Object> set = LinkedHashSet.newLinkedHashSet(n);
    for (int i = 0; i < n; i++) {
      set.add(read(in));
    }
    return set;
  }

  private Map<Object, Object> readMap(ByteBuffer in) {
    int n = CodecArrays.count(in, 2);
    Map<Object, Object> map = LinkedHashMap.newLinkedHashMap(n);
    for (int i = 0; i < n; i++) {
      Object key = read(in);
      map.put(key, read(in));
    }
    return map;
  }

  private Object readSerialized(ByteBuffer in) {
    int n = CodecArrays.count(in, 1);
    ByteBuffer bytes = in.slice(in.position(), n);
    in.position(in.position() + n);
    SerialFilter filter = new SerialFilter(registry.serializableNames());
    try (ObjectInputStream stream = new CodecStreams.LoaderObjectInputStream(bytes)) {
      stream.setObjectInputFilter(filter);
      return stream.readObject();
    } catch (java.io.InvalidClassException e) {
      if (filter.refusal() != null) {
        throw new IllegalStateException(
            context
                + ": a Serializable value was refused: "
                + filter.refusal()
                + " (limits: "
                + SerialFilter.MAX_DEPTH
                + " levels, "
                + SerialFilter.MAX_REFERENCES
                + " references, arrays of "
                + SerialFilter.MAX_ARRAY_LENGTH
                + " elements)",
            e);
      }
      throw new IllegalStateException(context + ": cannot decode a Serializable value: " + e, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          context
              + ": cannot decode a Serializable value: class "
              + e.getMessage()
              + " not found by the context class loader or sgn4j's",
          e);
    } catch (IOException e) {
      throw new IllegalStateException(context + ": cannot decode a Serializable value: " + e, e);
    }
  }

  private Object readUser(ByteBuffer in) {
    String name = readString(in);
    int n = CodecArrays.count(in, 1);
    Registration registration = registry.byName(name);
    if (registration == null) {
      throw new IllegalStateException(
          context
              + ": cannot decode a "
              + name
              + ": no codec is registered for it in this JVM; register codecs before the run"
              + " starts, so that worker processes receive them (CodecRegistry.codecNames())");
    }
    ByteBuffer bytes = in.slice(in.position(), n).order(NATIVE);
    in.position(in.position() + n);
    try {
      return registration.codec().read(bytes);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          context
              + ": codec "
              + registration.codec().getClass().getName()
              + " failed to read a "
              + name,
          e);
    }
  }

  /** A record that does not follow the format: a bug or a torn write, never a user error. */
  static final class Corrupt extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message);
    }
  }
}
