package dev.sgn4j.process.shm;

import dev.sgn4j.worker.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A parent's shared memory segment as a worker process sees it: the same file, mapped here. */
public final class ChildSharedMemory implements SharedMemory {

  private final String name;
  private final Path path;
  private final MappedByteBuffer memory;

  /**
   * Maps the segment's file.
   *
   * @param name the segment's name in the scope
   * @param path the file the parent created
   * @param size the segment's size in bytes
   * @throws java.io.UncheckedIOException when the file cannot be mapped
   */
  public ChildSharedMemory(String name, Path path, int size) {
    this.name = name;
    this.path = path;
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      this.memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map shared memory '" + name + "' at " + path, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return memory.capacity();
  }

  @Override
  public ByteBuffer buffer() {
    return memory.duplicate().clear();
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public boolean isFreed() {
    return false;
  }
}
