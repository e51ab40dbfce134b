package dev.sgn4j.parallel;

import dev.sgn4j.worker.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A shared segment backed by a memory-mapped file under {@code /dev/shm} (the temporary directory
 * where that does not exist), so worker threads and worker processes see the same bytes. The scope
 * that created it deletes the file when it closes.
 */
final class MappedSharedMemory implements SharedMemory {

  private final String name;
  private final Path path;
  private final int size;
  private volatile MappedByteBuffer memory;

  private MappedSharedMemory(String name, Path path, int size, MappedByteBuffer memory) {
    this.name = name;
    this.path = path;
    this.size = size;
    this.memory = memory;
  }

  /** Creates the file, maps it and copies {@code bytes} in. */
  /** Creates the file and maps it; {@code bytes} is the content, or null for {@code size} zeros. */
  static MappedSharedMemory create(String name, byte[] bytes, int size) {
    Path path = directory().resolve(fileName(name));
    try (FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
      if (bytes != null) {
        buffer.put(bytes).clear();
      }
      return new MappedSharedMemory(name, path, size, buffer);
    } catch (IOException e) {
      deleteQuietly(path);
      throw new UncheckedIOException(
          "cannot create shared memory '" + name + "' of " + size + " bytes in " + path, e);
    }
  }

  /** Where shared files go: {@code /dev/shm} when it is a writable directory, else the temp dir. */
  static Path directory() {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  private static String fileName(String name) {
    String tag = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (tag.length() > 40) {
      tag = tag.substring(0, 40);
    }
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return "sgn4j-"
        + ProcessHandle.current().pid()
        + "-shm-"
        + tag
        + "-"
        + HexFormat.of().formatHex(random);
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
    return path;
  }

  @Override
  public boolean isFreed() {
    return memory == null;
  }

  /** Forgets the mapping and deletes the file; the memory goes once nothing references it. */
  void free() {
    memory = null;
    deleteQuietly(path);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      System.getLogger("sgn.parallel")
          .log(System.Logger.Level.WARNING, "cannot delete shared memory file {0}: {1}", path, e);
    }
  }

  @Override
  public String toString() {
    return "SharedMemory[" + name + ", " + size + " bytes" + (isFreed() ? ", freed]" : "]");
  }
}
