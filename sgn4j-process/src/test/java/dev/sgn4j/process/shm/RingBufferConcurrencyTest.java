package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.codec.BytesTestCodec;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.sharedtests.QueueTestThreads;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer and a consumer thread move a million records of random sizes through a ring, waiting
 * with {@link IdleStrategy#POLLING} when it is full or empty; the consumer checks every record's
 * sequence number and every byte, and both sides' checksums must agree. Once on one buffer shared
 * by both threads, once on two separate mappings of one file (each side with its own {@code
 * RingBuffer}, as two processes have).
 */
final class RingBufferConcurrencyTest {

  static final int RECORDS = 1_000_000;

  private final QueueTestThreads threads = new QueueTestThreads();

  @TempDir Path directory;

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  @RepeatedTest(3)
  void aMillionRecordsOfRandomSizesArriveInOrderThroughOneBuffer() throws Exception {
    long seed = System.nanoTime();
    int dataBytes = 4096 << new Random(seed).nextInt(3);
    ByteBuffer memory = RingBufferTest.memory((int) RingBuffer.regionBytes(dataBytes));
    RingBuffer ring = RingBuffer.create(memory, 0, dataBytes, 1 + new Random(~seed).nextInt(200));
    transfer(ring, ring, seed);
  }

  @RepeatedTest(3)
  void aMillionRecordsOfRandomSizesArriveInOrderThroughTwoMappingsOfOneFile() throws Exception {
    long seed = System.nanoTime();
    int dataBytes = 4096 << new Random(seed).nextInt(3);
    try (SharedFile file = SharedFile.create(directory, "ring", RingBuffer.regionBytes(dataBytes));
        SharedFile other = SharedFile.open(file.path())) {
      RingBuffer producer = RingBuffer.create(file.buffer(), 0, dataBytes, 64);
      RingBuffer consumer = RingBuffer.open(other.buffer(), 0);
      transfer(producer, consumer, seed);
    }
  }

  private void transfer(RingBuffer producer, RingBuffer consumer, long seed) throws Exception {
    AtomicLong written = new AtomicLong();
    AtomicLong read = new AtomicLong();
    int dataBytes = producer.dataBytes();
    var produced = threads.start("producer", () -> produce(producer, new Random(seed), written));
    var consumed = threads.start("consumer", () -> consume(consumer, read));

    String run = "seed " + seed + ", " + dataBytes + " data bytes";
    Supplier<String> context = () -> run + ", " + producer + threads.dump();
    long sent = produced.resultWhileProgressing(() -> written.get() + read.get(), context);
    long received = consumed.resultWhileProgressing(() -> written.get() + read.get(), context);
    assertThat(received).as(run).isEqualTo(sent);
    assertThat(read).as(run).hasValue(RECORDS);
    assertThat(consumer.isEmpty()).as(run).isTrue();
    assertThat(consumer.tryRead()).as(run).isNull();
    assertThat(consumer.bytesUsed()).as(run).isZero();
  }

  /** Writes the records, then closes the ring; returns the checksum of every payload. */
  private static long produce(RingBuffer ring, Random random, AtomicLong written)
      throws InterruptedException {
    CRC32 checksum = new CRC32();
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(ring);
    for (int sequence = 0; sequence < RECORDS; sequence++) {
      byte[] payload = payload(sequence, size(random, ring.dataBytes()));
      checksum.update(payload);
      ItemCodec.Encoded item = BytesTestCodec.of(payload);
      backoff.reset();
      while (!ring.tryWrite(item)) {
        backoff.pause(0, false);
      }
      written.lazySet(sequence + 1);
    }
    ring.close();
    return checksum.getValue();
  }

  /** Reads until the ring is closed and empty, checking every record; returns the checksum. */
  private static long consume(RingBuffer ring, AtomicLong read) throws InterruptedException {
    CRC32 checksum = new CRC32();
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(ring);
    long sequence = 0;
    while (true) {
      ByteBuffer record = ring.tryRead();
      if (record == null) {
        if (ring.isClosed() && (record = ring.tryRead()) == null) {
          return checksum.getValue();
        }
        if (record == null) {
          backoff.pause(0, false);
          continue;
        }
      }
      backoff.reset();
      check(record, sequence);
      checksum.update(record.rewind());
      ring.release();
      read.lazySet(++sequence);
    }
  }

  /** Mostly small records, some large, some near the largest the ring takes. */
  private static int size(Random random, int dataBytes) {
    int pick = random.nextInt(1000);
    if (pick < 600) {
      return random.nextInt(33);
    } else if (pick < 950) {
      return random.nextInt(300);
    } else if (pick < 995) {
      return random.nextInt(dataBytes / 2);
    }
    return dataBytes - 4 - random.nextInt(64);
  }

  /**
   * The sequence number (when there is room for it), then bytes that depend on it and the index.
   */
  static byte[] payload(long sequence, int size) {
    byte[] out = new byte[size];
    ByteBuffer buffer = ByteBuffer.wrap(out);
    if (size >= 8) {
      buffer.putLong(sequence);
    }
    for (int i = buffer.position(); i < size; i++) {
      out[i] = (byte) (sequence * 31 + i);
    }
    return out;
  }

  private static void check(ByteBuffer record, long sequence) {
    int size = record.remaining();
    if (size >= 8 && record.getLong(0) != sequence) {
      throw new AssertionError(
          "expected record " + sequence + " but got record " + record.getLong(0));
    }
    for (int i = size >= 8 ? 8 : 0; i < size; i++) {
      if (record.get(i) != (byte) (sequence * 31 + i)) {
        throw new AssertionError(
            "record " + sequence + " of " + size + " bytes differs at byte " + i);
      }
    }
  }
}
