package dev.sgn4j.process.codec;

import java.nio.ByteBuffer;

/**
 * Turns values of one type into bytes and back, so that frames carrying them can cross to and from
 * a worker process. sgn4j has built-in codecs for {@code null}, the boxed primitives, {@code
 * String}, primitive arrays, {@code ByteBuffer}, lists, sets and maps of such values, frames, and
 * {@link dev.sgn4j.worker.SharedSlice} references to shared memory (a few bytes, however large the
 * payload they point to); anything else that is {@link java.io.Serializable} falls back to Java
 * serialization. Write a codec for your own types when they are not Serializable, or when Java
 * serialization is too slow or too large, and register it before the run with {@link
 * FrameCodecs#register}:
 *
 * <pre>{@code
 * public record Point(double x, double y) {}
 *
 * public final class PointCodec implements ValueCodec<Point> {
 *   public PointCodec() {}
 *
 *   public int size(Point p) { return 16; }
 *
 *   public void write(Point p, ByteBuffer out) { out.putDouble(p.x()).putDouble(p.y()); }
 *
 *   public Point read(ByteBuffer in) { return new Point(in.getDouble(), in.getDouble()); }
 * }
 *
 * FrameCodecs.register(Point.class, new PointCodec());
 * }</pre>
 *
 * <p><b>Worker processes create codecs by class name.</b> A codec class must therefore be a public
 * top-level or public static nested class with a public no-argument constructor, and must not
 * depend on state set up by the registering JVM; registration checks this. The child JVM registers
 * the same codec classes for the same types as the parent before it decodes anything.
 *
 * <p><b>Threading.</b> One codec instance may be called by several threads at once (the encoding
 * and the decoding side of several queues), so keep codecs stateless.
 *
 * <p>The bytes of a value are framed by sgn4j: {@link #read} sees exactly the bytes {@link #write}
 * wrote, so a codec needs no length prefix of its own. Buffers are in the platform's native byte
 * order, which both sides share.
 *
 * @param <T> the type of the values
 */
public interface ValueCodec<T> {

  /**
   * The exact number of bytes {@link #write} will write for {@code value}. Called first, so that
   * the item's space in shared memory can be reserved before anything is written.
   *
   * @param value the value, never {@code null}
   * @return the size in bytes, at least 0
   */
  int size(T value);

  /**
   * Writes {@code value}, exactly {@link #size} bytes, at {@code out}'s position.
   *
   * @param value the value, never {@code null}
   * @param out a buffer whose remaining bytes are exactly the value's size, in native byte order
   */
  void write(T value, ByteBuffer out);

  /**
   * Reads back a value that {@link #write} wrote.
   *
   * @param in a buffer whose remaining bytes are exactly the bytes written, in native byte order
   * @return the value
   */
  T read(ByteBuffer in);
}
