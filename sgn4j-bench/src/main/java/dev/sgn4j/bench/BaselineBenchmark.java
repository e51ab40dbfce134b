package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link IterationBenchmark}: the same three elements (counting source, {@code
 * TransformElement} subclass doubling, summing sink) called directly in a loop, without a {@code
 * Pipeline}. It makes the same frames and does the same work per frame, so the difference between
 * this score and {@code IterationBenchmark.frames} with {@code transform = SUBCLASS} is what the
 * pipeline's run loop costs per frame.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar 'BaselineBenchmark|IterationBenchmark'
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BaselineBenchmark {

  private CountingSource source;
  private Doubler doubler;
  private SumSink sink;
  private SourcePad sourceOut;
  private SinkPad doublerIn;
  private SourcePad doublerOut;
  private SinkPad sinkIn;

  /** Creates the benchmark state; JMH calls it. */
  public BaselineBenchmark() {}

  /** Builds the elements once per trial; they are never put in a pipeline. */
  @Setup(Level.Trial)
  public void build() {
    source = new CountingSource("source", IterationBenchmark.FRAMES);
    doubler = new Doubler("double");
    sink = new SumSink("sink");
    sourceOut = source.sourcePad("out");
    doublerIn = doubler.sinkPad("in");
    doublerOut = doubler.sourcePad("out");
    sinkIn = sink.sinkPad("in");
  }

  /** Checks after each iteration that the last loop produced the right sum. */
  @TearDown(Level.Iteration)
  public void check() {
    long frames = IterationBenchmark.FRAMES;
    if (sink.count() != frames || sink.sum() != frames * (frames + 1)) {
      throw new IllegalStateException(
          "sink received %d data frames summing to %d; expected %d frames summing to %d"
              .formatted(sink.count(), sink.sum(), frames, frames * (frames + 1)));
    }
  }

  /**
   * {@value IterationBenchmark#FRAMES} frames, plus the EOS frame, handed from element to element
   * by direct calls.
   *
   * @return the sink's sum, consumed by JMH
   */
  @Benchmark
  @OperationsPerInvocation(IterationBenchmark.FRAMES)
  public long frames() {
    source.start();
    sink.start();
    boolean eos = false;
    while (!eos) {
      Frame frame = source.newFrame(sourceOut);
      doubler.pull(doublerIn, frame);
      Frame doubled = doubler.newFrame(doublerOut);
      sink.pull(sinkIn, doubled);
      eos = doubled.isEos();
    }
    return sink.sum();
  }
}
