package app;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.util.List;

/**
 * The README quick start: the numbers 1, 2, 3 are multiplied by 10 and collected. Prints {@code
 * [10, 20, 30]}.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Builds and runs the pipeline, then prints what the sink collected.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var scale =
        CallableTransform.fromCallable(
            "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
    var sink = new CollectSink("collect", List.of("in"));

    new Pipeline().connect(source, scale).connect(scale, sink).run();
    System.out.println(sink.collected("in")); // [10, 20, 30]
  }
}
