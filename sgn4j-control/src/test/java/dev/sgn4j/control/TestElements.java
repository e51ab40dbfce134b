package dev.sgn4j.control;

import dev.sgn4j.Compose;
import dev.sgn4j.Controllable;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.NullSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Controllable elements and pipelines for the HTTP tests. */
final class TestElements {

  private TestElements() {}

  enum Colour {
    RED,
    GREEN,
    BLUE
  }

  /**
   * A source with one state entry of every supported type; it makes {@code "<message> #<count>"}
   * frames, counting in its state, and sends EOS once {@code eos} is posted true or the run drains.
   */
  static final class Knobs extends SourceElement implements Controllable {
    final Map<String, Object> state = new ConcurrentHashMap<>();

    Knobs(String name) {
      super(name, List.of("out"));
      state.put("message", "Hello, World!");
      state.put("count", 0);
      state.put("total", 0L);
      state.put("ratio", 0.5);
      state.put("scale", 1.5f);
      state.put("enabled", true);
      state.put("colour", Colour.RED);
      state.put("values", List.of(1, 2, 3));
      state.put("weights", List.of(0.5, 0.25));
      state.put("limits", Map.of("low", 1, "high", 10));
      state.put("price", new BigDecimal("9.99"));
      state.put("the answer", 42);
      state.put("eos", false);
    }

    /** The JSON of the initial state. */
    static final String INITIAL_JSON =
        """
        {"message":"Hello, World!","count":0,"total":0,"ratio":0.5,"scale":1.5,"enabled":true,\
        "colour":"RED","values":[1,2,3],"weights":[0.5,0.25],"limits":{"low":1,"high":10},\
        "price":9.99,"the answer":42,"eos":false}""";

    /** The sorted keys, as error messages list them. */
    static final String KEYS =
        "colour, count, enabled, eos, limits, message, price, ratio, scale, the answer, total,"
            + " values, weights";

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      int count = (Integer) state.compute("count", (key, value) -> (Integer) value + 1);
      boolean eos = Boolean.TRUE.equals(state.get("eos")) || signaledEos();
      return Frame.of(state.get("message") + " #" + count).withEos(eos);
    }
  }

  /** A transform that passes frames on; state {@code {"gain": 2}}. */
  static final class Gain extends TransformElement implements Controllable {
    final Map<String, Object> state = new ConcurrentHashMap<>(Map.of("gain", 2));
    private Frame input;

    Gain(String name) {
      super(name, List.of("in"), List.of("out"));
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      input = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return input;
    }
  }

  /** A sink that counts frames in its state: {@code {"received": n, "last": data}}. */
  static final class Meter extends SinkElement implements Controllable {
    final Map<String, Object> state = new ConcurrentHashMap<>(Map.of("received", 0L, "last", ""));

    Meter(String name) {
      super(name, List.of("in"));
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (!frame.isGap() && frame.data() != null) {
        state.compute("received", (key, value) -> (Long) value + 1);
        state.put("last", frame.data());
      }
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }

  /** A sink whose state comes from a supplier, to test states that misbehave. */
  static final class Odd extends SinkElement implements Controllable {
    private final Supplier<Map<String, Object>> state;

    Odd(String name, Supplier<Map<String, Object>> state) {
      super(name, List.of("in"));
      this.state = state;
    }

    @Override
    public Map<String, Object> controlState() {
      return state.get();
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }

  /** The elements of {@link #pipeline()}. */
  record Graph(Pipeline pipeline, Knobs source, Gain gain, Meter meter) {}

  /**
   * {@code source -> scaler -> meter}, where {@code scaler} is a composed transform around the
   * controllable {@code gain}, and a plain {@code NullSink} {@code quiet} also listens to the
   * source. Controllable: source, gain, meter.
   */
  static Graph pipeline() {
    var source = new Knobs("source");
    var gain = new Gain("gain");
    var scaler = new Compose().insert(gain).asTransform("scaler");
    var meter = new Meter("meter");
    var quiet = new NullSink("quiet", List.of("in"));
    var pipeline =
        new Pipeline()
            .connect(source, scaler)
            .connect(scaler, meter)
            .connect(source, quiet)
            .handleSignals(false);
    return new Graph(pipeline, source, gain, meter);
  }
}
