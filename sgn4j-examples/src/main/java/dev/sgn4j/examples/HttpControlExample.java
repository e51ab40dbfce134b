package dev.sgn4j.examples;

import dev.sgn4j.Controllable;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.control.HttpControl;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * SGN's HTTP control tutorial: change a running pipeline's settings with {@code curl}.
 *
 * <p>A source makes {@code "<message> #<count>"} frames, one every 200 ms, from its control state
 * {@code {"message": "Hello, World!", "count": 0}}; a sink prints them and publishes {@code
 * received_count} and {@code last_message} in its own state. Both implement {@link Controllable},
 * so the control server started around the run reads and changes their state:
 *
 * <pre>
 * HTTP control at http://127.0.0.1:41234
 *   read the source's state: curl http://127.0.0.1:41234/get/source
 *   change its message:      curl -H 'Content-Type: application/json' -d '{"message":"Updated message"}' http://127.0.0.1:41234/post/source
 *   read what the sink saw:  curl http://127.0.0.1:41234/get/sink
 * Press Ctrl+C to stop
 * Sink received: Hello, World! #1
 * Sink received: Hello, World! #2
 * Sink received: Updated message #3      (after the POST)
 * ...
 * Pipeline stopped after 12 frames; HTTP control closed
 * </pre>
 *
 * <p>{@code curl .../get/source} answers {@code {"message":"Hello, World!","count":2}} and {@code
 * .../get/source/message} just {@code "Hello, World!"}. Unlike SGN's server, this one binds to
 * 127.0.0.1 on a free port (the URL is printed), and stops when the run ends. The program runs
 * until Ctrl+C, or for as many frames as its one optional argument says.
 */
public final class HttpControlExample {

  private HttpControlExample() {}

  /**
   * Runs the pipeline, one frame every 200 ms, until Ctrl+C or the frame limit.
   *
   * @param args optionally the number of frames to make, e.g. {@code 50}; unlimited without
   */
  public static void main(String[] args) {
    int frameLimit = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    if (frameLimit < 0) {
      throw new IllegalArgumentException(
          "the frame limit must be 0 (none) or more but it was " + frameLimit);
    }
    run(frame -> Thread.sleep(200), frameLimit, (url, pipeline) -> {});
  }

  /**
   * Builds and runs the pipeline inside an HTTP control server.
   *
   * @param pacer called before each frame; {@code main} sleeps, tests wait on a latch
   * @param frameLimit the frame that carries EOS, or 0 for none (then only a stop ends the run)
   * @param started told the server's URL and the pipeline once the server listens, before the run
   */
  static void run(Pacer pacer, int frameLimit, BiConsumer<URI, Pipeline> started) {
    var source = new ControlledSource(pacer, frameLimit);
    var sink = new ControlledSink();
    var pipeline = new Pipeline().connect(source, sink);

    try (var control = HttpControl.start(pipeline)) {
      URI url = control.url();
      System.out.println("HTTP control at " + url);
      System.out.println("  read the source's state: curl " + url + "/get/source");
      System.out.println(
          "  change its message:      curl -H 'Content-Type: application/json' -d '{\"message\":\"Updated message\"}' "
              + url
              + "/post/source");
      System.out.println("  read what the sink saw:  curl " + url + "/get/sink");
      System.out.println("Press Ctrl+C to stop");
      started.accept(url, pipeline);
      control.run();
    }
    System.out.println(
        "Pipeline stopped after "
            + sink.state.get("received_count")
            + " frames; HTTP control closed");
  }

  /** What the source does before making each frame. */
  @FunctionalInterface
  interface Pacer {
    /**
     * Called on the pipeline's thread before frame {@code frame} is made.
     *
     * @param frame the number of the frame about to be made, from 1
     * @throws InterruptedException when interrupted while waiting
     */
    void beforeFrame(int frame) throws InterruptedException;
  }

  /**
   * Makes {@code "<message> #<count>"} from its state, counting in it; EOS on Ctrl+C, {@link
   * Pipeline#stop()} or the frame limit.
   */
  private static final class ControlledSource extends SourceElement implements Controllable {
    private final Map<String, Object> state =
        new ConcurrentHashMap<>(Map.of("message", "Hello, World!", "count", 0));
    private final Pacer pacer;
    private final int frameLimit;
    private int made;

    ControlledSource(Pacer pacer, int frameLimit) {
      super("source", List.of("out"));
      this.pacer = pacer;
      this.frameLimit = frameLimit;
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      made++;
      try {
        pacer.beforeFrame(made);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // A POST may change "count" at any time: increment it atomically.
      int count = (Integer) state.compute("count", (key, value) -> (Integer) value + 1);
      boolean eos = signaledEos() || made == frameLimit;
      return Frame.of(state.get("message") + " #" + count).withEos(eos);
    }
  }

  /** Prints each frame and publishes how many it got and the last one. */
  private static final class ControlledSink extends SinkElement implements Controllable {
    private final Map<String, Object> state =
        new ConcurrentHashMap<>(Map.of("received_count", 0, "last_message", ""));

    ControlledSink() {
      super("sink", List.of("in"));
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (!frame.isGap()) {
        System.out.println("Sink received: " + frame.data());
        state.compute("received_count", (key, value) -> (Integer) value + 1);
        state.put("last_message", frame.data());
      }
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }
}
