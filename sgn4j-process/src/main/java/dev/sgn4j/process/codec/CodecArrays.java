package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTags.BOOLEANS;
import static dev.sgn4j.process.codec.CodecTags.BYTES;
import static dev.sgn4j.process.codec.CodecTags.CHARS;
import static dev.sgn4j.process.codec.CodecTags.DOUBLES;
import static dev.sgn4j.process.codec.CodecTags.FLOATS;
import static dev.sgn4j.process.codec.CodecTags.INTS;
import static dev.sgn4j.process.codec.CodecTags.LONGS;
import static dev.sgn4j.process.codec.CodecTags.SHORTS;

import java.nio.ByteBuffer;

/**
 * Primitive arrays: {@code tag, int n, n elements}, copied in bulk through a view of the buffer
 * (one copy each way, in the buffer's order, which the codec sets to native). {@code boolean[]} has
 * no view and goes byte by byte.
 */
final class CodecArrays {

  private CodecArrays() {}

  /** Writes the array {@code value} whose tag is {@code tag}, tag included. */
  static void write(byte tag, Object value, ByteBuffer out) {
    out.put(tag);
    switch (tag) {
      case BYTES -> {
        byte[] a = (byte[]) value;
        out.putInt(a.length).put(a);
      }
      case SHORTS -> {
        short[] a = (short[]) value;
        out.putInt(a.length).asShortBuffer().put(a);
        skip(out, 2L * a.length);
      }
      case CHARS -> {
        char[] a = (char[]) value;
        out.putInt(a.length).asCharBuffer().put(a);
        skip(out, 2L * a.length);
      }
      case INTS -> {
        int[] a = (int[]) value;
        out.putInt(a.length).asIntBuffer().put(a);
        skip(out, 4L * a.length);
      }
      case LONGS -> {
        long[] a = (long[]) value;
        out.putInt(a.length).asLongBuffer().put(a);
        skip(out, 8L * a.length);
      }
      case FLOATS -> {
        float[] a = (float[]) value;
        out.putInt(a.length).asFloatBuffer().put(a);
        skip(out, 4L * a.length);
      }
      case DOUBLES -> {
        double[] a = (double[]) value;
        out.putInt(a.length).asDoubleBuffer().put(a);
        skip(out, 8L * a.length);
      }
      case BOOLEANS -> {
        boolean[] a = (boolean[]) value;
        out.putInt(a.length);
        for (boolean b : a) {
          out.put((byte) (b ? 1 : 0));
        }
      }
      default -> throw new IllegalArgumentException("not an array tag: " + tag);
    }
  }

  /**
   * Reads the array whose tag {@code tag} was just read.
   *
   * @throws CodecReader.Corrupt when the length does not fit in the record
   */
  static Object read(byte tag, ByteBuffer in) {
    return switch (tag) {
      case BYTES -> {
        byte[] a = new byte[count(in, 1)];
        in.get(a);
        yield a;
      }
      case SHORTS -> {
        short[] a = new short[count(in, 2)];
        in.asShortBuffer().get(a);
        skip(in, 2L * a.length);
        yield a;
      }
      case CHARS -> {
        char[] a = new char[count(in, 2)];
        in.asCharBuffer().get(a);
        skip(in, 2L * a.length);
        yield a;
      }
      case INTS -> {
        int[] a = new int[count(in, 4)];
        in.asIntBuffer().get(a);
        skip(in, 4L * a.length);
        yield a;
      }
      case LONGS -> {
        long[] a = new long[count(in, 8)];
        in.asLongBuffer().get(a);
        skip(in, 8L * a.length);
        yield a;
      }
      case FLOATS -> {
        float[] a = new float[count(in, 4)];
        in.asFloatBuffer().get(a);
        skip(in, 4L * a.length);
        yield a;
      }
      case DOUBLES -> {
        double[] a = new double[count(in, 8)];
        in.asDoubleBuffer().get(a);
        skip(in, 8L * a.length);
        yield a;
      }
      case BOOLEANS -> {
        boolean[] a = new boolean[count(in, 1)];
        for (int i = 0; i < a.length; i++) {
          a[i] = in.get() != 0;
        }
        yield a;
      }
      default -> throw new IllegalArgumentException("not an array tag: " + tag);
    };
  }

  /**
   * Reads a count of elements of {@code elementSize} bytes each and checks that they fit in what is
   * left of the record, so that a corrupt record never allocates a huge array.
   */
  static int count(ByteBuffer in, int elementSize) {
    int n = in.getInt();
    if (n < 0 || (long) n * elementSize > in.remaining()) {
      throw new CodecReader.Corrupt(
          "a count of " + n + " at byte " + (in.position() - 4) + " does not fit in the record");
    }
    return n;
  }

  private static void skip(ByteBuffer buffer, long bytes) {
    buffer.position(buffer.position() + (int) bytes);
  }
}
