package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistry;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.process.codec.TaggedItemCodec;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The frame codec of worker-process queues: {@code encode} prepares a frame and writes it into a
 * direct buffer (as into a ring buffer in shared memory), {@code decode} reads it back out of one.
 * Payloads: {@code long} ({@code Frame.of(42L)}), {@code bytes} (a 1 MiB {@code byte[]}), {@code
 * doubles} (128 Ki doubles, 1 MiB). For the large payloads, ops/s × 1 MiB is the copy rate, the
 * bound on frames/s through a worker process.
 *
 * <p>In package {@code dev.sgn4j.process} because the codec is package-private there.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar CodecBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {

  /** The payload of the frame. */
  @Param({"long", "bytes", "doubles"})
  public String payload;

  private final TaggedItemCodec codec = new TaggedItemCodec(new CodecRegistry(), "benchmark");
  private Frame frame;
  private ByteBuffer target;
  private ByteBuffer record;

  /** Creates the benchmark state; JMH calls it. */
  public CodecBenchmark() {}

  /** Makes the frame, the target buffer and an encoded record of the frame. */
  @Setup
  public void setUp() {
    Random random = new Random(1);
    frame =
        switch (payload) {
          case "long" -> Frame.of(42L);
          case "bytes" -> {
            byte[] bytes = new byte[1 << 20];
            random.nextBytes(bytes);
            yield Frame.of(bytes);
          }
          case "doubles" -> Frame.of(random.doubles(128 * 1024).toArray());
          default -> throw new IllegalArgumentException("unknown payload " + payload);
        };
    ItemCodec.Encoded encoded = codec.encode(frame);
    target = ByteBuffer.allocateDirect(encoded.size());
    record = ByteBuffer.allocateDirect(encoded.size());
    encoded.writeTo(record);
    record.flip();
  }

  /**
   * Prepares the frame and writes it into a direct buffer.
   *
   * @return the number of bytes written
   */
  @Benchmark
  public int encode() {
    target.clear();
    codec.encode(frame).writeTo(target);
    return target.position();
  }

  /**
   * Reads the frame back out of a direct buffer into new objects.
   *
   * @return the decoded frame
   */
  @Benchmark
  public Object decode() {
    return codec.decode(record.duplicate());
  }
}
