package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * SGN's tutorial "Multiple Pads": a source with two pads, {@code a} and {@code b}, feeding a sink
 * with two pads, {@code x} and {@code y}.
 *
 * <p>The source takes its pad names from a map of pad name to text. It counts in {@code newFrame},
 * which runs once per pad, so the count grows by two per iteration and passes 10 on pad {@code a}
 * in the 6th iteration. The output is 12 lines alternating {@code Hello!} and {@code How are you?}
 * (6 iterations; the frames of the 6th carry EOS). {@link InternalPads} moves the counter to get
 * one count per iteration.
 */
public final class MultiplePads {

  private MultiplePads() {}

  /**
   * Builds and runs the pipeline: {@code a} to {@code x}, {@code b} to {@code y}.
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
    SequencedMap<String, String> texts = new LinkedHashMap<>();
    texts.put("a", "Hello!");
    texts.put("b", "How are you?");
    var source = new TextSource(texts);
    var sink = new PrintSink();

    return new Pipeline()
        .insert(source, sink)
        .link(sink.sinkPad("x"), source.sourcePad("a"))
        .link(sink.sinkPad("y"), source.sourcePad("b"));
  }

  /** Sends a fixed text per pad; counts every frame it makes, EOS once the count passes 10. */
  private static final class TextSource extends SourceElement {
    private final Map<SourcePad, String> textByPad = new HashMap<>();
    private int count;

    TextSource(SequencedMap<String, String> texts) {
      super("source", List.copyOf(texts.sequencedKeySet()));
      texts.forEach((padName, text) -> textByPad.put(sourcePad(padName), text));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      return Frame.of(textByPad.get(pad)).withEos(count > 10);
    }
  }

  /** Prints the data of each frame and marks EOS. */
  private static final class PrintSink extends SinkElement {
    PrintSink() {
      super("sink", List.of("x", "y"));
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
