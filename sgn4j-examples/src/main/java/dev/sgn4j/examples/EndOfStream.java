package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;

/**
 * SGN's tutorial "End of Stream": hello world that stops by itself.
 *
 * <p>The source counts its frames and sets EOS once the count passes 10; the sink prints every
 * frame's data and marks its pad at EOS when a frame says so. The run ends when every sink is at
 * EOS, so the program prints {@code hello} 11 times: the 11th frame carries EOS and is still
 * printed. Nothing propagates EOS for you: a sink that never calls {@code markEos} runs forever.
 */
public final class EndOfStream {

  private EndOfStream() {}

  /**
   * Builds and runs the pipeline: source pad {@code a} linked to sink pad {@code x}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    pipeline().run();
  }

  /**
   * Builds the pipeline (also run on Flink by the tests).
   *
   * @return the pipeline
   */
  static Pipeline pipeline() {
    var source = new HelloSource();
    var sink = new PrintSink();

    return new Pipeline().insert(source, sink).link(sink.sinkPad("x"), source.sourcePad("a"));
  }

  /** Says hello in every frame; EOS once more than 10 frames were made. */
  private static final class HelloSource extends SourceElement {
    private int count;

    HelloSource() {
      super("source", List.of("a"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      return Frame.of("hello").withEos(count > 10);
    }
  }

  /** Prints the data of each frame and marks EOS. */
  private static final class PrintSink extends SinkElement {
    PrintSink() {
      super("sink", List.of("x"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      System.out.println(frame.data());
    }
  }
}
