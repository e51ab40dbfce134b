package dev.sgn4j.worker;

import java.util.Objects;

/**
 * A reference to a range of bytes in a named {@link SharedMemory} segment. A frame whose data is a
 * slice crosses a worker queue as its segment name, offset and length — a few bytes, whatever the
 * payload's size — so a large payload reaches a worker process without being copied through the
 * queue: the worker reads it in place through its own mapping of the segment, and can answer with a
 * slice of its own.
 *
 * <pre>{@code
 * // parent: write the payload once into the scope's segment, send a reference
 * SharedMemory frames = scope.toShm("frames", 64 << 20);
 * frames.buffer().put(offset, payload);
 * Frame frame = Frame.of(frames.slice(offset, payload.length));
 * // worker (thread or process): read it in place
 * ByteBuffer bytes = context.view((SharedSlice) frame.data());
 * }</pre>
 *
 * <p>The slice does not own its bytes: whoever writes into the segment decides when a range may be
 * reused (for example a ring of slots larger than everything that can be in flight: queue
 * capacities plus one per element).
 *
 * @param segment the name of the segment, as given to {@link dev.sgn4j.parallel.Parallelize#toShm}
 * @param offset where the range starts, in bytes from the segment's start
 * @param length how many bytes it holds
 */
public record SharedSlice(String segment, int offset, int length) {

  /** Checks the fields. */
  public SharedSlice {
    Objects.requireNonNull(segment, "the segment name of a shared slice must not be null");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "slice of shared memory '%s': offset and length must not be negative, got offset %d and length %d"
              .formatted(segment, offset, length));
    }
  }

  /**
   * Where the range ends, exclusive.
   *
   * @return {@code offset + length}
   */
  public long end() {
    return (long) offset + length;
  }
}
