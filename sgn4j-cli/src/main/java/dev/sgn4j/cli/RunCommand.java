package dev.sgn4j.cli;

import dev.sgn4j.Executor;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunOptions;
import dev.sgn4j.Scheduler;
import dev.sgn4j.SgnLogging;
import dev.sgn4j.control.HttpControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "Where the pipeline runs: local (this JVM, the default) or flink (Apache Flink: an"
              + " embedded mini-cluster, or the cluster of --flink-address).")
  private String engine = "local";

  @Option(
      names = "--flink-address",
      paramLabel = "HOST:PORT",
      description =
          "The REST address of a Flink cluster's JobManager, for --engine flink (without it, an"
              + " embedded mini-cluster runs the pipeline).")
  private String flinkAddress;

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

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "The pipeline's name in logs, JFR and the control server (default: the file's).")
  private String name;

  @Option(
      names = "--set",
      paramLabel = "ELEMENT.PARAMETER=VALUE",
      description = {
        "Give a parameter of an element this value instead of the file's (repeatable); the value",
        "reads as in the file: 3 is a number, true a boolean, [1, 2] a list."
      })
  private List<String> sets = new ArrayList<>();

  @Option(
      names = {"-cp", "--classpath"},
      paramLabel = "PATHS",
      description =
          "Jars and directories of your element classes, separated by '${sys:path.separator}'.")
  private String classpath;

  @Option(
      names = "--log-level",
      paramLabel = "SPEC",
      description = {
        "Log levels in SGNLOGLEVEL's syntax, e.g. INFO or 'WARNING pipeline:DEBUG source:INFO'."
      })
  private String logLevel;

  @Option(names = "--stats", description = "Print the run's statistics table to stderr at the end.")
  private boolean stats;

  @Option(
      names = "--control",
      paramLabel = "[HOST:]PORT",
      description = {
        "Serve the HTTP control (element state, /stats, /graph) on this address while the run",
        "goes (port 0: a free one) and print its URL to stderr."
      })
  private String control;

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
    Executor flink;
    try {
      flink = flinkRunner(options);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    }
    if (logLevel != null) {
      try {
        SgnLogging.configure(logLevel);
      } catch (IllegalArgumentException e) {
        System.err.println("--log-level: " + e.getMessage());
        return Main.USAGE;
      }
    }
    ControlAddress address = null;
    if (control != null) {
      try {
        address = ControlAddress.parse(control);
      } catch (IllegalArgumentException e) {
        System.err.println("--control: " + e.getMessage());
        return Main.USAGE;
      }
    }
    LoadedPipeline loaded;
    try {
      loaded = PipelineLoader.load(Path.of(file), file, loadOptions());
    } catch (PipelineFileException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return Main.USAGE;
    }
    Pipeline pipeline = loaded.pipeline().scheduler(scheduler);
    RunOptions chosen = options;
    try (HttpControl server = address == null ? null : address.serve(pipeline)) {
      if (server != null) {
        System.err.println(
            "control: " + server.url() + "/" + server.token().map(t -> "?token=" + t).orElse(""));
      }
      ProgressMonitor.watch(pipeline, System.err, () -> runToEnd(pipeline, chosen, flink));
    } catch (RuntimeException e) {
      System.err.println("run failed: " + e.getMessage());
      printStats(pipeline);
      return Main.RUN_FAILED;
    }
    printStats(pipeline);
    loaded.printCollected(System.out);
    return 0;
  }

  private void printStats(Pipeline pipeline) {
    if (stats) {
      System.err.println(
          "statistics of run "
              + pipeline.lastRun().map(dev.sgn4j.Run::id).orElse(pipeline.name())
              + ":");
      System.err.print(pipeline.stats().toTable());
    }
  }

  /** The pipeline's name, the values of --set and the class loader of --classpath. */
  private LoadOptions loadOptions() throws PipelineFileException {
    String pipelineName = name != null ? name : LoadOptions.nameOf(file);
    Map<String, Map<String, Node>> overrides = new LinkedHashMap<>();
    for (String set : sets) {
      int equals = set.indexOf('=');
      int dot = set.indexOf('.');
      if (equals < 0 || dot < 1 || dot > equals - 2) {
        throw new IllegalArgumentException(
            "--set '%s': write ELEMENT.PARAMETER=VALUE, e.g. --set numbers.items=[1, 2]"
                .formatted(set));
      }
      String element = set.substring(0, dot);
      String parameter = set.substring(dot + 1, equals);
      Node value = TreeReader.readValue(set.substring(equals + 1), "--set " + set);
      overrides.computeIfAbsent(element, e -> new LinkedHashMap<>()).put(parameter, value);
    }
    ClassLoader loader = RunCommand.class.getClassLoader();
    if (classpath != null) {
      loader = UserClassPath.loader(classpath, loader);
    }
    return new LoadOptions(pipelineName, overrides, loader);
  }

  /**
   * The Flink runner {@code --engine} and {@code --flink-address} ask for, or null for a local run.
   *
   * @throws IllegalArgumentException saying which options do not go together
   */
  private Executor flinkRunner(RunOptions options) {
    String chosen = engine.trim().toLowerCase(java.util.Locale.ROOT);
    if (chosen.equals("local")) {
      if (flinkAddress != null) {
        throw new IllegalArgumentException("--flink-address goes with --engine flink");
      }
      return null;
    }
    if (!chosen.equals("flink")) {
      throw new IllegalArgumentException(
          "--engine: unknown engine '" + engine + "'; use local or flink");
    }
    if (scheduler != Scheduler.LOCK_STEP || threads != null) {
      throw new IllegalArgumentException(
          "--scheduler and --threads choose how a local run uses this JVM; they do not apply to"
              + " --engine flink");
    }
    if (control != null) {
      throw new IllegalArgumentException(
          "--control watches and steers local runs; it does not apply to --engine flink");
    }
    if (flinkAddress == null) {
      return FlinkEngine.embedded();
    }
    int colon = flinkAddress.lastIndexOf(':');
    try {
      if (colon < 1) {
        throw new NumberFormatException();
      }
      return FlinkEngine.remote(
          flinkAddress.substring(0, colon), Integer.parseInt(flinkAddress.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--flink-address '%s': write HOST:PORT, the REST address of the JobManager, e.g."
                  .formatted(flinkAddress)
              + " localhost:8081");
    }
  }

  /** Runs on this thread's behalf and waits for the end, as {@code pipeline.run()} would. */
  private static void runToEnd(Pipeline pipeline, RunOptions options, Executor flink) {
    try {
      (flink == null ? pipeline.start(options) : pipeline.start(options, flink)).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.abort();
      throw new IllegalStateException("interrupted while waiting for the run", e);
    }
  }
}
