package dev.sgn4j.process.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.ByteBuffer;

/** The streams of the Java serialization fallback. */
final class CodecStreams {

  private CodecStreams() {}

  /** A byte array output stream whose array is read in place, without the copy of toByteArray. */
  static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(256);
    }

    byte[] array() {
      return buf;
    }
  }

  /**
   * Reads objects from a buffer, resolving classes with the thread's context class loader first
   * (where a worker's user classes live), then with sgn4j's own loader, then as {@link
   * ObjectInputStream} does (which also knows the primitive types).
   */
  static final class LoaderObjectInputStream extends ObjectInputStream {
    LoaderObjectInputStream(ByteBuffer bytes) throws IOException {
      super(new BufferInputStream(bytes));
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      String name = desc.getName();
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        try {
          return Class.forName(name, false, context);
        } catch (ClassNotFoundException e) {
          // try the next loader
        }
      }
      try {
        return Class.forName(name, false, CodecStreams.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }

  /** An input stream over the remaining bytes of a buffer. */
  private static final class BufferInputStream extends InputStream {
    private final ByteBuffer bytes;

    BufferInputStream(ByteBuffer bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return bytes.hasRemaining() ? bytes.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!bytes.hasRemaining()) {
        return -1;
      }
      int n = Math.min(length, bytes.remaining());
      bytes.get(target, offset, n);
      return n;
    }

    @Override
    public int available() {
      return bytes.remaining();
    }
  }
}
