package dev.sgn4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sgn4j} command: {@code demo} runs the demo or an example, {@code run FILE} runs a
 * pipeline described in a YAML or JSON file, {@code graph FILE} exports its graph, {@code help}
 * explains a command.
 *
 * <pre>
 * java -jar sgn4j-cli/target/sgn4j-cli.jar demo --list
 * java -jar sgn4j-cli/target/sgn4j-cli.jar run examples/hello.yaml
 * </pre>
 *
 * <p>Exit codes: 0 when all went well, 1 when a run failed, 2 for a bad command line or a bad
 * pipeline file. The pipeline's output goes to stdout; progress and errors go to stderr.
 */
@Command(
    name = "sgn4j",
    description = "Run sgn4j pipelines: the demo, an example, or a pipeline file.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      GraphCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  /** Exit code of a run that failed. */
  static final int RUN_FAILED = 1;

  /** Exit code of a bad command line or a bad pipeline file. */
  static final int USAGE = 2;

  @Spec private CommandSpec spec;

  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, ready to {@code execute}; tests call it in-process.
   *
   * @return a new command line
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    // Everything after an example's name is the example's own arguments.
    commandLine.getSubcommands().get("demo").setStopAtPositional(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("sgn4j: " + e);
          cmd.getErr().flush();
          return RUN_FAILED;
        });
    return commandLine;
  }

  /** Without a command: show the usage and fail. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return USAGE;
  }

  /** The version, from the jar's manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sgn4j " + (version == null ? "(development build)" : version)};
    }
  }
}
