package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;

/**
 * The README's worker-process quick start: numbers squared in a worker process of their own JVM,
 * collected back in order. Prints {@code [1, 4, 9]}. {@link MixedConcurrency} is the longer
 * tutorial.
 */
public final class ProcessQuickStart {

  private ProcessQuickStart() {}

  /**
   * Builds and runs the pipeline, then prints what the sink collected.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var numbers = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var squared =
        ParallelTransformElement.builder("square")
            .mode(WorkerMode.PROCESS)
            .map(Square.class)
            .build();
    var sink = new CollectSink("collect", List.of("in"));

    new Pipeline().connect(numbers, squared).connect(squared, sink).run();
    System.out.println(sink.collected("in")); // [1, 4, 9]
  }

  /** Made by name in the worker process: public, with a public no-argument constructor. */
  public static final class Square implements FrameMap {

    /** Called by the worker process when it starts. */
    public Square() {}

    @Override
    public Frame apply(Frame frame) {
      int n = frame.dataAs(Integer.class);
      return frame.withData(n * n);
    }
  }
}
