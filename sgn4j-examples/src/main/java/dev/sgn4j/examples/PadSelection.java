package dev.sgn4j.examples;

import static dev.sgn4j.Groups.select;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SGN's tutorial "Pad Selection", its environment router in a version that runs: {@code
 * select(element, pads...)} hands only some of an element's pads to {@code connect}, so one
 * sensor's pads can go to different elements.
 *
 * <pre>
 *   environment ── temp ──────────────▶ converter ──▶ temp-display
 *               ── humidity, co2 ─────▶ air-quality ─▶ air-display
 * </pre>
 *
 * <p>The sensor measures three things per round, for three rounds, and sends EOS with the last.
 * {@code connect(select(sensor, "temp"), converter)} links the pad {@code temp} only; {@code
 * connect(select(sensor, "humidity", "co2"), airQuality)} links the other two. The output is, per
 * round, a line like {@code Temp: 21°C (69.8°F)} and one like {@code Air Quality: Good (CO2=401,
 * H=51%)}.
 *
 * <p>SGN's tutorial cannot run as written: its sensor also has {@code pressure} and {@code light}
 * pads that nothing links, which {@code check()} rejects; it looks readings up by {@code pad.name},
 * the full name, where the short name was meant; and it counts rounds per pad. Here every pad is
 * linked, the elements use {@link SinkPad#shortName()}, and the sensor counts rounds in {@code
 * internal()}, once per iteration.
 */
public final class PadSelection {

  private PadSelection() {}

  /**
   * Builds and runs the router.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    pipeline().run();
  }

  /**
   * Builds the router (also run on Flink by the tests).
   *
   * @return the pipeline
   */
  static Pipeline pipeline() {
    var sensor = new EnvironmentSensor();
    var converter = new TemperatureConverter();
    var airQuality = new AirQuality();

    return new Pipeline()
        .connect(select(sensor, "temp"), converter)
        .connect(select(sensor, "humidity", "co2"), airQuality)
        .connect(converter, new Display("temp-display"))
        .connect(airQuality, new Display("air-display"));
  }

  /** Temperature in °C, relative humidity in % and CO2 in ppm, one round per iteration. */
  private static final class EnvironmentSensor extends SourceElement {
    private static final Map<String, List<Integer>> ROUNDS =
        Map.of(
            "temp", List.of(21, 22, 23),
            "humidity", List.of(51, 53, 55),
            "co2", List.of(401, 650, 1200));

    private int round;

    EnvironmentSensor() {
      super("environment", List.of("temp", "humidity", "co2"));
    }

    @Override
    protected void internal() {
      round++;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      List<Integer> values = ROUNDS.get(pad.shortName());
      return Frame.of(values.get(round - 1)).withEos(round == values.size());
    }
  }

  /** Shows a Celsius reading with its Fahrenheit value. */
  private static final class TemperatureConverter extends TransformElement {
    private Frame input;

    TemperatureConverter() {
      super("converter", List.of("temp"), List.of("text"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      input = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      int celsius = (Integer) input.data();
      double fahrenheit = celsius * 9.0 / 5.0 + 32;
      return input.withData(String.format(Locale.ROOT, "Temp: %d°C (%.1f°F)", celsius, fahrenheit));
    }
  }

  /** Rates the air by its CO2 level: below 600 ppm good, below 1000 moderate, else poor. */
  private static final class AirQuality extends TransformElement {
    private int humidity;
    private int co2;
    private boolean eos;

    AirQuality() {
      super("air-quality", List.of("humidity", "co2"), List.of("text"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      int value = (Integer) frame.data();
      switch (pad.shortName()) {
        case "humidity" -> humidity = value;
        case "co2" -> co2 = value;
        default -> throw new IllegalStateException("unexpected pad " + pad);
      }
      eos |= frame.isEos();
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      String rating = co2 < 600 ? "Good" : co2 < 1000 ? "Moderate" : "Poor";
      Frame frame =
          Frame.of("Air Quality: %s (CO2=%d, H=%d%%)".formatted(rating, co2, humidity))
              .withEos(eos);
      eos = false;
      return frame;
    }
  }

  /** Prints each text it receives. */
  private static final class Display extends SinkElement {
    Display(String name) {
      super(name, List.of("text"));
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
