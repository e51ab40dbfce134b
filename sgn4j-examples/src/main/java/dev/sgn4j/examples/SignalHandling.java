package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * SGN's signal-handling tutorial: a slow live source that ends cleanly on Ctrl+C.
 *
 * <p>The source makes one frame per second, {@code Frame 1}, {@code Frame 2}, ..., and sets EOS
 * when {@code signaledEos()} is true or after frame 10. The sink prints each frame and, on EOS,
 * says it is shutting down. Left alone, the program prints frames 1 to 11 (the 11th carries EOS)
 * and ends; pressing Ctrl+C makes the next frame the last one:
 *
 * <pre>
 * Pipeline started, press Ctrl+C to stop
 * Producing frame 1
 * Processing: Frame 1
 * Producing frame 2
 * Processing: Frame 2
 * ^C                  (while frame 3 is being waited for)
 * Producing frame 3
 * Processing: Frame 3
 * End of stream received, shutting down...
 * Pipeline has shut down cleanly.
 * </pre>
 *
 * <p>As with SGN's {@code SignalEOS}, nothing extra is needed: while {@code run()} is active it
 * traps SIGINT and SIGTERM, so the first signal does not kill the JVM but makes {@code
 * signaledEos()} true, and the graph drains: frames already made reach the sink, which sees EOS and
 * ends the run (the run also logs a warning on {@code System.Logger} {@code sgn.pipeline}, which
 * goes to standard error). Unlike SGN, a second Ctrl+C does not get swallowed: it aborts the run
 * ({@code run()} throws {@code RunAbortedException}), and the JVM's own handlers are back once
 * {@code run()} returns.
 */
public final class SignalHandling {

  private SignalHandling() {}

  /**
   * Runs the pipeline with one frame per second until frame 11 or Ctrl+C.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run((frame, signaledEos) -> Thread.sleep(1000));
  }

  /**
   * Runs the pipeline with {@code pacer} deciding how long each frame takes; tests pass one that
   * does not sleep.
   */
  static void run(Pacer pacer) {
    var source = new LiveSource(pacer);
    var sink = new ShutdownSink();
    var pipeline = new Pipeline().connect(source, sink);

    System.out.println("Pipeline started, press Ctrl+C to stop");
    pipeline.run();
    System.out.println("Pipeline has shut down cleanly.");
  }

  /** What the source does before making each frame: sleep in {@code main}. */
  @FunctionalInterface
  interface Pacer {
    /**
     * Called on the pipeline's thread before frame {@code frame} is made.
     *
     * @param frame the number of the frame about to be made, from 1
     * @param signaledEos the source's {@code signaledEos()}
     * @throws InterruptedException when interrupted while waiting
     */
    void beforeFrame(int frame, BooleanSupplier signaledEos) throws InterruptedException;
  }

  /** Makes {@code Frame N} at the pacer's pace; EOS on a signal or after frame 10. */
  private static final class LiveSource extends SourceElement {
    private final Pacer pacer;
    private int count;

    LiveSource(Pacer pacer) {
      super("live", List.of("out"));
      this.pacer = pacer;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      try {
        pacer.beforeFrame(count, this::signaledEos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.out.println("Producing frame " + count);
      return Frame.of("Frame " + count).withEos(signaledEos() || count > 10);
    }
  }

  /** Prints each frame; on EOS says it shuts down and marks its pad. */
  private static final class ShutdownSink extends SinkElement {
    ShutdownSink() {
      super("printer", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (!frame.isGap()) {
        System.out.println("Processing: " + frame.data());
      }
      if (frame.isEos()) {
        System.out.println("End of stream received, shutting down...");
        markEos(pad);
      }
    }
  }
}
