package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sgn4j graph FILE --format dot|mermaid|svg [--output PATH]}: a file's pipeline graph. */
@Command(
    name = "graph",
    description = {
      "Export the graph of the pipeline in FILE (dot, mermaid or svg) without running it.",
      "DOT and Mermaid text go to stdout or --output; an SVG, drawn by Graphviz's dot, needs"
          + " --output."
    },
    mixinStandardHelpOptions = true)
final class GraphCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format {
    dot,
    mermaid,
    svg
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
  private String file;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "dot, mermaid or svg.")
  private Format format;

  @Option(
      names = "--output",
      paramLabel = "PATH",
      description = "Write here instead of stdout; required for svg.")
  private Path output;

  @Override
  public Integer call() {
    if (format == Format.svg && output == null) {
      System.err.println(
          "sgn4j graph: --format svg needs --output PATH (an .svg file); dot and mermaid print to stdout");
      return Main.USAGE;
    }
    Pipeline pipeline;
    try {
      pipeline = PipelineLoader.load(Path.of(file), file).pipeline();
    } catch (PipelineFileException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    }
    try {
      if (format == Format.svg) {
        pipeline.render(output);
        return 0;
      }
      String text = format == Format.dot ? pipeline.toDot() : pipeline.toMermaid();
      text = text.endsWith("\n") ? text : text + "\n";
      if (output == null) {
        System.out.print(text);
        System.out.flush();
      } else {
        Files.writeString(output, text);
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("sgn4j graph: cannot write " + output + ": " + e.getMessage());
      return Main.RUN_FAILED;
    }
  }
}
