package dev.sgn4j.process.codec;

import java.io.NotSerializableException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The {@link ItemCodec} of worker-process queues: every value is a tag byte and a payload (format
 * in {@link CodecTags}). Items are frames, maps of frames by pad name (key order kept), or any
 * value a worker puts; all go through the same value encoding, so frames may also nest in lists and
 * maps.
 *
 * <p>Encoding is two passes over the item: {@link #encode} measures it (and fails here, with the
 * field path, when a value cannot be encoded), {@link ItemCodec.Encoded#writeTo} writes it, copying
 * each array, string or buffer payload once, straight into the target. Decoding copies each payload
 * once out of the record.
 *
 * <p>Messages start with the context the codec was made with, e.g. {@code "element 'square'"}.
 *
 * <p><b>Threading.</b> Stateless apart from the registry, which is thread-safe: one codec may
 * encode on one thread while it decodes on another. Each {@code Encoded} belongs to one thread.
 */
public final class TaggedItemCodec implements ItemCodec {

  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

  private final CodecRegistry registry;
  private final String context;
  private final CodecReader reader;

  /**
   * Creates a codec over {@code registry}'s user codecs.
   *
   * @param registry the user codecs, e.g. {@link FrameCodecs#registry()}
   * @param context what the items belong to, for messages, e.g. {@code "element 'square'"}
   */
  public TaggedItemCodec(CodecRegistry registry, String context) {
    this.registry = Objects.requireNonNull(registry, "registry must not be null");
    this.context = Objects.requireNonNull(context, "context must not be null");
    this.reader = new CodecReader(registry, context);
  }

  /**
   * Creates a codec over the process-wide registry {@link FrameCodecs#registry()}.
   *
   * @param context what the items belong to, for messages, e.g. {@code "element 'square'"}
   */
  public TaggedItemCodec(String context) {
    this(FrameCodecs.registry(), context);
  }

  /** The context used in messages. */
  String context() {
    return context;
  }

  @Override
  public Encoded encode(Object item) {
    try {
      return new CodecWriter(registry, context, item);
    } catch (CodecFailure e) {
      throw describe(item, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads from the record's position and leaves it at the limit; the record's byte order is
   * restored.
   *
   * @throws IllegalStateException when the record is corrupt or names a user type that has no codec
   *     in this JVM
   */
  @Override
  public Object decode(ByteBuffer record) {
    ByteOrder order = record.order();
    record.order(NATIVE);
    try {
      Object item = reader.read(record);
      if (record.hasRemaining()) {
        throw new CodecReader.Corrupt(
            record.remaining() + " bytes left after the item at byte " + record.position());
      }
      return item;
    } catch (CodecReader.Corrupt e) {
      throw new IllegalStateException(context + ": corrupt record: " + e.getMessage(), e);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IllegalStateException(context + ": corrupt record: it ends inside an item", e);
    } finally {
      record.order(order);
    }
  }

  /** Encodes {@code item} into a heap buffer and decodes it again: the X5 check. */
  Object roundTrip(Object item) {
    Encoded encoded = encode(item);
    ByteBuffer buffer = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(buffer);
    return decode(buffer.flip());
  }

  private IllegalArgumentException describe(Object item, CodecFailure e) {
    Object value = e.value;
    String path = CodecPaths.pathOf(item, value);
    String type = value.getClass().getName();
    String register =
        "register a codec with FrameCodecs.register(" + sourceName(value) + ", codec)";
    String what = context + ": cannot encode " + path + ": ";
    String message =
        switch (e.reason) {
          case NO_CODEC ->
              what
                  + type
                  + " has no codec and is not Serializable; "
                  + register
                  + " or make it Serializable";
          case SERIALIZATION -> what + serializationProblem(type, e.getCause(), register);
          case CODEC_FAILED -> what + e.detail;
          case TOO_DEEP ->
              what
                  + type
                  + " nests more than "
                  + CodecWriter.MAX_DEPTH
                  + " levels deep; does it contain itself?";
          case TOO_LARGE ->
              what + "it " + e.detail + ", more than the 2 GiB a queue record can hold";
        };
    return new IllegalArgumentException(message, e.getCause());
  }

  private static String serializationProblem(String type, Throwable cause, String register) {
    if (cause instanceof NotSerializableException missing
        && missing.getMessage() != null
        && !missing.getMessage().equals(type)) {
      String inner = missing.getMessage();
      return type
          + " is Serializable but holds a "
          + inner
          + ", which is not; "
          + register
          + " or make "
          + inner.substring(inner.lastIndexOf('.') + 1).replace('$', '.')
          + " Serializable";
    }
    return "Java serialization of "
        + type
        + " failed ("
        + cause
        + "); "
        + register
        + " or fix its serialization";
  }

  /** How the value's class is written in Java source: {@code Outer.Inner.class}. */
  private static String sourceName(Object value) {
    Class<?> type = value.getClass();
    String canonical = type.getCanonicalName();
    if (canonical == null) {
      return type.getName() + ".class";
    }
    String packageName = type.getPackageName();
    return (packageName.isEmpty() ? canonical : canonical.substring(packageName.length() + 1))
        + ".class";
  }
}
