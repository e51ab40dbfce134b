package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The demo {@code ./sgn4j demo} runs: a thermometer sends three readings in Celsius, a transform
 * converts each to Fahrenheit, and a display shows them as they arrive, then a summary.
 *
 * <p>Every element prints a line when it handles a frame, so the output shows how one iteration
 * runs: the source makes its frame, then the transform, then the sink. The last reading carries end
 * of stream (EOS); the transform passes it on, the display marks it, and the run ends. The output
 * is always the same:
 *
 * <pre>
 * sgn4j demo: thermometer -&gt; to-fahrenheit -&gt; display
 * iteration 1: thermometer sends 21.5 C
 * iteration 1: to-fahrenheit converts 21.5 C to 70.7 F
 * iteration 1: display shows 70.7 F
 * ...
 * iteration 3: display shows 66.2 F, end of stream
 * display got 3 readings in 3 iterations, average 70.1 F
 * </pre>
 */
public final class Demo {

  /** Metadata key under which the source records the iteration a reading belongs to. */
  private static final String ITERATION = "iteration";

  private Demo() {}

  /**
   * Builds and runs the demo pipeline, printing what each element does.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(Pipeline::run);
  }

  /**
   * Builds the demo pipeline, prints its title, lets {@code runner} run it, then prints the
   * summary. This is how a caller wraps the run, e.g. the command line showing progress while it
   * runs; {@code run(Pipeline::run)} is exactly {@link #main(String[])}.
   *
   * <pre>{@code
   * Demo.run(pipeline -> pipeline.run());
   * }</pre>
   *
   * @param runner runs the pipeline it is given and returns when the run ended
   */
  public static void run(Consumer<Pipeline> runner) {
    var thermometer = new Thermometer(List.of(21.5, 23.0, 19.0));
    var converter = new ToFahrenheit();
    var display = new Display();

    System.out.println("sgn4j demo: thermometer -> to-fahrenheit -> display");
    // Pad names match ("celsius", "fahrenheit"), so connect links them one to one.
    runner.accept(new Pipeline().connect(thermometer, converter).connect(converter, display));
    System.out.printf(
        Locale.ROOT,
        "display got %d readings in %s iterations, average %.1f F%n",
        display.readings,
        display.lastIteration,
        display.total / display.readings);
  }

  private static String endNote(Frame frame) {
    return frame.isEos() ? ", end of stream" : "";
  }

  /** Sends one reading per iteration; the last one carries EOS. */
  private static final class Thermometer extends SourceElement {
    private final List<Double> celsius;
    private int sent;

    Thermometer(List<Double> celsius) {
      super("thermometer", List.of("celsius"));
      this.celsius = List.copyOf(celsius);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (sent == celsius.size()) {
        return Frame.eos(); // asked again after the end: keep saying EOS
      }
      double reading = celsius.get(sent++);
      Frame frame = Frame.of(reading).withEos(sent == celsius.size()).withMetadata(ITERATION, sent);
      System.out.printf(
          Locale.ROOT, "iteration %d: %s sends %.1f C%s%n", sent, name(), reading, endNote(frame));
      return frame;
    }
  }

  /** Converts each reading; the output frame keeps the input's EOS flag and metadata. */
  private static final class ToFahrenheit extends TransformElement {
    private Frame input;

    ToFahrenheit() {
      super("to-fahrenheit", List.of("celsius"), List.of("fahrenheit"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      input = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (input.isGap()) {
        return input;
      }
      double celsius = input.dataAs(Double.class);
      double fahrenheit = celsius * 9 / 5 + 32;
      System.out.printf(
          Locale.ROOT,
          "iteration %s: %s converts %.1f C to %.1f F%s%n",
          input.metadata().get(ITERATION),
          name(),
          celsius,
          fahrenheit,
          endNote(input));
      return input.withData(fahrenheit);
    }
  }

  /** Shows each reading as it arrives and keeps a running total for the summary. */
  private static final class Display extends SinkElement {
    private int readings;
    private double total;
    private Object lastIteration;

    Display() {
      super("display", List.of("fahrenheit"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      if (frame.isGap()) {
        return;
      }
      double fahrenheit = frame.dataAs(Double.class);
      readings++;
      total += fahrenheit;
      lastIteration = frame.metadata().get(ITERATION);
      System.out.printf(
          Locale.ROOT,
          "iteration %s: %s shows %.1f F%s%n",
          lastIteration,
          name(),
          fahrenheit,
          endNote(frame));
    }
  }
}
