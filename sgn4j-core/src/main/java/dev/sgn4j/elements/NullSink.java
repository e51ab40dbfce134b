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
 *
 * @serial exclude
 */
public class NullSink extends SinkElement {

  private static final long serialVersionUID = 1L;

  /** Written as which standard stream it is (see writeObject): a stream does not travel. */
  private transient PrintStream out;

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

  /**
   * Serialized (as sgn4j-flink ships elements) with its stream as a name: {@code System.out} and
   * {@code System.err} travel as such, where the element runs; other streams cannot.
   */
  private void writeObject(java.io.ObjectOutputStream stream) throws java.io.IOException {
    stream.defaultWriteObject();
    String target;
    if (out == null) {
      target = "none";
    } else if (out == System.out) {
      target = "out";
    } else if (out == System.err) {
      target = "err";
    } else {
      throw new java.io.NotSerializableException(
          "NullSink '%s' prints to a stream of this JVM, which cannot travel; print to System.out"
                  .formatted(name())
              + " or System.err, or to nothing");
    }
    stream.writeUTF(target);
  }

  private void readObject(java.io.ObjectInputStream stream)
      throws java.io.IOException, ClassNotFoundException {
    stream.defaultReadObject();
    out =
        switch (stream.readUTF()) {
          case "out" -> System.out;
          case "err" -> System.err;
          default -> null;
        };
  }
}
