package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;

/**
 * SGN's tutorial "Memory profiling": where does each iteration's memory go?
 *
 * <p>A source makes ten frames, {@code Frame 1} to {@code Frame 10}, and an eleventh that carries
 * EOS; a sink prints {@code Received: Frame N} for each. Memory profiling is on, so after every
 * iteration the pipeline hands over a {@link dev.sgn4j.stats.MemoryReport}: how the heap in use
 * changed, which elements allocated how much, and the total. This program prints each report in
 * SGN's {@code [MEMPROF]} format:
 *
 * <pre>
 * Received: Frame 1
 * [MEMPROF] Iteration 1: heap change +0.0 KiB (in use 5120.0 KiB)
 * [MEMPROF] Top 2 elements by allocated size
 * [MEMPROF] | #1: source: 0.1 KiB
 * [MEMPROF] | #2: sink: 0.1 KiB
 * [MEMPROF] Total allocated size: 0.2 KiB
 * ...
 * </pre>
 *
 * <p>SGN turns profiling on with {@code SGNLOGLEVEL="pipeline:MEMPROF"}; that works here too and
 * logs the same lines on {@code sgn.pipeline}. This program asks by API instead, so it prints the
 * reports however the logging is set.
 */
public final class MemoryProfiling {

  private MemoryProfiling() {}

  /**
   * Builds and runs the pipeline with memory profiling on.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var source = new FrameSource();
    var sink = new PrintSink();

    new Pipeline()
        .connect(source, sink)
        .profileMemory(true)
        .onMemoryReport(report -> report.lines().forEach(System.out::println))
        .run();
  }

  /** Makes {@code Frame 1} … {@code Frame 11}; the eleventh carries EOS. */
  private static final class FrameSource extends SourceElement {
    private int count;

    FrameSource() {
      super("source", List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      return Frame.of("Frame " + count).withEos(count > 10);
    }
  }

  /** Prints every frame it receives and marks EOS. */
  private static final class PrintSink extends SinkElement {
    PrintSink() {
      super("sink", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      System.out.println("Received: " + frame.data());
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }
}
