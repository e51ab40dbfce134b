package dev.sgn4j.bench;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of making frames: the factory, the constructor with metadata, and the copy-on-write
 * {@code with*} methods that transforms use on every iteration. Inputs are fields of the state, not
 * constants, so the JIT cannot fold them; each benchmark returns its frame for JMH to consume.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar FrameBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameBenchmark {

  private Object data = 42L;
  private Map<String, Object> metadata = Map.of("unit", "m", "rate", 2048);
  private Frame frame = Frame.of(42L);

  /** Creates the benchmark state; JMH calls it. */
  public FrameBenchmark() {}

  /**
   * {@code Frame.of(data)}: the frame every source makes.
   *
   * @return the new frame
   */
  @Benchmark
  public Frame of() {
    return Frame.of(data);
  }

  /**
   * The constructor with an immutable metadata map (which the frame keeps without copying).
   *
   * @return the new frame
   */
  @Benchmark
  public Frame constructorWithMetadata() {
    return new Frame(data, false, false, DataSpec.NONE, metadata);
  }

  /**
   * {@code withMetadata(key, value)} on a frame without metadata: a map copy per call.
   *
   * @return the new frame
   */
  @Benchmark
  public Frame withMetadata() {
    return frame.withMetadata("unit", "m");
  }

  /**
   * {@code withEos(true)} on a frame that is not EOS: a copy.
   *
   * @return the new frame
   */
  @Benchmark
  public Frame withEos() {
    return frame.withEos(true);
  }

  /**
   * {@code withData(data)}: what a transform like the benchmarks' doubler does per frame.
   *
   * @return the new frame
   */
  @Benchmark
  public Frame withData() {
    return frame.withData(data);
  }
}
