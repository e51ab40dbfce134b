package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.process.codec.BytesTestCodec;
import dev.sgn4j.process.codec.ItemCodec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ring on its own, in one thread: exact edges (empty, exactly full by bytes and by items,
 * padding and wrap-around, the largest record), argument and state errors, and thousands of random
 * runs checked step by step against a model of the layout.
 */
final class RingBufferTest {

  static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  /** A direct buffer whose index 0 is 128-byte aligned, like a mapping's. */
  static ByteBuffer memory(int bytes) {
    return ByteBuffer.allocateDirect(bytes + 128).alignedSlice(128).limit(bytes).slice();
  }

  static RingBuffer ring(int dataBytes, int itemCapacity) {
    return RingBuffer.create(
        memory((int) RingBuffer.regionBytes(dataBytes)), 0, dataBytes, itemCapacity);
  }

  static byte[] bytes(int size, int seed) {
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = (byte) (seed * 31 + i * 7);
    }
    return out;
  }

  static boolean write(RingBuffer ring, byte[] payload) {
    return ring.tryWrite(BytesTestCodec.of(payload));
  }

  /** Reads and releases one record; null when empty. */
  static byte[] read(RingBuffer ring) {
    ByteBuffer record = ring.tryRead();
    if (record == null) {
      return null;
    }
    byte[] out = new byte[record.remaining()];
    record.get(out);
    ring.release();
    return out;
  }

  // ---------------------------------------------------------------- edges

  @Test
  void anEmptyRingHasNothingToReadAndAllItsRoom() {
    RingBuffer ring = ring(4096, 10);

    assertThat(ring.tryRead()).isNull();
    assertThat(ring.isEmpty()).isTrue();
    assertThat(ring.size()).isZero();
    assertThat(ring.bytesUsed()).isZero();
    assertThat(ring.remainingItems()).isEqualTo(10);
    assertThat(ring.itemCapacity()).isEqualTo(10);
    assertThat(ring.dataBytes()).isEqualTo(4096);
    assertThat(ring.maxItemBytes()).isEqualTo(4092);
    assertThat(ring.isClosed()).isFalse();
  }

  @Test
  void recordsAreALengthWordAndThePayloadPaddedToEightBytes() {
    assertThat(RingBuffer.recordBytes(0)).isEqualTo(8);
    assertThat(RingBuffer.recordBytes(4)).isEqualTo(8);
    assertThat(RingBuffer.recordBytes(5)).isEqualTo(16);
    assertThat(RingBuffer.recordBytes(12)).isEqualTo(16);
    assertThat(RingBuffer.recordBytes(13)).isEqualTo(24);
    assertThat(RingBuffer.recordBytes(4092)).isEqualTo(4096);

    RingBuffer ring = ring(4096, 100);
    long used = 0;
    for (int size = 0; size <= 20; size++) {
      assertThat(write(ring, bytes(size, size))).isTrue();
      used += RingBuffer.recordBytes(size);
      assertThat(ring.bytesUsed()).as("after a payload of %d", size).isEqualTo(used);
    }
    for (int size = 0; size <= 20; size++) {
      assertThat(read(ring)).isEqualTo(bytes(size, size));
    }
    assertThat(ring.bytesUsed()).isZero();
  }

  @Test
  void aRingIsExactlyFullByBytesAndTakesTheNextRecordOnceOneIsRead() {
    RingBuffer ring = ring(4096, 100);
    for (int i = 0; i < 4; i++) {
      assertThat(write(ring, bytes(1020, i))).as("record %d", i).isTrue(); // 1024 bytes each
    }
    assertThat(ring.bytesUsed()).isEqualTo(4096);
    assertThat(write(ring, bytes(0, 9))).isFalse();
    assertThat(ring.size()).isEqualTo(4);

    assertThat(read(ring)).isEqualTo(bytes(1020, 0));
    assertThat(write(ring, bytes(1020, 4))).isTrue();
    assertThat(ring.bytesUsed()).isEqualTo(4096);
    for (int i = 1; i <= 4; i++) {
      assertThat(read(ring)).isEqualTo(bytes(1020, i));
    }
    assertThat(read(ring)).isNull();
    assertThat(ring.isEmpty()).isTrue();
  }

  @Test
  void zeroLengthRecordsTakeEightBytesAndReadAsEmptyBuffers() {
    RingBuffer ring = ring(4096, 1000);
    for (int i = 0; i < 512; i++) {
      assertThat(write(ring, new byte[0])).isTrue();
    }
    assertThat(write(ring, new byte[0])).isFalse();
    assertThat(ring.size()).isEqualTo(512);

    for (int i = 0; i < 512; i++) {
      ByteBuffer record = ring.tryRead();
      assertThat(record).isNotNull();
      assertThat(record.remaining()).isZero();
      ring.release();
    }
    assertThat(ring.tryRead()).isNull();
    assertThat(ring.isEmpty()).isTrue();
  }

  @Test
  void theItemCapacityLimitsRecordsWhileBytesAreFree() {
    RingBuffer ring = ring(4096, 3);
    assertThat(write(ring, bytes(1, 1))).isTrue();
    assertThat(write(ring, bytes(2, 2))).isTrue();
    assertThat(ring.remainingItems()).isEqualTo(1);
    assertThat(write(ring, bytes(3, 3))).isTrue();
    assertThat(ring.remainingItems()).isZero();
    assertThat(write(ring, new byte[0])).isFalse();
    assertThat(ring.size()).isEqualTo(3);
    assertThat(ring.bytesUsed()).isEqualTo(24);

    assertThat(read(ring)).isEqualTo(bytes(1, 1));
    assertThat(ring.remainingItems()).isEqualTo(1);
    assertThat(write(ring, bytes(4, 4))).isTrue();
    assertThat(write(ring, bytes(5, 5))).isFalse();
    assertThat(read(ring)).isEqualTo(bytes(2, 2));
    assertThat(read(ring)).isEqualTo(bytes(3, 3));
    assertThat(read(ring)).isEqualTo(bytes(4, 4));
    assertThat(read(ring)).isNull();
  }

  @Test
  void theLargestRecordFillsTheWholeRing() {
    RingBuffer ring = ring(4096, 10);
    byte[] largest = bytes(4092, 7);
    assertThat(write(ring, largest)).isTrue();
    assertThat(ring.bytesUsed()).isEqualTo(4096);
    assertThat(write(ring, new byte[0])).isFalse();
    assertThat(read(ring)).isEqualTo(largest);
    assertThat(write(ring, largest)).isTrue();
    assertThat(read(ring)).isEqualTo(largest);
    assertThat(ring.bytesUsed()).isZero();
  }

  @Test
  void aRecordThatDoesNotFitBeforeTheEndIsPaddedAndStartsAtZero() {
    RingBuffer ring = ring(4096, 10);
    assertThat(write(ring, bytes(3000, 1))).isTrue(); // 3008 bytes: [0, 3008)
    assertThat(read(ring)).isEqualTo(bytes(3000, 1));
    // 1088 bytes are left before the end; 2000 + 4 do not fit there: padding, then [0, 2008)
    assertThat(write(ring, bytes(2000, 2))).isTrue();
    assertThat(ring.bytesUsed()).isEqualTo(1088 + 2008);
    assertThat(ring.size()).isEqualTo(1);
    assertThat(read(ring)).isEqualTo(bytes(2000, 2));
    assertThat(ring.bytesUsed()).isZero();
  }

  @Test
  void paddingIsPublishedAloneWhenTheRecordMustWaitSoTheLargestRecordCanAlwaysComeThrough() {
    RingBuffer ring = ring(4096, 10);
    assertThat(write(ring, bytes(4, 1))).isTrue(); // [0, 8)
    byte[] largest = bytes(4092, 2);

    // The largest record needs the whole ring: the padding over [8, 4096) goes in on its own.
    assertThat(write(ring, largest)).isFalse();
    assertThat(ring.bytesUsed()).isEqualTo(4096);
    assertThat(ring.size()).isEqualTo(1);

    assertThat(read(ring)).isEqualTo(bytes(4, 1));
    assertThat(ring.bytesUsed()).isEqualTo(4088); // the padding is still there
    assertThat(write(ring, largest)).isFalse();

    assertThat(ring.tryRead()).isNull(); // skips the padding: no record
    assertThat(ring.bytesUsed()).isZero();
    assertThat(write(ring, largest)).isTrue();
    assertThat(read(ring)).isEqualTo(largest);
  }

  @Test
  void aFullItemCountWritesNoPadding() {
    RingBuffer ring = ring(4096, 1);
    assertThat(write(ring, bytes(3000, 1))).isTrue();
    assertThat(write(ring, bytes(2000, 2))).isFalse();
    assertThat(ring.bytesUsed()).isEqualTo(3008);
  }

  @ParameterizedTest
  @ValueSource(ints = {4093, 4096, 100_000, Integer.MAX_VALUE})
  void aRecordLargerThanTheRingIsRejectedWithBothSizesAndWhatToDo(int size) {
    RingBuffer ring = ring(4096, 10);
    ItemCodec.Encoded huge = sized(size);

    assertThatThrownBy(() -> ring.tryWrite(huge))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an item of "
                + size
                + " bytes does not fit in a ring of 4096 data bytes (at most 4092 bytes per item):"
                + " raise the element's queueBytes, or pass large payloads through shared memory"
                + " (toShm)");
    assertThat(ring.bytesUsed()).isZero();
  }

  @Test
  void aNegativeSizeIsRejected() {
    RingBuffer ring = ring(4096, 10);
    assertThatThrownBy(() -> ring.tryWrite(sized(-1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("an item's size must not be negative but it was -1");
  }

  private static ItemCodec.Encoded sized(int size) {
    return new ItemCodec.Encoded() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public void writeTo(ByteBuffer target) {
        throw new AssertionError("must not be written");
      }
    };
  }

  @Test
  void anItemThatWritesOtherThanItsSizeFailsAndIsNotPublished() {
    RingBuffer ring = ring(4096, 10);
    ItemCodec.Encoded liar =
        new ItemCodec.Encoded() {
          @Override
          public int size() {
            return 10;
          }

          @Override
          public void writeTo(ByteBuffer target) {
            target.put(new byte[6]);
          }

          @Override
          public String toString() {
            return "liar";
          }
        };

    assertThatThrownBy(() -> ring.tryWrite(liar))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("an item announced 10 bytes but wrote 6: ")
        .hasMessageEndingWith(" is inconsistent");
    assertThat(ring.isEmpty()).isTrue();
    assertThat(ring.tryRead()).isNull();
    assertThat(write(ring, bytes(3, 3))).isTrue();
    assertThat(read(ring)).isEqualTo(bytes(3, 3));
  }

  @Test
  void anItemCannotWritePastItsSize() {
    RingBuffer ring = ring(4096, 10);
    ItemCodec.Encoded overrun =
        new ItemCodec.Encoded() {
          @Override
          public int size() {
            return 2;
          }

          @Override
          public void writeTo(ByteBuffer target) {
            target.putLong(1L);
          }
        };
    assertThatThrownBy(() -> ring.tryWrite(overrun))
        .isInstanceOf(java.nio.BufferOverflowException.class);
    assertThat(ring.isEmpty()).isTrue();
  }

  @Test
  void aRecordIsAReadOnlyBigEndianSliceValidUntilReleased() {
    RingBuffer ring = ring(4096, 10);
    assertThat(write(ring, bytes(16, 3))).isTrue();
    ByteBuffer record = ring.tryRead();

    assertThat(record.isReadOnly()).isTrue();
    assertThat(record.position()).isZero();
    assertThat(record.limit()).isEqualTo(16);
    assertThat(record.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThatThrownBy(() -> record.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
    assertThat(ring.isEmpty()).isFalse();
    assertThat(ring.size()).isEqualTo(1);
    ring.release();
    assertThat(ring.isEmpty()).isTrue();
  }

  @Test
  void readingTwiceWithoutReleaseAndReleasingWithoutARecordAreErrors() {
    RingBuffer ring = ring(4096, 10);
    assertThatThrownBy(ring::release)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("release() without a record from tryRead()");
    write(ring, bytes(1, 1));
    write(ring, bytes(2, 2));
    assertThat(ring.tryRead()).isNotNull();
    assertThatThrownBy(ring::tryRead)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("release() the record read before reading the next one");
    ring.release();
    assertThat(read(ring)).isEqualTo(bytes(2, 2));
  }

  @Test
  void closeIsSeenThroughAnotherViewOfTheSameMemory() {
    ByteBuffer memory = memory((int) RingBuffer.regionBytes(4096));
    RingBuffer producer = RingBuffer.create(memory, 0, 4096, 4);
    RingBuffer consumer = RingBuffer.open(memory.duplicate(), 0);
    write(producer, bytes(5, 5));
    producer.close();
    producer.close();

    assertThat(consumer.isClosed()).isTrue();
    assertThat(read(consumer)).isEqualTo(bytes(5, 5));
    assertThat(producer.isEmpty()).isTrue();
  }

  @Test
  void waitingHintsAreSharedAndShownInToString() {
    ByteBuffer memory = memory((int) RingBuffer.regionBytes(4096));
    RingBuffer producer = RingBuffer.create(memory, 0, 4096, 4);
    RingBuffer consumer = RingBuffer.open(memory, 0);
    producer.producerWaiting(true);
    consumer.consumerWaiting(true);
    write(producer, bytes(12, 1));

    assertThat(consumer.isProducerWaiting()).isTrue();
    assertThat(producer.isConsumerWaiting()).isTrue();
    assertThat(consumer)
        .hasToString("RingBuffer[1/4 items, 16/4096 bytes, producer waiting, consumer waiting]");
    producer.producerWaiting(false);
    consumer.consumerWaiting(false);
    consumer.close();
    assertThat(producer).hasToString("RingBuffer[1/4 items, 16/4096 bytes, closed]");
  }

  // ---------------------------------------------------------------- layout checks

  @ParameterizedTest
  @ValueSource(ints = {0, 2048, 4095, 4097, 6144, 1 << 30})
  void theDataSizeMustBeAPowerOfTwoInRange(int dataBytes) {
    assertThatThrownBy(() -> RingBuffer.create(memory(8192), 0, dataBytes, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "data bytes of a ring must be a power of two from 4096 to 536870912 but it was "
                + dataBytes);
  }

  @Test
  void theItemCapacityMustBePositive() {
    assertThatThrownBy(() -> RingBuffer.create(memory(8192), 0, 4096, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("item capacity of a ring must be at least 1 but it was 0");
  }

  @Test
  void theRegionMustBeAlignedAndInsideADirectWritableBuffer() {
    assertThatThrownBy(() -> RingBuffer.create(memory(8192), 4, 4096, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a ring must start at an 8-byte aligned offset but it was 4");
    assertThatThrownBy(() -> RingBuffer.create(memory(8192), 4096, 4096, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a ring of 4096 data bytes at offset 4096 needs 8704 bytes but the buffer has 8192");
    assertThatThrownBy(() -> RingBuffer.create(ByteBuffer.allocate(8192), 0, 4096, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a ring needs a writable direct buffer, not ");
  }

  @Test
  void openingMemoryWithoutARingFailsWithTheMagic() {
    assertThatThrownBy(() -> RingBuffer.open(memory(8192), 0))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("no ring buffer at offset 0: magic is 0x0, expected 0x53474e3452494e47");
  }

  @Test
  void openingReadsTheSizesFromTheHeader() {
    ByteBuffer memory = memory(16384);
    RingBuffer.create(memory, 512, 8192, 77);
    RingBuffer opened = RingBuffer.open(memory, 512);
    assertThat(opened.dataBytes()).isEqualTo(8192);
    assertThat(opened.itemCapacity()).isEqualTo(77);
    assertThat(opened.offset()).isEqualTo(512);
  }

  // ---------------------------------------------------------------- random runs against a model

  /**
   * The layout's rules, independently: a record takes {@code recordBytes(size)}; one that does not
   * fit before the end is preceded by padding, which goes in on its own when the tail is free; the
   * ring holds at most {@code dataBytes} bytes and {@code capacity} records. Reads skip padding.
   */
  static final class Model {
    final int dataBytes;
    final int capacity;
    long producer;
    long consumer;
    final Deque<long[]> paddings = new ArrayDeque<>(); // {position, bytes}
    final Deque<Object[]> records = new ArrayDeque<>(); // {position, bytes, payload}
    final Deque<Object> order = new ArrayDeque<>(); // paddings and records, in ring order
    final long[] seen; // how often each edge came up: see Edge

    Model(int dataBytes, int capacity, long start, long[] seen) {
      this.dataBytes = dataBytes;
      this.capacity = capacity;
      this.producer = start;
      this.consumer = start;
      this.seen = seen;
    }

    boolean write(byte[] payload) {
      if (records.size() >= capacity) {
        seen[ITEMS_FULL]++;
        return false;
      }
      int bytes = RingBuffer.recordBytes(payload.length);
      int index = (int) (producer % dataBytes);
      int tail = dataBytes - index;
      if (bytes > tail) {
        if (producer + tail - consumer > dataBytes) {
          seen[BYTES_FULL]++;
          return false;
        }
        order.add(new long[] {producer, tail});
        producer += tail;
        seen[PADDED]++;
      }
      if (producer + bytes - consumer > dataBytes) {
        seen[BYTES_FULL]++;
        return false;
      }
      if (producer + bytes - consumer == dataBytes) {
        seen[EXACTLY_FULL]++;
      }
      if (bytes == dataBytes) {
        seen[LARGEST]++;
      }
      Object[] record = {producer, bytes, payload};
      records.add(record);
      order.add(record);
      producer += bytes;
      return true;
    }

    /** The next payload, or null; skipped paddings free their bytes, as in the ring. */
    byte[] read() {
      while (!order.isEmpty() && order.peek() instanceof long[] padding) {
        order.poll();
        consumer += padding[1];
      }
      Object[] record = (Object[]) order.poll();
      if (record == null) {
        seen[EMPTY_READ]++;
        return null;
      }
      records.poll();
      consumer += (int) record[1];
      return (byte[]) record[2];
    }
  }

  static final int ITEMS_FULL = 0;
  static final int BYTES_FULL = 1;
  static final int PADDED = 2;
  static final int EXACTLY_FULL = 3;
  static final int LARGEST = 4;
  static final int EMPTY_READ = 5;

  @Test
  void thousandsOfRandomRunsMatchTheModelStepByStep() {
    long seeds = new Random().nextLong();
    Random seeder = new Random(seeds);
    long[] seen = new long[6];
    for (int run = 0; run < 4000; run++) {
      long seed = seeder.nextLong();
      randomRun(seed, "run " + run + ", seed " + seed + " (from " + seeds + ")", seen);
    }
    String[] edges = {
      "items full", "bytes full", "padded", "exactly full", "largest", "empty read"
    };
    for (int edge = 0; edge < edges.length; edge++) {
      assertThat(seen[edge]).as("how often the runs met: %s", edges[edge]).isGreaterThan(50);
    }
  }

  private static void randomRun(long seed, String context, long[] seen) {
    Random random = new Random(seed);
    int dataBytes = 4096 << random.nextInt(2);
    int capacity = random.nextBoolean() ? 1 + random.nextInt(40) : 100_000;
    long start = random.nextInt(4) == 0 ? (1L << 32) - 8L * random.nextInt(600) : 0;
    ByteBuffer memory = memory((int) RingBuffer.regionBytes(dataBytes) + 256);
    int offset = 128 * random.nextInt(2);
    RingBuffer.create(memory, offset, dataBytes, capacity);
    if (start != 0) { // positions as after a long run: indexes far from 0, beyond 2^32
      LONGS.setVolatile(memory, offset + RingBuffer.PRODUCER_POSITION, start);
      LONGS.setVolatile(memory, offset + RingBuffer.CONSUMER_POSITION, start);
    }
    RingBuffer producer = RingBuffer.open(memory, offset);
    RingBuffer consumer = RingBuffer.open(memory.duplicate(), offset);
    Model model = new Model(dataBytes, capacity, start, seen);

    int steps = 50 + random.nextInt(400);
    double writeBias = random.nextDouble();
    for (int step = 0; step < steps; step++) {
      String at = context + ", step " + step;
      if (random.nextDouble() < writeBias) {
        byte[] payload = bytes(randomSize(random, dataBytes), random.nextInt());
        boolean expected = model.write(payload);
        assertThat(write(producer, payload))
            .as("%s: write of %d bytes", at, payload.length)
            .isEqualTo(expected);
      } else {
        byte[] expected = model.read();
        assertThat(read(consumer)).as("%s: read", at).isEqualTo(expected);
      }
      assertThat(consumer.size()).as("%s: size", at).isEqualTo(model.records.size());
      assertThat(producer.isEmpty()).as("%s: empty", at).isEqualTo(model.records.isEmpty());
      assertThat(producer.bytesUsed())
          .as("%s: bytes used", at)
          .isEqualTo(model.producer - model.consumer);
      assertThat(producer.remainingItems())
          .as("%s: remaining items", at)
          .isEqualTo(capacity - model.records.size());
    }
    for (byte[] expected = model.read(); expected != null; expected = model.read()) {
      assertThat(read(consumer)).as("%s: drain", context).isEqualTo(expected);
    }
    assertThat(read(consumer)).as("%s: drained", context).isNull();
    assertThat(consumer.bytesUsed()).as("%s: nothing left", context).isZero();
  }

  /** Zero, small, medium, anything, and sizes at and near the largest payload. */
  static int randomSize(Random random, int dataBytes) {
    int max = dataBytes - RingBuffer.LENGTH_BYTES;
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1, 2, 3 -> random.nextInt(65);
      case 4, 5 -> random.nextInt(600);
      case 6 -> random.nextInt(max + 1);
      case 7 -> max - random.nextInt(24);
      case 8 -> dataBytes / 2 - 8 + random.nextInt(16);
      default -> 1 + random.nextInt(12);
    };
  }
}
