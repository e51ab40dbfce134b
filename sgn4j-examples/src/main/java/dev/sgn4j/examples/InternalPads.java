package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;

/**
 * SGN's tutorial "Internal Pads": {@code internal()} runs once per iteration, after all of an
 * element's pulls and before all of its frames. Both variants of the tutorial, one after the other.
 *
 * <ol>
 *   <li>The source of {@link MultiplePads} moves its counter from {@code newFrame} (once per pad)
 *       to {@code internal()} (once per iteration), so EOS comes in the 11th iteration: 22 lines
 *       alternating {@code Hello!} and {@code How are you?}.
 *   <li>The sink also uses {@code internal()}: it appends {@code " " + data} for each pad in {@code
 *       pull} and prints the result in {@code internal()}, once per iteration: 11 lines of {@code "
 *       Hello! How are you?"} (with SGN's leading space).
 * </ol>
 *
 * <p>Each variant is introduced by a line starting with {@code Variant}.
 */
public final class InternalPads {

  private InternalPads() {}

  /**
   * Runs both variants.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("Variant 1: the source counts iterations in internal()");
    countInInternal();
    System.out.println("Variant 2: the sink joins its pads in pull() and prints in internal()");
    joinInSink();
  }

  /** Variant 1: the counter in the source's {@code internal()}, a sink printing every frame. */
  static void countInInternal() {
    pipeline(new PrintEachSink()).run();
  }

  /** Variant 2: the same source, a sink printing one joined line per iteration. */
  static void joinInSink() {
    pipeline(new JoiningSink()).run();
  }

  /** The pipeline of both variants: {@code variant} 1 or 2 (also run on Flink by the tests). */
  static Pipeline pipeline(int variant) {
    return pipeline(variant == 1 ? new PrintEachSink() : new JoiningSink());
  }

  private static Pipeline pipeline(SinkElement sink) {
    var source = new GreetingSource();
    return new Pipeline()
        .insert(source, sink)
        .link(sink.sinkPad("x"), source.sourcePad("a"))
        .link(sink.sinkPad("y"), source.sourcePad("b"));
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

  /** Prints the data of each frame as it arrives. */
  private static final class PrintEachSink extends SinkElement {
    PrintEachSink() {
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

  /** Appends {@code " " + data} per pad in {@code pull}; prints and clears in {@code internal}. */
  private static final class JoiningSink extends SinkElement {
    private final StringBuilder line = new StringBuilder();

    JoiningSink() {
      super("sink", List.of("x", "y"));
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
