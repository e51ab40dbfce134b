package dev.sgn4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of pipeline iterations: frames per second through source, doubling transform and sink,
 * the shape of the harness's {@code core} cases.
 *
 * <p>{@link dev.sgn4j.Pipeline#run()} only returns at EOS, so one benchmark invocation is one run
 * of {@value #FRAMES} frames (plus the EOS iteration), and {@link OperationsPerInvocation} makes
 * the score frames per second. The pipeline is built once per trial and run again in every
 * invocation (its source and sink start over in {@code start()}): building it per invocation would
 * need {@code Level.Invocation} fixtures, whose timestamps and cache effects JMH warns about, and
 * building inside the benchmark would add allocation that is not iteration cost. What each run
 * still pays besides the iterations is {@code run()}'s fixed cost (compiling the schedule, starting
 * and stopping three elements), about 1.5 microseconds when warm against about 5 milliseconds for
 * the frames, so under 0.1% of the score.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar IterationBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IterationBenchmark {

  /** The data frames of one run, one benchmark invocation. */
  static final int FRAMES = 100_000;

  /**
   * How the doubling transform is written: {@code SUBCLASS}, a plain {@code TransformElement}
   * subclass, or {@code CALLABLE}, the built-in {@code CallableTransform} with a lambda.
   */
  @Param({"SUBCLASS", "CALLABLE"})
  public String transform;

  private CorePipeline pipeline;

  /** Creates the benchmark state; JMH calls it. */
  public IterationBenchmark() {}

  /** Builds the pipeline once per trial. */
  @Setup(Level.Trial)
  public void build() {
    pipeline = CorePipeline.build(FRAMES, CorePipeline.Doubling.valueOf(transform));
  }

  /**
   * Checks after each iteration that the last run produced the right output, so a broken pipeline
   * cannot report a good score.
   */
  @TearDown(Level.Iteration)
  public void check() {
    pipeline.check();
  }

  /**
   * Frames through source, transform and sink: one run of {@value #FRAMES} frames.
   *
   * @return the sink's sum, consumed by JMH
   */
  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public long frames() {
    pipeline.run();
    return pipeline.sum();
  }
}
