package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.CollectSink;
import java.io.PrintStream;
import java.util.List;

/**
 * A pipeline built from a file, with the {@code CollectSink}s whose collections are printed after
 * the run.
 *
 * @param pipeline the built, checked pipeline
 * @param collectors the file's CollectSink elements, in file order
 */
record LoadedPipeline(Pipeline pipeline, List<CollectSink> collectors) {

  LoadedPipeline {
    collectors = List.copyOf(collectors);
  }

  /**
   * Prints what each CollectSink collected: {@code NAME: [...]} for a sink with one pad, {@code
   * NAME PAD: [...]} per pad for one with several.
   *
   * @param out where to print
   */
  void printCollected(PrintStream out) {
    for (CollectSink sink : collectors) {
      for (SinkPad pad : sink.sinkPads()) {
        String label =
            sink.sinkPads().size() == 1 ? sink.name() : sink.name() + " " + pad.shortName();
        out.println(label + ": " + sink.collected(pad.shortName()));
      }
    }
  }
}
