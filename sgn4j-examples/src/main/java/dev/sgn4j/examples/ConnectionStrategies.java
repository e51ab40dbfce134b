package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SGN's tutorial "Automatic Connection Strategies": how {@link Pipeline#connect} decides which pads
 * to link, shown with one small pipeline per strategy.
 *
 * <p>{@code connect(source, sink)} links pads by short name and tries, in order: an explicit link
 * map; equal names (all of them, or only those both sides have); a single sink pad, from a single
 * source pad; a single source pad, to every sink pad; otherwise it fails and asks for a link map.
 * The last section builds the first pipeline again with {@link Pipeline#insert} and {@link
 * Pipeline#link(String, String)} by full pad names ({@code element:src|snk:pad}).
 *
 * <p>Every source here sends one frame per pad, marked EOS, so each pipeline runs one iteration. A
 * source pad sends its own name ({@code sensors.sensor1}); the printing sink adds where the frame
 * arrived: {@code sensors.sensor1 -> display.sensor1}.
 *
 * <p>Unlike SGN, several source pads into one sink pad (fan-in) is an error: a sink pad takes
 * exactly one upstream pad. SGN accepts it silently and keeps only the last link, so its tutorial's
 * "Combined: Stream A, Stream B, Stream C" really prints "Combined: Stream C". Section 6 shows the
 * error and the working alternative: a merging sink with one sink pad per source.
 */
public final class ConnectionStrategies {

  private ConnectionStrategies() {}

  /**
   * Builds and runs every strategy's pipeline, printing a numbered heading before each.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("1. Equal pad names: linked one to one");
    equalNames().run();

    System.out.println("2. Some names match: only those are linked");
    partialMatch().run();

    System.out.println("3. One sink pad: linked from the one source pad");
    singleSinkPad().run();

    System.out.println("4. One source pad: fanned out to every sink pad");
    fanOut().run();

    System.out.println("5. Several pads on both sides, no names in common: a link map is needed");
    printRejection(
        () ->
            new Pipeline()
                .connect(
                    new Announcer("source", List.of("out_A", "out_B")),
                    new Printer("sink", List.of("in_X", "in_Y"))));
    System.out.println("  with the link map in_X <- out_A, in_Y <- out_B:");
    explicitMap().run();

    System.out.println("6. Several source pads into one sink pad: rejected");
    Pipeline merge = new Pipeline();
    var streams = new Streams(List.of("A", "B", "C"));
    printRejection(() -> merge.connect(streams, new Combiner(List.of("input"))));
    // connect checks everything before it changes the pipeline, so nothing was inserted.
    System.out.println("  a sink with one pad per source merges them:");
    merge.connect(streams, new Combiner(List.of("A", "B", "C"))).run();

    System.out.println("7. insert and link by full pad names: the same graph as section 1");
    Pipeline linked = insertAndLink();
    linked.edges().forEach(edge -> System.out.println("  " + edge.from() + " -> " + edge.to()));
    System.out.println("  same edges as connect: " + linked.edges().equals(equalNames().edges()));
    linked.run();
  }

  /** Source pads sensor1, sensor2 and sink pads sensor1, sensor2: linked by name. */
  static Pipeline equalNames() {
    var sensors = new Announcer("sensors", List.of("sensor1", "sensor2"));
    var display = new Printer("display", List.of("sensor1", "sensor2"));
    return new Pipeline().connect(sensors, display);
  }

  /**
   * Source pads temp, humidity, status: a display takes temp and humidity, a log takes status.
   * Every pad must be linked before a run, so each connect links the names it shares.
   */
  static Pipeline partialMatch() {
    var station = new Announcer("station", List.of("temp", "humidity", "status"));
    var display = new Printer("display", List.of("temp", "humidity"));
    var log = new Printer("log", List.of("status"));
    return new Pipeline().connect(station, display).connect(station, log);
  }

  /** Source pad out to sink pad in: the names differ, but each side has one pad. */
  static Pipeline singleSinkPad() {
    return new Pipeline()
        .connect(new Announcer("counter", List.of("out")), new Printer("display", List.of("in")));
  }

  /** Source pad output to sink pads in1, in2, in3: every sink pad gets the same frame. */
  static Pipeline fanOut() {
    return new Pipeline()
        .connect(
            new Announcer("broadcaster", List.of("output")),
            new Printer("receiver", List.of("in1", "in2", "in3")));
  }

  /** Source pads out_A, out_B to sink pads in_X, in_Y, by a map of short names (sink to source). */
  static Pipeline explicitMap() {
    var source = new Announcer("source", List.of("out_A", "out_B"));
    var sink = new Printer("sink", List.of("in_X", "in_Y"));
    return new Pipeline().connect(source, sink, Map.of("in_X", "out_A", "in_Y", "out_B"));
  }

  /** The pipeline of {@link #equalNames()}, built with insert and link by full pad names. */
  static Pipeline insertAndLink() {
    var sensors = new Announcer("sensors", List.of("sensor1", "sensor2"));
    var display = new Printer("display", List.of("sensor1", "sensor2"));
    return new Pipeline()
        .insert(sensors, display)
        .link("display:snk:sensor1", "sensors:src:sensor1")
        .link("display:snk:sensor2", "sensors:src:sensor2");
  }

  private static void printRejection(Runnable connect) {
    try {
      connect.run();
      System.out.println("  connected (unexpected)");
    } catch (IllegalArgumentException e) {
      System.out.println("  rejected: " + e.getMessage());
    }
  }

  /** Each pad sends {@code <element>.<pad>} once, with EOS. */
  private static final class Announcer extends SourceElement {
    Announcer(String name, List<String> padNames) {
      super(name, padNames);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.of(name() + "." + pad.shortName()).withEos(true);
    }
  }

  /** Prints {@code <data> -> <element>.<pad>} for every frame and marks EOS. */
  private static final class Printer extends SinkElement {
    Printer(String name, List<String> padNames) {
      super(name, padNames);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      System.out.println("  " + frame.data() + " -> " + name() + "." + pad.shortName());
    }
  }

  /** Each pad sends {@code Stream <pad>} once, with EOS. */
  private static final class Streams extends SourceElement {
    Streams(List<String> padNames) {
      super("streams", padNames);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return Frame.of("Stream " + pad.shortName()).withEos(true);
    }
  }

  /** Collects the data of all its pads in pull and prints them as one line in internal. */
  private static final class Combiner extends SinkElement {
    private final List<Object> buffer = new ArrayList<>();

    Combiner(List<String> padNames) {
      super("combiner", padNames);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      buffer.add(frame.data());
    }

    @Override
    protected void internal() {
      if (!buffer.isEmpty()) {
        System.out.println(
            "  Combined: " + String.join(", ", buffer.stream().map(String::valueOf).toList()));
        buffer.clear();
      }
    }
  }
}
