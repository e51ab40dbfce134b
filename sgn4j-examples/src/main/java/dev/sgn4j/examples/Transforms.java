package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SGN's tutorial "Transforms": an element with both sink and source pads, and source pads that feed
 * several sink pads (fan-out).
 *
 * <pre>
 *   source: a ("Hello!")   b ("How are you?")
 *           |  \           |  \
 *           |   `-- l      |   `-- m   reverser: joins l and m, reverses, sends it on n
 *           x              y           n
 *           |              |           |
 *   sink:   x              y           z   prints one line per iteration
 * </pre>
 *
 * <p>In each iteration the reverser joins the texts of its pads {@code l} and {@code m} with a
 * space in {@code pull}, reverses the result in {@code internal()}, and sends it on {@code n} with
 * EOS if any input had EOS. The sink appends {@code " " + data} for {@code x}, {@code y} and {@code
 * z} in {@code pull} and prints the line in {@code internal()}. The source counts iterations in
 * {@code internal()} and sends EOS in the 11th, so the output is 11 lines of
 *
 * <pre>{@code
 * Hello! How are you? ?uoy era woH !olleH
 * }</pre>
 *
 * <p>(one leading space, none at the end; SGN's transform prefixes a space to each input too, so
 * its reversed text, and each line it prints, ends with a space).
 */
public final class Transforms {

  private Transforms() {}

  /**
   * Builds and runs the pipeline with one link map.
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
    var source = new GreetingSource();
    var reverser = new Reverser();
    var sink = new LineSink();

    Map<SinkPad, SourcePad> links = new LinkedHashMap<>();
    links.put(sink.sinkPad("x"), source.sourcePad("a"));
    links.put(sink.sinkPad("y"), source.sourcePad("b"));
    links.put(reverser.sinkPad("l"), source.sourcePad("a"));
    links.put(reverser.sinkPad("m"), source.sourcePad("b"));
    links.put(sink.sinkPad("z"), reverser.sourcePad("n"));
    return new Pipeline().insert(source, reverser, sink).link(links);
  }

  /** Pad a says "Hello!", pad b "How are you?"; EOS once more than 10 iterations ran. */
  private static final class GreetingSource extends SourceElement {
    private int count;

    GreetingSource() {
      super("source", List.of("a", "b"));
    }

    @Override
    protected void internal() {
      count++;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      String text = pad.shortName().equals("a") ? "Hello!" : "How are you?";
      return Frame.of(text).withEos(count > 10);
    }
  }

  /** Joins its inputs, reverses the text, and sends it with the OR of the inputs' EOS flags. */
  static final class Reverser extends TransformElement {
    private final List<String> texts = new ArrayList<>();
    private boolean eos;
    private Frame output;

    Reverser() {
      super("reverser", List.of("l", "m"), List.of("n"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      texts.add(String.valueOf(frame.data()));
      eos |= frame.isEos();
    }

    @Override
    protected void internal() {
      String reversed = new StringBuilder(String.join(" ", texts)).reverse().toString();
      output = Frame.of(reversed).withEos(eos);
      texts.clear();
      eos = false;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return output;
    }
  }

  /** Appends {@code " " + data} per pad in {@code pull}; prints and clears in {@code internal}. */
  private static final class LineSink extends SinkElement {
    private final StringBuilder line = new StringBuilder();

    LineSink() {
      super("sink", List.of("x", "y", "z"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      line.append(' ').append(frame.data());
    }

    @Override
    protected void internal() {
      System.out.println(line);
      line.setLength(0);
    }
  }
}
