package dev.sgn4j.process.codec;

import java.nio.ByteBuffer;

/**
 * A test codec for {@code byte[]} items: the payload is the array itself, so an item of {@code n}
 * bytes takes exactly {@code n} bytes of payload in a ring.
 */
public final class BytesTestCodec implements ItemCodec {

  @Override
  public Encoded encode(Object item) {
    if (!(item instanceof byte[] bytes)) {
      throw new IllegalArgumentException("BytesTestCodec encodes byte[] only, not " + item);
    }
    return of(bytes);
  }

  /** The encoding of {@code bytes}. */
  public static Encoded of(byte[] bytes) {
    return new Encoded() {
      @Override
      public int size() {
        return bytes.length;
      }

      @Override
      public void writeTo(ByteBuffer target) {
        target.put(bytes);
      }
    };
  }

  @Override
  public Object decode(ByteBuffer record) {
    byte[] bytes = new byte[record.remaining()];
    record.get(bytes);
    return bytes;
  }
}
