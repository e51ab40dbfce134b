package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.time.Duration;
import java.util.List;

/**
 * SGN's first tutorial, "Hello World": a source that says {@code hello} in every frame and a sink
 * that prints it, forever, until the program is stopped.
 *
 * <pre>
 * hello
 * hello
 * hello
 * ^C
 * hello
 * goodbye
 * </pre>
 *
 * <p>The source (pad {@code a}) never sends EOS by itself, so the pipeline runs until it is told to
 * stop. Ctrl+C (SIGINT) or SIGTERM does that: while {@code run()} is active the first signal makes
 * the run drain, the source's next frame carries EOS, the sink prints it and marks its pad, and
 * {@code run()} returns normally (a second signal would abort). The sink must mark EOS itself, as
 * in SGN: one that never does keeps the pipeline running forever.
 *
 * <p>SGN's version prints as fast as it can; this one says hello ten times a second so that a
 * terminal stays readable. Its pause ends at once on Ctrl+C ({@code RunContext.awaitStop}).
 */
public final class HelloWorld {

  private HelloWorld() {}

  /**
   * Says hello ten times a second until SIGINT or SIGTERM, then goodbye.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var source = new HelloSource(Duration.ofMillis(100));
    var sink = new PrintSink();

    new Pipeline().insert(source, sink).link(sink.sinkPad("x"), source.sourcePad("a")).run();
    System.out.println("goodbye");
  }

  /** Says hello in every frame, after a pause that a stop request ends early. */
  private static final class HelloSource extends SourceElement {
    private final Duration pause;

    HelloSource(Duration pause) {
      super("source", List.of("a"));
      this.pause = pause;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      try {
        runContext().awaitStop(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("HelloSource was interrupted while pausing", e);
      }
      return Frame.of("hello");
    }
  }

  /** Prints the data of each frame; marks its pad at EOS so that a stop ends the run. */
  private static final class PrintSink extends SinkElement {
    PrintSink() {
      super("sink", List.of("x"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      System.out.println(frame.data());
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }
}
