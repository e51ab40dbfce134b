package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.flink.FlinkRunner;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The quick start's pipeline on Apache Flink, in an embedded mini-cluster: the same elements, the
 * same output; the README's "Scale out on Flink" program.
 */
public final class FlinkQuickStart {
  /**
   * Runs the pipeline on Flink and prints what the sink collected.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    // Elements travel to Flink's task managers: their functions must be serializable.
    Function<List<Frame>, Object> tenfold =
        (Function<List<Frame>, Object> & Serializable) frames -> (int) frames.get(0).data() * 10;
    var scale = CallableTransform.fromCallable("scale", tenfold, "out", List.of("in"));
    var sink = new CollectSink("collect", List.of("in"));

    var pipeline = new Pipeline("quick-start").connect(source, scale).connect(scale, sink);
    FlinkRunner.embedded().run(pipeline); // or FlinkRunner.remote("jobmanager", 8081)
    System.out.println(sink.collected("in")); // [10, 20, 30]
  }

  private FlinkQuickStart() {}
}
