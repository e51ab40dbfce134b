package dev.sgn4j.examples;

import static dev.sgn4j.Groups.group;

import dev.sgn4j.ElementGroup;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SGN's tutorial "Grouping": {@code group(...)} lets one {@code connect} call link several
 * elements, by short pad name, with the usual strategies.
 *
 * <ol>
 *   <li>SGN's tutorial groups three sensors whose pads are all named {@code data}; that cannot work
 *       (SGN raises {@code KeyError "Duplicate pad name 'data'"}), because {@code connect} matches
 *       pads by name. sgn4j says which elements clash and what to do.
 *   <li>The working version: each sensor names its pad after what it measures, so the group offers
 *       {@code temperature}, {@code humidity} and {@code pressure}, and a logger with sink pads of
 *       those names takes all three in one call.
 *   <li>One broadcaster fanned out to a group of three monitors: a single source pad feeds every
 *       sink pad the group offers. Within a group pad names must differ even here, so each
 *       monitor's pad has its own name.
 *   <li>{@link ElementGroup#select} picks pads by <em>pad</em> name across a group. SGN's tutorial
 *       selects by element name and silently gets nothing; sgn4j rejects that with a hint.
 * </ol>
 *
 * <p>Every source sends three frames, the last with EOS, so each pipeline runs three iterations.
 */
public final class Grouping {

  private Grouping() {}

  /**
   * Shows each part, printing a numbered heading before it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("1. Sensors whose pads are all named 'data' cannot share a group");
    printRejection(
        () ->
            new Pipeline()
                .connect(
                    group(
                        new Sensor("sensor1", "data", 21.5, 22.0, 22.5),
                        new Sensor("sensor2", "data", 45, 47, 50),
                        new Sensor("sensor3", "data", 1013, 1012, 1011)),
                    new Logger("logger", "data")));

    System.out.println("2. Sensors with their own pad names, grouped into one logger");
    ElementGroup sensors = sensors();
    new Pipeline()
        .connect(sensors, new Logger("logger", "temperature", "humidity", "pressure"))
        .run();

    System.out.println("3. One broadcaster fanned out to a group of three monitors");
    new Pipeline()
        .connect(
            new Broadcaster(),
            group(
                new Monitor("monitor1", "in1"),
                new Monitor("monitor2", "in2"),
                new Monitor("monitor3", "in3")))
        .run();

    System.out.println("4. select on a group picks pads by pad name, not element name");
    ElementGroup more = sensors();
    printRejection(() -> more.select("sensor1", "sensor2"));
    new Pipeline()
        .connect(
            more.select("temperature", "humidity"),
            new Logger("comfort", "temperature", "humidity"))
        .connect(more.select("pressure"), new Logger("barometer", "pressure"))
        .run();
  }

  /** Three sensors, each with one pad named after what it measures. */
  private static ElementGroup sensors() {
    return group(
        new Sensor("sensor1", "temperature", 21.5, 22.0, 22.5),
        new Sensor("sensor2", "humidity", 45, 47, 50),
        new Sensor("sensor3", "pressure", 1013, 1012, 1011));
  }

  private static void printRejection(Runnable build) {
    try {
      build.run();
      System.out.println("  accepted?!");
    } catch (IllegalArgumentException e) {
      System.out.println("  rejected: " + e.getMessage());
    }
  }

  /** Sends its readings on its one pad, one per iteration, EOS with the last. */
  private static final class Sensor extends SourceElement {
    private final List<Object> readings;
    private int sent;

    Sensor(String name, String pad, Object... readings) {
      super(name, List.of(pad));
      this.readings = List.of(readings);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      sent++;
      return Frame.of(readings.get(sent - 1)).withEos(sent == readings.size());
    }
  }

  /** Collects one frame per pad and prints them in pad order, one line per iteration. */
  private static final class Logger extends SinkElement {
    private final Map<SinkPad, Object> latest = new HashMap<>();

    Logger(String name, String... pads) {
      super(name, List.of(pads));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      latest.put(pad, frame.data());
    }

    @Override
    protected void internal() {
      List<String> parts = new ArrayList<>();
      for (SinkPad pad : sinkPads()) {
        parts.add(pad.shortName() + "=" + latest.get(pad));
      }
      System.out.println("  [" + name() + "] " + String.join(" ", parts));
    }
  }

  /** Sends "Broadcast message N" on its one pad, N = 1, 2, 3, EOS with the third. */
  private static final class Broadcaster extends SourceElement {
    private int count;

    Broadcaster() {
      super("broadcaster", List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      count++;
      return Frame.of("Broadcast message " + count).withEos(count == 3);
    }
  }

  /** Prints every frame it receives, prefixed with its name. */
  private static final class Monitor extends SinkElement {
    Monitor(String name, String pad) {
      super(name, List.of(pad));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      System.out.println("  [" + name() + "] " + frame.data());
    }
  }
}
