package dev.sgn4j.parallel.spi;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-write mapping of a file: plain (unmapped when its buffer becomes unreachable) or scoped
 * (unmapped by {@link #unmap()}, where the JDK allows it).
 *
 * <p>A scoped mapping, on Java 22 and later, lives in a shared {@code java.lang.foreign.Arena} and
 * {@link #unmap()} closes the arena: the pages go at once, and a buffer used afterwards throws
 * {@link IllegalStateException} ("Already closed") instead of touching unmapped memory, so an
 * unmapping can never crash the JVM. Such a mapping is never unmapped by the garbage collector: its
 * owner must call {@link #unmap()}. The arena API is reached through method handles, so the code
 * compiles for Java 21, where it is a preview API; there a scoped mapping is a plain one and {@link
 * #unmap()} returns false.
 *
 * <pre>{@code
 * Mapping mapping = Mapping.map(channel, size, true);
 * mapping.buffer().putLong(0, 42);
 * mapping.unmap();      // true on Java 22+: the pages are gone
 * }</pre>
 *
 * <p>Thread safety: {@link #unmap()} may be called from any thread, more than once; only the first
 * call unmaps. An arena refuses to close while another thread is inside an access to its memory at
 * that very instant: {@link #unmap()} tries again a bounded number of times, as such an access
 * takes nanoseconds.
 */
final class Mapping {

  /** The arena's handles on Java 22+, or null where mappings cannot be unmapped. */
  private static final Arenas ARENAS = Arenas.find();

  private final MappedByteBuffer buffer;

  /** The arena holding the mapping, or null for a plain mapping. */
  private final Object arena;

  /** Whether {@link #unmap()} was called. */
  private final java.util.concurrent.atomic.AtomicBoolean unmapped =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** How often {@link #unmap()} tries to close an arena that another thread is accessing. */
  static final int CLOSE_ATTEMPTS = 1000;

  private Mapping(MappedByteBuffer buffer, Object arena) {
    this.buffer = buffer;
    this.arena = arena;
  }

  /**
   * Maps {@code size} bytes of {@code channel} from its start, read-write. The mapping outlives the
   * channel.
   *
   * @param channel an open channel, readable and writable
   * @param size the bytes to map
   * @param scoped whether {@link #unmap()} unmaps it (then it must be called)
   * @return the mapping
   * @throws IOException when the file cannot be mapped
   */
  static Mapping map(FileChannel channel, long size, boolean scoped) throws IOException {
    if (!scoped || ARENAS == null) {
      return new Mapping(channel.map(FileChannel.MapMode.READ_WRITE, 0, size), null);
    }
    return ARENAS.map(channel, size);
  }

  /** Whether this mapping is scoped: in an arena that {@link #unmap()} closes. */
  boolean scoped() {
    return arena != null;
  }

  /** Whether a scoped mapping is still mapped: its arena is not closed. */
  boolean mapped() {
    return arena != null && ARENAS.isAlive(arena);
  }

  /** Whether this JDK lets mappings be unmapped on demand (Java 22 and later). */
  static boolean unmappable() {
    return ARENAS != null;
  }

  /** The mapped memory, position 0, limit and capacity the mapped size. */
  MappedByteBuffer buffer() {
    return buffer;
  }

  /**
   * Unmaps a scoped mapping now, where the JDK can.
   *
   * @return whether the memory was unmapped by this call; false for a plain mapping, on Java 21,
   *     when already unmapped, or when another thread kept accessing it through every attempt
   */
  boolean unmap() {
    if (arena == null || !unmapped.compareAndSet(false, true)) {
      return false;
    }
    for (int attempt = 1; attempt <= CLOSE_ATTEMPTS; attempt++) {
      if (ARENAS.close(arena)) {
        return true;
      }
      Thread.yield();
    }
    return false;
  }

  /** The method handles of {@code Arena.ofShared()}, {@code FileChannel.map(..., Arena)} and co. */
  private record Arenas(
      MethodHandle ofShared,
      MethodHandle map,
      MethodHandle asByteBuffer,
      MethodHandle close,
      MethodHandle scope,
      MethodHandle isAlive) {

    static Arenas find() {
      if (Runtime.version().feature() < 22) {
        return null;
      }
      try {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> arena = Class.forName("java.lang.foreign.Arena");
        Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> scope = Class.forName("java.lang.foreign.MemorySegment$Scope");
        return new Arenas(
            lookup.findStatic(arena, "ofShared", MethodType.methodType(arena)),
            lookup.findVirtual(
                FileChannel.class,
                "map",
                MethodType.methodType(
                    segment, FileChannel.MapMode.class, long.class, long.class, arena)),
            lookup.findVirtual(segment, "asByteBuffer", MethodType.methodType(ByteBuffer.class)),
            lookup.findVirtual(arena, "close", MethodType.methodType(void.class)),
            lookup.findVirtual(arena, "scope", MethodType.methodType(scope)),
            lookup.findVirtual(scope, "isAlive", MethodType.methodType(boolean.class)));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    Mapping map(FileChannel channel, long size) throws IOException {
      Object arena = invoke(ofShared);
      try {
        Object segment = map.invoke(channel, FileChannel.MapMode.READ_WRITE, 0L, size, arena);
        return new Mapping((MappedByteBuffer) asByteBuffer.invoke(segment), arena);
      } catch (IOException | RuntimeException | Error e) {
        close(arena);
        throw e;
      } catch (Throwable e) {
        close(arena);
        throw new IllegalStateException("cannot map a shared file: " + e, e);
      }
    }

    /** Closes the arena; false while another thread is accessing its memory. */
    boolean close(Object arena) {
      try {
        close.invoke(arena);
        return true;
      } catch (IllegalStateException busy) {
        return false;
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot unmap a shared file: " + e, e);
      }
    }

    /** Whether the arena is still open. */
    boolean isAlive(Object arena) {
      try {
        return (boolean) isAlive.invoke(scope.invoke(arena));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object invoke(MethodHandle handle) {
      try {
        return handle.invoke();
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
