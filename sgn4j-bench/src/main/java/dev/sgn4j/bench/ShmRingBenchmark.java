package dev.sgn4j.bench;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.process.shm.RingBuffer;
import dev.sgn4j.process.shm.ShmWorkerQueue;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * 8-byte messages from one thread to another through the shared-memory ring of worker processes,
 * the producer and the consumer each on its own mapping of a file in {@code /dev/shm} (as a parent
 * and a child JVM have it). Read the consumer's line: messages per µs (× 10⁶ = messages/s).
 *
 * <ul>
 *   <li>{@code ring}: {@link RingBuffer#tryWrite} and {@link RingBuffer#tryRead}/{@link
 *       RingBuffer#release} with a reused item, retried with {@link Thread#onSpinWait()} while full
 *       or empty — the transport alone. Read {@code ring:read}.
 *   <li>{@code queue}: {@link ShmWorkerQueue#offer}/{@link ShmWorkerQueue#poll} with boxed {@code
 *       Long}s through a codec of 8-byte payloads — what a worker queue adds (encode, decode,
 *       boxing). Read {@code queue:poll}.
 * </ul>
 *
 * <p>For two JVMs, see {@link ShmRingTwoJvm}. In package {@code dev.sgn4j.process} because the ring
 * is package-private there.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar ShmRingBenchmark
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ShmRingBenchmark {

  /** Creates the benchmark; JMH calls it. */
  public ShmRingBenchmark() {}

  /** One ring in a shared file, mapped twice: one mapping per side. */
  @State(Scope.Group)
  public static class Ring {

    /** The ring's data bytes; an 8-byte message takes 16 (length word, payload, padding). */
    @Param({"65536"})
    public int ringBytes;

    SharedFile file;
    SharedFile other;
    RingBuffer producer;
    RingBuffer consumer;
    ShmWorkerQueue producerQueue;
    ShmWorkerQueue consumerQueue;

    /** Creates the state; JMH calls it. */
    public Ring() {}

    /** A fresh ring for each iteration, so none starts with the last one's leftovers. */
    @Setup(Level.Iteration)
    public void map() {
      file = SharedFile.create("bench", RingBuffer.regionBytes(ringBytes));
      other = SharedFile.open(file.path());
      int capacity = ringBytes / 16;
      producer = RingBuffer.create(file.buffer(), 0, ringBytes, capacity);
      consumer = RingBuffer.open(other.buffer(), 0);
      producerQueue = new ShmWorkerQueue("bench", producer, LongItems.INSTANCE, null, null);
      consumerQueue = new ShmWorkerQueue("bench", consumer, LongItems.INSTANCE, null, null);
    }

    /** Deletes the file. */
    @TearDown(Level.Iteration)
    public void unmap() {
      other.close();
      file.close();
    }
  }

  /** The producer's reusable item. */
  @State(Scope.Thread)
  public static class Producer {
    final LongItem item = new LongItem();
    long next;

    /** Creates the state; JMH calls it. */
    public Producer() {}
  }

  /** An 8-byte item whose value can change: no allocation per message. */
  static final class LongItem implements ItemCodec.Encoded {
    long value;

    @Override
    public int size() {
      return Long.BYTES;
    }

    @Override
    public void writeTo(ByteBuffer target) {
      target.putLong(value);
    }
  }

  /** {@link Long} items as 8-byte payloads. */
  enum LongItems implements ItemCodec {
    INSTANCE;

    @Override
    public Encoded encode(Object item) {
      LongItem encoded = new LongItem();
      encoded.value = (Long) item;
      return encoded;
    }

    @Override
    public Object decode(ByteBuffer record) {
      return record.getLong(0);
    }
  }

  /**
   * Producer of {@code ring}: one message, retried while the ring is full.
   *
   * @param ring the shared ring
   * @param producer the reusable item
   * @param control JMH's view of the iteration
   */
  @Benchmark
  @Group("ring")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void write(Ring ring, Producer producer, Control control) {
    LongItem item = producer.item;
    item.value = producer.next++;
    while (!ring.producer.tryWrite(item)) {
      if (control.stopMeasurement) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  /**
   * Consumer of {@code ring}: one message, retried while the ring is empty.
   *
   * @param ring the shared ring
   * @param control JMH's view of the iteration
   * @return the message, for JMH to consume
   */
  @Benchmark
  @Group("ring")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long read(Ring ring, Control control) {
    ByteBuffer record;
    while ((record = ring.consumer.tryRead()) == null) {
      if (control.stopMeasurement) {
        return -1;
      }
      Thread.onSpinWait();
    }
    long value = record.getLong(0);
    ring.consumer.release();
    return value;
  }

  /**
   * Producer of {@code queue}: one boxed {@code Long}, retried while the queue is full.
   *
   * @param ring the shared ring
   * @param producer the message counter
   * @param control JMH's view of the iteration
   */
  @Benchmark
  @Group("queue")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void offer(Ring ring, Producer producer, Control control) {
    Long item = producer.next++;
    while (!ring.producerQueue.offer(item)) {
      if (control.stopMeasurement) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  /**
   * Consumer of {@code queue}: one item, retried while the queue is empty.
   *
   * @param ring the shared ring
   * @param control JMH's view of the iteration
   * @return the item, for JMH to consume
   */
  @Benchmark
  @Group("queue")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object poll(Ring ring, Control control) {
    Object item;
    while ((item = ring.consumerQueue.poll()) == null) {
      if (control.stopMeasurement) {
        return null;
      }
      Thread.onSpinWait();
    }
    return item;
  }
}
