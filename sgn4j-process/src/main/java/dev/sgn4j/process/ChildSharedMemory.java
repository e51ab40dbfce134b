package dev.sgn4j.process;

import dev.sgn4j.parallel.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A parent's shared memory segment as a worker process sees it: the same file, mapped here. */
final class ChildSharedMemory implements SharedMemory {

  private final String name;
  private final Path path;
  private final MappedByteBuffer memory;

  ChildSharedMemory(String name, Path path, int size) {
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
