package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTags.BOOLEANS;
import static dev.sgn4j.process.codec.CodecTags.BYTE;
import static dev.sgn4j.process.codec.CodecTags.BYTES;
import static dev.sgn4j.process.codec.CodecTags.BYTE_BUFFER;
import static dev.sgn4j.process.codec.CodecTags.CHAR;
import static dev.sgn4j.process.codec.CodecTags.CHARS;
import static dev.sgn4j.process.codec.CodecTags.DOUBLE;
import static dev.sgn4j.process.codec.CodecTags.DOUBLES;
import static dev.sgn4j.process.codec.CodecTags.FLOAT;
import static dev.sgn4j.process.codec.CodecTags.FLOATS;
import static dev.sgn4j.process.codec.CodecTags.FRAME;
import static dev.sgn4j.process.codec.CodecTags.INT;
import static dev.sgn4j.process.codec.CodecTags.INTS;
import static dev.sgn4j.process.codec.CodecTags.LIST;
import static dev.sgn4j.process.codec.CodecTags.LONG;
import static dev.sgn4j.process.codec.CodecTags.LONGS;
import static dev.sgn4j.process.codec.CodecTags.MAP;
import static dev.sgn4j.process.codec.CodecTags.SET;
import static dev.sgn4j.process.codec.CodecTags.SHORT;
import static dev.sgn4j.process.codec.CodecTags.SHORTS;
import static dev.sgn4j.process.codec.CodecTags.STRING;
import static dev.sgn4j.process.codec.CodecTags.TRUE;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistry.Registration;
import dev.sgn4j.worker.SharedSlice;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * One item prepared for writing: the first pass over the item settles its exact size and keeps what
 * cannot be recomputed cheaply (string bytes, serialized bytes, the codec chosen for each value
 * whose handling depends on the registry); {@link #writeTo} walks the item again and writes it,
 * copying each array or buffer payload once, straight into the target.
 *
 * <p>The item must not change between {@link TaggedItemCodec#encode} and {@link #writeTo}; a change
 * is detected when it alters the size. Used by one thread at a time.
 */
final class CodecWriter implements ItemCodec.Encoded {

  /** Nesting deeper than this is taken for a cycle (a list that contains itself). */
  static final int MAX_DEPTH = 1000;

  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

  private final CodecRegistry registry;
  private final String context;
  private final Object item;
  private final int size;

  /** What the first pass learned, in the order the second pass needs it. */
  private Object[] parts;

  private int partCount;
  private int cursor;

  CodecWriter(CodecRegistry registry, String context, Object item) {
    this.registry = registry;
    this.context = context;
    this.item = item;
    long bytes = measure(item, 0);
    if (bytes > Integer.MAX_VALUE) {
      throw new CodecFailure(
          item, CodecFailure.Reason.TOO_LARGE, "needs " + bytes + " bytes", null);
    }
    this.size = (int) bytes;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void writeTo(ByteBuffer target) {
    if (target.remaining() < size) {
      throw new IllegalArgumentException(
          context + ": the item needs " + size + " bytes, the target has " + target.remaining());
    }
    ByteOrder order = target.order();
    int start = target.position();
    target.order(NATIVE);
    try {
      cursor = 0;
      write(item, target);
    } finally {
      target.order(order);
    }
    int written = target.position() - start;
    if (written != size) {
      throw new IllegalStateException(
          context
              + ": wrote "
              + written
              + " bytes of an item measured at "
              + size
              + "; was the item changed between encode and writeTo?");
    }
  }

  // ---- first pass: sizes ----

  private long measure(Object value, int depth) {
    if (value == null) {
      return 1;
    }
    byte kind = CodecTags.kindOf(value.getClass());
    return switch (kind) {
      case TRUE -> 1;
      case BYTE -> 2;
      case SHORT, CHAR -> 3;
      case INT, FLOAT -> 5;
      case LONG, DOUBLE -> 9;
      case STRING -> 1 + measureString((String) value);
      case BYTES -> 5L + ((byte[]) value).length;
      case SHORTS -> 5L + 2L * ((short[]) value).length;
      case CHARS -> 5L + 2L * ((char[]) value).length;
      case INTS -> 5L + 4L * ((int[]) value).length;
      case LONGS -> 5L + 8L * ((long[]) value).length;
      case FLOATS -> 5L + 4L * ((float[]) value).length;
      case DOUBLES -> 5L + 8L * ((double[]) value).length;
      case BOOLEANS -> 5L + ((boolean[]) value).length;
      case FRAME -> measureFrame((Frame) value, checkDepth(value, depth));
      case CodecTags.SHARED_SLICE -> 9 + measureString(((SharedSlice) value).segment());
      default -> measureOther(value, kind, depth);
    };
  }

  private long measureString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    add(bytes);
    return 4L + bytes.length;
  }

  private long measureFrame(Frame frame, int depth) {
    long bytes = 2;
    if (frame.spec() != DataSpec.NONE) {
      bytes += measure(frame.spec(), depth);
    }
    Map<String, Object> metadata = frame.metadata();
    if (!metadata.isEmpty()) {
      bytes += 4;
      for (Map.Entry<String, Object> entry : metadata.entrySet()) {
        bytes += measureString(entry.getKey()) + measure(entry.getValue(), depth);
      }
    }
    return bytes + measure(frame.data(), depth);
  }

  private long measureOther(Object value, byte kind, int depth) {
    Registration registration = registry.find(value.getClass());
    if (registration != null) {
      return measureUser(value, registration);
    }
    add(kind); // the second pass must not ask the registry again: it may have changed
    return switch (kind) {
      case BYTE_BUFFER -> 6L + ((ByteBuffer) value).remaining();
      case LIST, SET -> measureElements((Collection<?>) value, checkDepth(value, depth));
      case MAP -> measureEntries((Map<?, ?>) value, checkDepth(value, depth));
      case CodecTags.SERIALIZED -> 5L + serialize(value).size();
      default -> throw new CodecFailure(value, CodecFailure.Reason.NO_CODEC, null, null);
    };
  }

  private long measureUser(Object value, Registration registration) {
    int bytes;
    String codec = "codec " + registration.codec().getClass().getName() + " for ";
    try {
      bytes = registration.codec().size(value);
    } catch (RuntimeException e) {
      throw new CodecFailure(
          value,
          CodecFailure.Reason.CODEC_FAILED,
          codec + value.getClass().getName() + " threw " + e,
          e);
    }
    if (bytes < 0) {
      throw new CodecFailure(
          value,
          CodecFailure.Reason.CODEC_FAILED,
          codec + value.getClass().getName() + " returned a size of " + bytes,
          null);
    }
    add(registration);
    add(bytes);
    return 1 + 4 + registration.name().length + 4L + bytes;
  }

  private long measureElements(Collection<?> values, int depth) {
    long bytes = 5;
    for (Object element : values) {
      bytes += measure(element, depth);
    }
    return bytes;
  }

  private long measureEntries(Map<?, ?> map, int depth) {
    long bytes = 5;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      bytes += measure(entry.getKey(), depth) + measure(entry.getValue(), depth);
    }
    return bytes;
  }

  private CodecStreams.Bytes serialize(Object value) {
    CodecStreams.Bytes bytes = new CodecStreams.Bytes();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException | RuntimeException e) {
      throw new CodecFailure(value, CodecFailure.Reason.SERIALIZATION, null, e);
    }
    add(bytes);
    return bytes;
  }

  private static int checkDepth(Object value, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new CodecFailure(value, CodecFailure.Reason.TOO_DEEP, null, null);
    }
    return depth + 1;
  }

  private void add(Object part) {
    if (parts == null) {
      parts = new Object[8];
    } else if (partCount == parts.length) {
      parts = Arrays.copyOf(parts, partCount * 2);
    }
    parts[partCount++] = part;
  }

  private Object next() {
    return parts[cursor++];
  }

  // ---- second pass: bytes ----

  private void write(Object value, ByteBuffer out) {
    if (value == null) {
      out.put(CodecTags.NULL);
      return;
    }
    byte kind = CodecTags.kindOf(value.getClass());
    switch (kind) {
      case TRUE -> out.put((Boolean) value ? TRUE : CodecTags.FALSE);
      case BYTE -> out.put(BYTE).put((Byte) value);
      case SHORT -> out.put(SHORT).putShort((Short) value);
      case CHAR -> out.put(CHAR).putChar((Character) value);
      case INT -> out.put(INT).putInt((Integer) value);
      case LONG -> out.put(LONG).putLong((Long) value);
      case FLOAT -> out.put(FLOAT).putFloat((Float) value);
      case DOUBLE -> out.put(DOUBLE).putDouble((Double) value);
      case STRING -> {
        out.put(STRING);
        writeString(out);
      }
      case FRAME -> writeFrame((Frame) value, out);
      case CodecTags.SHARED_SLICE -> {
        SharedSlice slice = (SharedSlice) value;
        out.put(CodecTags.SHARED_SLICE);
        writeString(out);
        out.putInt(slice.offset()).putInt(slice.length());
      }
      case BYTES, SHORTS, CHARS, INTS, LONGS, FLOATS, DOUBLES, BOOLEANS ->
          CodecArrays.write(kind, value, out);
      default -> writeOther(value, out);
    }
  }

  private void writeString(ByteBuffer out) {
    byte[] bytes = (byte[]) next();
    out.putInt(bytes.length).put(bytes);
  }

  private void writeFrame(Frame frame, ByteBuffer out) {
    boolean hasSpec = frame.spec() != DataSpec.NONE;
    Map<String, Object> metadata = frame.metadata();
    int flags =
        (frame.isEos() ? CodecTags.FLAG_EOS : 0)
            | (frame.isGap() ? CodecTags.FLAG_GAP : 0)
            | (hasSpec ? CodecTags.FLAG_SPEC : 0)
            | (metadata.isEmpty() ? 0 : CodecTags.FLAG_METADATA);
    out.put(FRAME).put((byte) flags);
    if (hasSpec) {
      write(frame.spec(), out);
    }
    if (!metadata.isEmpty()) {
      out.putInt(metadata.size());
      for (Map.Entry<String, Object> entry : metadata.entrySet()) {
        writeString(out);
        write(entry.getValue(), out);
      }
    }
    write(frame.data(), out);
  }

  private void writeOther(Object value, ByteBuffer out) {
    Object part = next();
    if (part instanceof Registration registration) {
      writeUser(value, registration, (Integer) next(), out);
      return;
    }
    byte kind = (Byte) part;
    out.put(kind);
    switch (kind) {
      case BYTE_BUFFER -> {
        ByteBuffer buffer = (ByteBuffer) value;
        int n = buffer.remaining();
        out.put((byte) (buffer.order() == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).putInt(n);
        out.put(out.position(), buffer, buffer.position(), n);
        out.position(out.position() + n);
      }
      case LIST, SET -> {
        Collection<?> values = (Collection<?>) value;
        out.putInt(values.size());
        for (Object element : values) {
          write(element, out);
        }
      }
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) value;
        out.putInt(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          write(entry.getKey(), out);
          write(entry.getValue(), out);
        }
      }
      default -> {
        CodecStreams.Bytes bytes = (CodecStreams.Bytes) next();
        out.putInt(bytes.size()).put(bytes.array(), 0, bytes.size());
      }
    }
  }

  private void writeUser(Object value, Registration registration, int bytes, ByteBuffer out) {
    byte[] name = registration.name();
    out.put(CodecTags.USER).putInt(name.length).put(name).putInt(bytes);
    ByteBuffer slice = out.slice(out.position(), bytes).order(NATIVE);
    String codec = registration.codec().getClass().getName();
    try {
      registration.codec().write(value, slice);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          context + ": codec " + codec + " failed to write a " + value.getClass().getName(), e);
    }
    if (slice.position() != bytes) {
      throw new IllegalStateException(
          context
              + ": codec "
              + codec
              + " wrote "
              + slice.position()
              + " bytes of a "
              + value.getClass().getName()
              + " but its size() returned "
              + bytes);
    }
    out.position(out.position() + bytes);
  }
}
