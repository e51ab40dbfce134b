package dev.sgn4j.process.shm;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.codec.ItemCodec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A single-producer/single-consumer ring of variable-length records in a region of a direct (in
 * practice memory-mapped) {@link ByteBuffer}, for handing items from one process to another. Both
 * sides map the same memory and each builds its own {@code RingBuffer} over it: the creating side
 * with {@link #create}, the other with {@link #open}.
 *
 * <pre>{@code
 * RingBuffer ring = RingBuffer.create(file.buffer(), 4096, 1 << 16, 64); // 64 KiB, ≤ 64 items
 * // producer (one thread, in one process)
 * if (!ring.tryWrite(codec.encode(item))) { ... full: wait and retry ... }
 * // consumer (one thread, in one process, usually another)
 * ByteBuffer record = ring.tryRead();
 * if (record != null) {
 *   try {
 *     Object item = codec.decode(record);  // reads the shared memory in place
 *   } finally {
 *     ring.release();                      // the producer may reuse the bytes now
 *   }
 * }
 * }</pre>
 *
 * <p><b>Who may call what.</b> Exactly one thread at a time in exactly one process is the producer
 * ({@link #tryWrite}, {@link #remainingItems}); exactly one is the consumer ({@link #tryRead},
 * {@link #release}). The producer's and the consumer's positions are also kept in this object, so a
 * side must stay with the {@code RingBuffer} it started with. {@link #close}, {@link #isClosed},
 * {@link #size}, {@link #isEmpty}, the waiting hints and the accessors are safe from any thread of
 * either process.
 *
 * <p><b>Layout</b> (offsets from the region's start; longs 8-byte aligned, the lines 128 bytes
 * apart so the two sides never write the same cache line or an adjacent-line prefetch pair):
 *
 * <pre>
 *     0  producer position   long   the producer's line: written on every write
 *     8  items written       long
 *    16  producer waiting    int    hint: the producer is waiting for room
 *   128  consumer position   long   the consumer's line: written on every release
 *   136  items read          long
 *   144  consumer waiting    int    hint: the consumer is waiting for an item
 *   256  magic               long   "SGN4RING", checked by open
 *   264  data bytes          int    the data part's size, a power of two
 *   268  item capacity       int
 *   272  closed              int    1 once closed, by either side
 *   512  data                       {@code data bytes} bytes of records
 * </pre>
 *
 * <p>Positions count bytes from the start of the stream and never wrap; a position's place in the
 * data part is {@code position & (dataBytes - 1)}. A record is a 4-byte length and the payload,
 * padded to a multiple of 8 bytes (so every length word and every record start is 8-byte aligned).
 * When a record does not fit before the end of the data part, the producer writes a padding marker
 * (length {@code -1}) there, publishes it on its own, and starts the record at offset 0. The ring
 * holds at most {@code dataBytes} bytes and at most {@code itemCapacity} records; a record takes at
 * most {@code dataBytes} bytes, so a payload can have up to {@code dataBytes - 4} bytes.
 *
 * <p><b>Memory ordering.</b> Everything the two sides share is in this memory, accessed through
 * {@link MethodHandles#byteBufferViewVarHandle} views in native byte order:
 *
 * <ul>
 *   <li>The producer writes the length and the payload with plain stores, then the items-written
 *       counter and the producer position with release stores. The consumer reads the producer
 *       position with an acquire load before it reads a length or a payload, so it sees all the
 *       bytes of every record (and padding marker) below that position.
 *   <li>The consumer reads the payload in place (plain loads through a read-only slice) and, when
 *       it is done, {@link #release} publishes the items-read counter and the consumer position
 *       with release stores. The producer reads the consumer position with an acquire load before
 *       it writes bytes below {@code consumerPosition + dataBytes}, so its new writes never land in
 *       bytes the consumer is still reading.
 *   <li>The item counters only bound the number of records; byte safety rests on the positions
 *       alone. A counter seen ahead of its position costs nothing: it may let the producer try a
 *       write that the byte check then declines.
 * </ul>
 *
 * <p>Java's memory model speaks of threads of one JVM; across processes the same code holds because
 * a release store keeps the compiler and the CPU from moving earlier stores after it, and an
 * acquire load keeps later loads before it, whichever process the other access comes from (on x86
 * both are plain moves that the compiler may not reorder; on ARM they are {@code stlr}/{@code
 * ldar}). The shared pages are the same physical memory in both processes, and positions and
 * counters are aligned longs, so every access to them is atomic.
 *
 * <p>A waiting side cannot be woken by the other process: callers poll {@link #tryWrite}/{@link
 * #tryRead} with a {@link IdleStrategy#POLLING}. The waiting hints say who is waiting, for
 * diagnostics.
 */
public final class RingBuffer {

  /** Bytes of header before the data part. */
  static final int HEADER_BYTES = 512;

  /** The smallest data part. */
  static final int MIN_DATA_BYTES = 4096;

  /** The largest data part; two rings and a control block fit in one 2 GiB mapping. */
  static final int MAX_DATA_BYTES = 1 << 29;

  /** The length word before each payload. */
  static final int LENGTH_BYTES = 4;

  /** Records start at multiples of this. */
  static final int RECORD_ALIGNMENT = 8;

  /** The length word of a padding marker. */
  static final int PADDING = -1;

  /** "SGN4RING" in ASCII, at {@link #MAGIC}. */
  static final long RING_MAGIC = 0x53474E3452494E47L;

  // Header offsets from the region's start.
  static final int PRODUCER_POSITION = 0;
  static final int ITEMS_WRITTEN = 8;
  static final int PRODUCER_WAITING = 16;
  static final int CONSUMER_POSITION = 128;
  static final int ITEMS_READ = 136;
  static final int CONSUMER_WAITING = 144;
  static final int MAGIC = 256;
  static final int DATA_BYTES = 264;
  static final int ITEM_CAPACITY = 268;
  static final int CLOSED = 272;

  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private final ByteBuffer memory;
  private final ByteBuffer writeView;
  private final ByteBuffer readView;
  private final int header;
  private final int data;
  private final int dataBytes;
  private final int mask;
  private final int itemCapacity;
  private final Cursors cursors = new Cursors();

  private RingBuffer(ByteBuffer memory, int offset, int dataBytes, int itemCapacity) {
    this.memory = memory;
    this.writeView = memory.duplicate();
    this.readView = memory.asReadOnlyBuffer();
    this.header = offset;
    this.data = offset + HEADER_BYTES;
    this.dataBytes = dataBytes;
    this.mask = dataBytes - 1;
    this.itemCapacity = itemCapacity;
    Cursors s = cursors;
    s.producerPosition = (long) LONGS.getVolatile(memory, header + PRODUCER_POSITION);
    s.itemsWritten = (long) LONGS.getVolatile(memory, header + ITEMS_WRITTEN);
    s.consumerPosition = (long) LONGS.getVolatile(memory, header + CONSUMER_POSITION);
    s.itemsRead = (long) LONGS.getVolatile(memory, header + ITEMS_READ);
    s.cachedConsumerPosition = s.consumerPosition;
    s.cachedItemsRead = s.itemsRead;
    s.cachedProducerPosition = s.producerPosition;
  }

  /** The bytes a ring with a data part of {@code dataBytes} takes: header and data. */
  public static long regionBytes(int dataBytes) {
    return (long) HEADER_BYTES + dataBytes;
  }

  /**
   * Lays out an empty, open ring in {@code [offset, offset + regionBytes(dataBytes))} of {@code
   * memory}, overwriting what was there. Call it before the other side {@linkplain #open opens} the
   * ring (before starting the child process, say).
   *
   * @param memory a direct buffer, in practice a {@link SharedFile}'s
   * @param offset where the region starts, 8-byte aligned (128 keeps the header's lines apart)
   * @param dataBytes the size of the data part, a power of two from {@value #MIN_DATA_BYTES} to
   *     {@value #MAX_DATA_BYTES}
   * @param itemCapacity the most records the ring holds, at least 1
   * @return the ring
   * @throws IllegalArgumentException naming the value that is out of range
   */
  public static RingBuffer create(ByteBuffer memory, int offset, int dataBytes, int itemCapacity) {
    checkDataBytes(dataBytes);
    if (itemCapacity < 1) {
      throw new IllegalArgumentException(
          "item capacity of a ring must be at least 1 but it was " + itemCapacity);
    }
    checkRegion(memory, offset, dataBytes);
    for (int i = 0; i < HEADER_BYTES; i += Long.BYTES) {
      LONGS.set(memory, offset + i, 0L);
    }
    INTS.set(memory, offset + DATA_BYTES, dataBytes);
    INTS.set(memory, offset + ITEM_CAPACITY, itemCapacity);
    LONGS.setVolatile(memory, offset + MAGIC, RING_MAGIC); // last: an opener that sees it sees all
    return new RingBuffer(memory, offset, dataBytes, itemCapacity);
  }

  /**
   * Opens a ring that {@link #create} laid out at {@code offset} of the same memory (mapped by
   * another process, usually).
   *
   * @throws IllegalStateException when there is no valid ring header at {@code offset}
   */
  public static RingBuffer open(ByteBuffer memory, int offset) {
    checkRegion(memory, offset, 0);
    long magic = (long) LONGS.getVolatile(memory, offset + MAGIC);
    if (magic != RING_MAGIC) {
      throw new IllegalStateException(
          "no ring buffer at offset "
              + offset
              + ": magic is 0x"
              + Long.toHexString(magic)
              + ", expected 0x"
              + Long.toHexString(RING_MAGIC));
    }
    int dataBytes = (int) INTS.getVolatile(memory, offset + DATA_BYTES);
    int itemCapacity = (int) INTS.getVolatile(memory, offset + ITEM_CAPACITY);
    if (Integer.bitCount(dataBytes) != 1
        || dataBytes < MIN_DATA_BYTES
        || dataBytes > MAX_DATA_BYTES
        || itemCapacity < 1) {
      throw new IllegalStateException(
          "corrupt ring header at offset "
              + offset
              + ": data bytes "
              + dataBytes
              + ", item capacity "
              + itemCapacity);
    }
    checkRegion(memory, offset, dataBytes);
    return new RingBuffer(memory, offset, dataBytes, itemCapacity);
  }

  private static void checkDataBytes(int dataBytes) {
    if (Integer.bitCount(dataBytes) != 1
        || dataBytes < MIN_DATA_BYTES
        || dataBytes > MAX_DATA_BYTES) {
      throw new IllegalArgumentException(
          "data bytes of a ring must be a power of two from "
              + MIN_DATA_BYTES
              + " to "
              + MAX_DATA_BYTES
              + " but it was "
              + dataBytes);
    }
  }

  private static void checkRegion(ByteBuffer memory, int offset, int dataBytes) {
    Objects.requireNonNull(memory, "memory must not be null");
    if (!memory.isDirect() || memory.isReadOnly()) {
      throw new IllegalArgumentException("a ring needs a writable direct buffer, not " + memory);
    }
    if (offset < 0 || memory.alignmentOffset(offset, RECORD_ALIGNMENT) != 0) {
      throw new IllegalArgumentException(
          "a ring must start at an 8-byte aligned offset but it was " + offset);
    }
    long end = offset + regionBytes(dataBytes);
    if (end > memory.capacity()) {
      throw new IllegalArgumentException(
          "a ring of "
              + dataBytes
              + " data bytes at offset "
              + offset
              + " needs "
              + end
              + " bytes but the buffer has "
              + memory.capacity());
    }
  }

  /** The bytes a record with a payload of {@code size} bytes takes, length word included. */
  static int recordBytes(int size) {
    return (LENGTH_BYTES + size + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
  }

  /**
   * The message for a payload larger than a ring of {@code dataBytes} can ever hold.
   *
   * @param size the payload's size
   */
  static String tooLarge(int size, int dataBytes) {
    return "an item of "
        + size
        + " bytes does not fit in a ring of "
        + dataBytes
        + " data bytes (at most "
        + (dataBytes - LENGTH_BYTES)
        + " bytes per item): raise the element's queueBytes, or pass large payloads through"
        + " shared memory (toShm)";
  }

  // ---------------------------------------------------------------- producer

  /**
   * Writes one record if there is room for it, by bytes and by item count; producer only. The
   * payload is written straight into the shared memory by {@link ItemCodec.Encoded#writeTo}, at a
   * buffer whose position is the payload's start and whose limit its end.
   *
   * @param item the encoded item
   * @return true when written, false when the ring is full (nothing written then, except perhaps a
   *     padding marker, which is invisible to the consumer)
   * @throws IllegalArgumentException when the item is larger than the ring can ever hold
   * @throws IllegalStateException when the item wrote another number of bytes than its size
   */
  public boolean tryWrite(ItemCodec.Encoded item) {
    int size = item.size();
    if (size < 0 || size > dataBytes - LENGTH_BYTES) {
      throw new IllegalArgumentException(
          size < 0 ? "an item's size must not be negative but it was " + size : tooLarge(size));
    }
    Cursors s = cursors;
    long written = s.itemsWritten;
    if (written - s.cachedItemsRead >= itemCapacity) {
      s.cachedItemsRead = (long) LONGS.getAcquire(memory, header + ITEMS_READ);
      if (written - s.cachedItemsRead >= itemCapacity) {
        return false;
      }
    }
    int recordBytes = recordBytes(size);
    long position = s.producerPosition;
    int index = (int) position & mask;
    int tail = dataBytes - index;
    if (recordBytes > tail) {
      if (!hasRoom(s, position, tail)) {
        return false;
      }
      INTS.set(memory, data + index, PADDING);
      position += tail;
      index = 0;
      s.producerPosition = position;
      LONGS.setRelease(memory, header + PRODUCER_POSITION, position); // the consumer may skip it
    }
    if (!hasRoom(s, position, recordBytes)) {
      return false;
    }
    INTS.set(memory, data + index, size);
    int start = data + index + LENGTH_BYTES;
    ByteBuffer target = writeView.limit(start + size).position(start).order(ByteOrder.BIG_ENDIAN);
    item.writeTo(target);
    if (target.position() != start + size) {
      throw new IllegalStateException(
          "an item announced "
              + size
              + " bytes but wrote "
              + (target.position() - start)
              + ": "
              + item.getClass().getName()
              + " is inconsistent");
    }
    s.itemsWritten = written + 1;
    s.producerPosition = position + recordBytes;
    LONGS.setRelease(memory, header + ITEMS_WRITTEN, written + 1);
    LONGS.setRelease(memory, header + PRODUCER_POSITION, position + recordBytes);
    return true;
  }

  /** Whether the bytes up to {@code position + bytes} are free; producer only. */
  private boolean hasRoom(Cursors s, long position, int bytes) {
    long needed = position + bytes - dataBytes; // the consumer must have released up to here
    if (s.cachedConsumerPosition < needed) {
      s.cachedConsumerPosition = (long) LONGS.getAcquire(memory, header + CONSUMER_POSITION);
      return s.cachedConsumerPosition >= needed;
    }
    return true;
  }

  /**
   * How many more records the item capacity allows right now; producer only (from another thread
   * the answer may be stale).
   */
  int remainingItems() {
    long read = (long) LONGS.getAcquire(memory, header + ITEMS_READ);
    return (int) Math.max(0, itemCapacity - (cursors.itemsWritten - read));
  }

  // ---------------------------------------------------------------- consumer

  /**
   * The next record, or null when there is none; consumer only. The record is a read-only slice of
   * the shared memory (position 0, limit the payload's size, big-endian) and stays valid until
   * {@link #release()}, which must come before the next {@code tryRead}.
   *
   * @return the payload, or null when the ring is empty
   * @throws IllegalStateException when the previous record was not released, or the ring holds a
   *     length that no producer writes (corrupt memory)
   */
  public ByteBuffer tryRead() {
    Cursors s = cursors;
    if (s.pendingBytes != 0) {
      throw new IllegalStateException("release() the record read before reading the next one");
    }
    long position = s.consumerPosition;
    while (true) {
      if (position >= s.cachedProducerPosition) {
        s.cachedProducerPosition = (long) LONGS.getAcquire(memory, header + PRODUCER_POSITION);
        if (position >= s.cachedProducerPosition) {
          return null;
        }
      }
      int index = (int) position & mask;
      int length = (int) INTS.get(memory, data + index);
      if (length == PADDING) {
        position += dataBytes - index;
        s.consumerPosition = position;
        LONGS.setRelease(memory, header + CONSUMER_POSITION, position);
        continue;
      }
      if (length < 0 || length > dataBytes - LENGTH_BYTES) {
        throw new IllegalStateException(
            "corrupt ring: length " + length + " at position " + position + " of " + this);
      }
      s.pendingBytes = recordBytes(length);
      return readView.slice(data + index + LENGTH_BYTES, length);
    }
  }

  /**
   * Frees the record {@link #tryRead()} returned, for the producer to reuse; consumer only. The
   * slice must not be read after this.
   *
   * @throws IllegalStateException when there is no record to release
   */
  public void release() {
    Cursors s = cursors;
    int bytes = s.pendingBytes;
    if (bytes == 0) {
      throw new IllegalStateException("release() without a record from tryRead()");
    }
    s.pendingBytes = 0;
    long read = ++s.itemsRead;
    long position = s.consumerPosition += bytes;
    LONGS.setRelease(memory, header + ITEMS_READ, read);
    LONGS.setRelease(memory, header + CONSUMER_POSITION, position);
  }

  // ---------------------------------------------------------------- any thread

  /** Whether no record is waiting to be read (a record read but not released still counts). */
  boolean isEmpty() {
    long read = (long) LONGS.getVolatile(memory, header + ITEMS_READ);
    return read >= (long) LONGS.getVolatile(memory, header + ITEMS_WRITTEN);
  }

  /** The number of records in the ring, 0 to {@link #itemCapacity()}. */
  int size() {
    long after = (long) LONGS.getVolatile(memory, header + ITEMS_READ);
    while (true) {
      long before = after;
      long written = (long) LONGS.getVolatile(memory, header + ITEMS_WRITTEN);
      after = (long) LONGS.getVolatile(memory, header + ITEMS_READ);
      if (before == after) {
        return (int) Math.max(0, Math.min(itemCapacity, written - after));
      }
    }
  }

  /** The bytes records (and padding) take right now, 0 to {@link #dataBytes()}. */
  long bytesUsed() {
    long consumer = (long) LONGS.getVolatile(memory, header + CONSUMER_POSITION);
    long producer = (long) LONGS.getVolatile(memory, header + PRODUCER_POSITION);
    return Math.max(0, Math.min(dataBytes, producer - consumer));
  }

  /** Marks the ring closed, for both sides to see. Idempotent. */
  void close() {
    INTS.setVolatile(memory, header + CLOSED, 1);
  }

  /** Whether either side closed the ring. */
  boolean isClosed() {
    return (int) INTS.getVolatile(memory, header + CLOSED) != 0;
  }

  /** Sets or clears the hint that the producer is waiting for room. */
  void producerWaiting(boolean waiting) {
    INTS.setOpaque(memory, header + PRODUCER_WAITING, waiting ? 1 : 0);
  }

  /** Whether the producer said it is waiting for room. */
  boolean isProducerWaiting() {
    return (int) INTS.getOpaque(memory, header + PRODUCER_WAITING) != 0;
  }

  /** Sets or clears the hint that the consumer is waiting for a record. */
  void consumerWaiting(boolean waiting) {
    INTS.setOpaque(memory, header + CONSUMER_WAITING, waiting ? 1 : 0);
  }

  /** Whether the consumer said it is waiting for a record. */
  boolean isConsumerWaiting() {
    return (int) INTS.getOpaque(memory, header + CONSUMER_WAITING) != 0;
  }

  /** The size of the data part. */
  int dataBytes() {
    return dataBytes;
  }

  /** The largest payload a record can have: {@code dataBytes - 4}. */
  int maxItemBytes() {
    return dataBytes - LENGTH_BYTES;
  }

  /** The most records the ring holds. */
  int itemCapacity() {
    return itemCapacity;
  }

  /** Where the region starts in the buffer. */
  int offset() {
    return header;
  }

  /** The message for a payload of {@code size} bytes, too large for this ring. */
  String tooLarge(int size) {
    return tooLarge(size, dataBytes);
  }

  @Override
  public String toString() {
    return "RingBuffer["
        + size()
        + "/"
        + itemCapacity
        + " items, "
        + bytesUsed()
        + "/"
        + dataBytes
        + " bytes"
        + (isClosed() ? ", closed" : "")
        + (isProducerWaiting() ? ", producer waiting" : "")
        + (isConsumerWaiting() ? ", consumer waiting" : "")
        + "]";
  }

  // ---------------------------------------------------------------- this process's cursors
  // The producer's and the consumer's private copies, 128 bytes apart (a superclass's fields come
  // before a subclass's in HotSpot's layout), so a producer and a consumer thread of one JVM do not
  // share a cache line. The padding fields are never read.

  /** Padding before the producer's fields. */
  abstract static class PadBeforeProducer {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
  }

  /** The producer's state; producer thread only. */
  abstract static class ProducerCursor extends PadBeforeProducer {
    long producerPosition;
    long itemsWritten;
    long cachedConsumerPosition;
    long cachedItemsRead;
  }

  /** Padding between the producer's and the consumer's fields. */
  abstract static class PadBeforeConsumer extends ProducerCursor {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
  }

  /** The consumer's state; consumer thread only. */
  abstract static class ConsumerCursor extends PadBeforeConsumer {
    long consumerPosition;
    long itemsRead;
    long cachedProducerPosition;
    int pendingBytes;
  }

  /** Both cursors, padded at the end too. */
  static final class Cursors extends ConsumerCursor {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
  }
}
