package dev.sgn4j.parallel;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.worker.SharedMemory;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * A shared segment backed by a memory-mapped {@link SharedFile} (under {@code /dev/shm}, else the
 * temporary directory; readable and writable by this user only), so worker threads and worker
 * processes see the same bytes. The scope that created it deletes the file when it closes.
 */
final class MappedSharedMemory implements SharedMemory {

  private final String name;
  private final int size;
  private final SharedFile file;
  private volatile MappedByteBuffer memory;

  private MappedSharedMemory(String name, int size, SharedFile file) {
    this.name = name;
    this.size = size;
    this.file = file;
    this.memory = file.buffer();
  }

  /** Creates the file and maps it; {@code bytes} is the content, or null for {@code size} zeros. */
  static MappedSharedMemory create(String name, byte[] bytes, int size) {
    SharedFile file = SharedFile.create("shm-" + name, size);
    if (bytes != null) {
      file.buffer().put(0, bytes);
    }
    return new MappedSharedMemory(name, size, file);
  }

  /** Where shared files go: {@code /dev/shm} when it is a writable directory, else the temp dir. */
  static Path directory() {
    return SharedFile.defaultDirectory();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public ByteBuffer buffer() {
    ByteBuffer current = memory;
    if (current == null) {
      throw new IllegalStateException(
          "shared memory '" + name + "' was freed when its Parallelize scope closed");
    }
    return current.duplicate().clear();
  }

  @Override
  public Path path() {
    return file.path();
  }

  @Override
  public boolean isFreed() {
    return memory == null;
  }

  /** Forgets the mapping and deletes the file; the memory goes once nothing references it. */
  void free() {
    memory = null;
    file.close();
  }

  @Override
  public String toString() {
    return "SharedMemory[" + name + ", " + size + " bytes" + (isFreed() ? ", freed]" : "]");
  }
}
