package dev.sgn4j.cli;

import dev.sgn4j.examples.Demo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sgn4j demo [--list] [NAME [ARGS...]]}: the demo with progress, or an example. */
@Command(
    name = "demo",
    description = {
      "Run the demo, with progress on stderr, or the example NAME with ARGS.",
      "--list shows the examples."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--list", description = "List the examples, one line each.")
  private boolean list;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example.")
  private String name;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "ARGS",
      description = "Arguments for the example's main.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (list) {
      int width = Examples.names().stream().mapToInt(String::length).max().orElse(0);
      for (Examples.Example example : Examples.ALL) {
        System.out.println(
            example.name()
                + " ".repeat(width - example.name().length() + 2)
                + example.description());
      }
      return 0;
    }
    if (name == null) {
      Demo.run(pipeline -> ProgressMonitor.watch(pipeline, System.err, pipeline::run));
      return 0;
    }
    Optional<Examples.Example> example = Examples.find(name);
    if (example.isEmpty()) {
      System.err.println(
          "sgn4j demo: unknown example '%s'; the examples are %s (see sgn4j demo --list)"
              .formatted(name, String.join(", ", Examples.names())));
      return Main.USAGE;
    }
    example.get().main().run(args.toArray(String[]::new));
    return 0;
  }
}
