package dev.sgn4j.process.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A test codec for {@link String}, {@link Integer} and {@link Long} items: a tag byte, then the
 * value.
 */
public final class ValueTestCodec implements ItemCodec {

  private static final byte STRING = 1;
  private static final byte INTEGER = 2;
  private static final byte LONG = 3;

  @Override
  public Encoded encode(Object item) {
    return switch (item) {
      case String text -> encoded(STRING, text.getBytes(StandardCharsets.UTF_8));
      case Integer number -> encoded(INTEGER, ByteBuffer.allocate(4).putInt(number).array());
      case Long number -> encoded(LONG, ByteBuffer.allocate(8).putLong(number).array());
      default ->
          throw new IllegalArgumentException(
              "ValueTestCodec cannot encode a " + item.getClass().getName());
    };
  }

  private static Encoded encoded(byte tag, byte[] value) {
    return new Encoded() {
      @Override
      public int size() {
        return 1 + value.length;
      }

      @Override
      public void writeTo(ByteBuffer target) {
        target.put(tag).put(value);
      }
    };
  }

  @Override
  public Object decode(ByteBuffer record) {
    byte tag = record.get();
    return switch (tag) {
      case STRING -> {
        byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
      case INTEGER -> record.getInt();
      case LONG -> record.getLong();
      default -> throw new IllegalArgumentException("unknown tag " + tag);
    };
  }
}
