package dev.sgn4j.parallel;

import java.nio.ByteBuffer;

/**
 * A named block of memory shared by every worker of a {@link Parallelize} scope (SGN's {@code
 * to_shm}), backed by a memory-mapped file under {@code /dev/shm}: created with {@link
 * Parallelize#toShm(String, byte[])}, found by workers through {@link
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
   * Whether the segment was freed.
   *
   * @return true once freed
   */
  boolean isFreed();
}
