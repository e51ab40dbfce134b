package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sgn4j run FILE}: builds the pipeline a YAML or JSON file describes and runs it. */
@Command(
    name = "run",
    description = {
      "Run the pipeline described in FILE (.yaml, .yml or .json), with progress on stderr.",
      "Exit code 2 for a bad file, 1 for a failed run."
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file.")
  private String file;

  @Override
  public Integer call() {
    LoadedPipeline loaded;
    try {
      loaded = PipelineLoader.load(Path.of(file), file);
    } catch (PipelineFileException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    }
    Pipeline pipeline = loaded.pipeline();
    try {
      ProgressMonitor.watch(pipeline, System.err, pipeline::run);
    } catch (RuntimeException e) {
      System.err.println("run failed: " + e.getMessage());
      return Main.RUN_FAILED;
    }
    loaded.printCollected(System.out);
    return 0;
  }
}
