package dev.sgn4j.process.codec;

import java.nio.ByteBuffer;

/**
 * Turns the items of a worker queue (frames, maps of frames by pad name, or whatever a worker puts)
 * into bytes and back, for queues that cross from one JVM to another. An item is first {@linkplain
 * #encode prepared}, which settles its exact size, then written straight into the queue's shared
 * memory, so a large payload is copied once on each side.
 */
public interface ItemCodec {

  /**
   * Prepares an item for writing.
   *
   * @param item the item, never null
   * @return the item's encoding, which knows its size
   * @throws IllegalArgumentException naming the item's type when no codec can encode it
   */
  Encoded encode(Object item);

  /**
   * Reads one item back.
   *
   * @param record the bytes of one item, from its position to its limit
   * @return the item
   */
  Object decode(ByteBuffer record);

  /** One item, ready to be written. */
  interface Encoded {
    /**
     * The exact number of bytes {@link #writeTo} writes.
     *
     * @return the size
     */
    int size();

    /**
     * Writes the item at the target's position, advancing it by {@link #size()}.
     *
     * @param target a buffer with at least {@link #size()} bytes remaining
     */
    void writeTo(ByteBuffer target);
  }
}
