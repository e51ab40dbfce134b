package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import dev.sgn4j.RunOptions;
import dev.sgn4j.Scheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

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

  @Option(
      names = "--scheduler",
      paramLabel = "NAME",
      converter = SchedulerConverter.class,
      description = {
        "lock-step (SGN's loop on one thread, the default) or pipelined (every element a task",
        "on a pool of threads, the same frames on every pad)."
      })
  private Scheduler scheduler = Scheduler.LOCK_STEP;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Pool threads of a pipelined run (default: one per core).")
  private Integer threads;

  @Option(
      names = "--stuck-after",
      paramLabel = "N",
      description = {
        "Fail the run when a sink has pulled N EOS frames on every pad and is still not at EOS,",
        "or a transform has and sent no EOS (default: 1000)."
      })
  private long stuckAfter = RunOptions.DEFAULT_STUCK_AFTER;

  /** Reads a scheduler name as {@link Scheduler#named(String)} does. */
  static final class SchedulerConverter implements ITypeConverter<Scheduler> {
    @Override
    public Scheduler convert(String value) {
      try {
        return Scheduler.named(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    RunOptions options = RunOptions.defaults().scheduler(scheduler).failWhenStuck(true);
    try {
      if (threads != null) {
        options = options.threads(threads);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("--threads: " + e.getMessage());
      return Main.USAGE;
    }
    try {
      options = options.stuckAfter(stuckAfter);
    } catch (IllegalArgumentException e) {
      System.err.println("--stuck-after: " + e.getMessage());
      return Main.USAGE;
    }
    if (threads != null && scheduler != Scheduler.PIPELINED) {
      System.err.println("--threads applies to --scheduler pipelined only");
      return Main.USAGE;
    }
    LoadedPipeline loaded;
    try {
      loaded = PipelineLoader.load(Path.of(file), file);
    } catch (PipelineFileException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    }
    Pipeline pipeline = loaded.pipeline().scheduler(scheduler);
    RunOptions chosen = options;
    try {
      ProgressMonitor.watch(pipeline, System.err, () -> runToEnd(pipeline, chosen));
    } catch (RuntimeException e) {
      System.err.println("run failed: " + e.getMessage());
      return Main.RUN_FAILED;
    }
    loaded.printCollected(System.out);
    return 0;
  }

  /** Runs on this thread's behalf and waits for the end, as {@code pipeline.run()} would. */
  private static void runToEnd(Pipeline pipeline, RunOptions options) {
    try {
      pipeline.start(options).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.abort();
      throw new IllegalStateException("interrupted while waiting for the run", e);
    }
  }
}
