/**
 * How frames cross to and from worker processes: built-in codecs for the JDK's value types, your
 * own registered with {@link dev.sgn4j.process.codec.FrameCodecs#register}, and Java serialization
 * through an allow-list for the rest.
 *
 * <pre>{@code
 * FrameCodecs.register(Point.class, new PointCodec());
 * FrameCodecs.allowSerializable(Window.class);
 * }</pre>
 */
package dev.sgn4j.process.codec;
