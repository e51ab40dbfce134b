package dev.sgn4j.parallel;

import java.nio.ByteBuffer;

/** A shared segment for thread and virtual-thread workers: one direct buffer in this JVM. */
final class HeapSharedMemory implements SharedMemory {

  private final String name;
  private volatile ByteBuffer memory;

  HeapSharedMemory(String name, byte[] bytes) {
    this.name = name;
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
    buffer.put(bytes).clear();
    this.memory = buffer;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    ByteBuffer current = memory;
    return current == null ? 0 : current.capacity();
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
  public boolean isFreed() {
    return memory == null;
  }

  void free() {
    memory = null;
  }

  @Override
  public String toString() {
    return "SharedMemory[" + name + ", " + size() + " bytes" + (isFreed() ? ", freed]" : "]");
  }
}
