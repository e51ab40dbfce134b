package dev.sgn4j.worker;

import java.nio.ByteBuffer;

/**
 * A named block of memory shared by every worker of a {@link dev.sgn4j.parallel.Parallelize} scope
 * (SGN's {@code to_shm}), backed by a memory-mapped file under {@code /dev/shm}: created with
 * {@link dev.sgn4j.parallel.Parallelize#toShm(String, byte[])}, found by workers through {@link
 * WorkerContext#sharedMemory(String)}, freed when the scope closes. Writes are seen by every worker
 * (and, in process mode, by every process).
 *
 * <pre>{@code
 * try (var scope = new Parallelize(pipeline)) {
 *   scope.toShm("weights", bytes);
 *   scope.run();
 * }
 * // in a worker:
 * ByteBuffer weights = context.sharedMemory("weights").buffer();
 * }</pre>
 *
 * <p>Coordinate concurrent writers yourself; the segment adds no locking.
 */
public interface SharedMemory {

  /**
   * The name it was created with.
   *
   * @return the name
   */
  String name();

  /**
   * The size in bytes.
   *
   * @return the size
   */
  int size();

  /**
   * A view of the whole segment, position 0, limit {@link #size()}; each call returns a new view of
   * the same memory.
   *
   * @return the view
   * @throws IllegalStateException after the scope freed the segment
   */
  ByteBuffer buffer();

  /**
   * The memory-mapped file behind the segment, which worker processes map too. The scope deletes it
   * when it closes.
   *
   * @return the file's path
   */
  java.nio.file.Path path();

  /**
   * A reference to {@code length} bytes from {@code offset} of this segment, to send in a frame
   * instead of the bytes themselves.
   *
   * @param offset where the range starts
   * @param length how many bytes
   * @return the slice
   * @throws IndexOutOfBoundsException when the range is not inside the segment
   */
  default SharedSlice slice(int offset, int length) {
    SharedSlice slice = new SharedSlice(name(), offset, length);
    checkInside(slice);
    return slice;
  }

  /**
   * A view of the bytes a slice of this segment refers to: position 0, limit the slice's length,
   * reading and writing the shared memory itself (no copy).
   *
   * @param slice a slice of this segment
   * @return a new view
   * @throws IllegalArgumentException when the slice names another segment
   * @throws IndexOutOfBoundsException when the range is not inside the segment
   * @throws IllegalStateException after the scope freed the segment
   */
  default ByteBuffer view(SharedSlice slice) {
    if (!slice.segment().equals(name())) {
      throw new IllegalArgumentException(
          "a slice of shared memory '%s' cannot be read from shared memory '%s'; look the segment up by the slice's name"
              .formatted(slice.segment(), name()));
    }
    checkInside(slice);
    return buffer().slice(slice.offset(), slice.length());
  }

  private void checkInside(SharedSlice slice) {
    if (slice.end() > size()) {
      throw new IndexOutOfBoundsException(
          "bytes %d to %d are outside shared memory '%s' of %d bytes"
              .formatted(slice.offset(), slice.end(), name(), size()));
    }
  }

  /**
   * Whether the segment was freed.
   *
   * @return true once freed
   */
  boolean isFreed();
}
