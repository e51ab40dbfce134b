package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.io.PrintStream;
import java.util.List;

/**
 * A sink that discards frames, marking EOS as it arrives; optionally it prints each frame.
 *
 * <pre>{@code
 * new NullSink("drop", List.of("in"));                // silent
 * new NullSink("show", List.of("in"), System.out);    // prints "show:snk:in: Frame[...]"
 * }</pre>
 */
public class NullSink extends SinkElement {

  private final PrintStream out;

  /**
   * A silent sink.
   *
   * @param name the element name
   * @param padNames the sink pad names
   */
  public NullSink(String name, List<String> padNames) {
    this(name, padNames, null);
  }

  /**
   * A sink that prints every frame as {@code <pad full name>: <frame>}.
   *
   * @param name the element name
   * @param padNames the sink pad names
   * @param out where to print, or {@code null} to stay silent
   */
  public NullSink(String name, List<String> padNames, PrintStream out) {
    super(name, padNames);
    this.out = out;
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    if (frame.isEos()) {
      markEos(pad);
    }
    if (out != null) {
      out.println(pad.fullName() + ": " + frame);
    }
  }
}
