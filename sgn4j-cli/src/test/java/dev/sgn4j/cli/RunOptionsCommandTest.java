package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of {@code sgn4j run} beyond the scheduler's. */
class RunOptionsCommandTest {

  private static final String HELLO = "../examples/hello.yaml";

  @TempDir Path dir;

  @Test
  void statsPrintsTheTableOfTheNamedRunToStderr() {
    var result = Cli.execute("run", "--stats", "--name", "h1", HELLO);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [10, 20, 30]");
    List<String> err = result.errLines();
    int heading = err.indexOf("statistics of run h1#1:");
    assertThat(heading).isNotNegative();
    assertThat(err.get(heading + 1)).startsWith("element  type");
    assertThat(err.get(heading + 2)).startsWith("numbers  IterSource");
    assertThat(err.get(heading + 5)).startsWith("4 iterations in ");
  }

  @Test
  void theRunIsNamedAfterTheFileUnlessNamed() {
    var result = Cli.execute("run", "--stats", HELLO);

    assertThat(result.errLines()).contains("statistics of run hello#1:");
    var bad = Cli.execute("run", "--name", "two words", HELLO);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo("pipeline name 'two words' must be 1 to 100 letters, digits, '.', '_' or '-'\n");
  }

  @Test
  void setGivesParametersTheirValuesTypedAsInTheFile() {
    var result =
        Cli.execute("run", "--set", "numbers.items=[4, 5]", "--set", "scale.factor=3", HELLO);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [12, 15]");
  }

  @Test
  void setNamesWhatItCannotUse() {
    var unknown = Cli.execute("run", "--set", "numbrs.items=[1]", HELLO);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo(
            "../examples/hello.yaml: --set names element 'numbrs', which the file does not have;"
                + " its elements are numbers, scale, collect\n");

    var shape = Cli.execute("run", "--set", "numbers=1", HELLO);
    assertThat(shape.exitCode()).isEqualTo(2);
    assertThat(shape.err())
        .isEqualTo(
            "--set 'numbers=1': write ELEMENT.PARAMETER=VALUE, e.g. --set numbers.items=[1, 2]\n");

    var parameter = Cli.execute("run", "--set", "scale.factr=2", HELLO);
    assertThat(parameter.exitCode()).isEqualTo(2);
    assertThat(parameter.err()).contains("unknown parameter 'factr'");
  }

  @Test
  void logLevelSetsSgnsLevelsAndABadSpecIsAUsageError() {
    Logger pipeline = Logger.getLogger("sgn.pipeline");
    var before = pipeline.getLevel();
    try {
      var result = Cli.execute("run", "--log-level", "WARNING pipeline:ERROR", HELLO);
      assertThat(result.exitCode()).isZero();
      assertThat(pipeline.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
    } finally {
      pipeline.setLevel(before);
      Logger.getLogger("sgn").setLevel(null);
    }

    var bad = Cli.execute("run", "--log-level", "LOUD", HELLO);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("--log-level: ");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void controlServesWhileTheRunGoesAndPrintsItsUrl() {
    var result = Cli.execute("run", "--control", "127.0.0.1:0", HELLO);

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines())
        .anySatisfy(line -> assertThat(line).matches("control: http://127\\.0\\.0\\.1:\\d+/"));
    assertThat(result.outLines()).containsExactly("collect: [10, 20, 30]");

    var bad = Cli.execute("run", "--control", "host:port", HELLO);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "--control: 'host:port' is not [HOST:]PORT with a port from 0 to 65535 (0: a free"
                + " one), e.g. 8080 or 127.0.0.1:0\n");
  }

  @Test
  void classpathLoadsTheUsersElementsAndAStuckSinkFailsTheRun() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/com/example"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(
        sources.resolve("Forgetful.java"),
        """
        package com.example;

        import dev.sgn4j.Frame;
        import dev.sgn4j.SinkElement;
        import dev.sgn4j.SinkPad;
        import java.util.List;
        import java.util.Map;

        public final class Forgetful extends SinkElement {
          public Forgetful(String name, Map<String, Object> parameters) {
            super(name, List.of("in"));
          }

          @Override
          protected void pull(SinkPad pad, Frame frame) {}
        }
        """);
    var diagnostics = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                diagnostics,
                diagnostics,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                sources.resolve("Forgetful.java").toString());
    assertThat(status).as("%s", diagnostics).isZero();
    Path file = dir.resolve("stuck.yaml");
    Files.writeString(
        file,
        """
        elements:
          - {name: numbers, type: IterSource, parameters: {items: [1, 2]}}
          - {name: forgetful, type: com.example.Forgetful}
        links: [numbers -> forgetful]
        """);

    var missing = Cli.execute("run", file.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .endsWith(
            "class 'com.example.Forgetful' is not on the class path; check the name or add its"
                + " jar with --classpath\n");

    var stuck =
        Cli.execute("run", "-cp", classes.toString(), "--stuck-after", "50", file.toString());
    assertThat(stuck.exitCode()).isEqualTo(1);
    assertThat(stuck.errLines())
        .contains(
            "run failed: sink 'forgetful' has pulled EOS on every pad 50 times and is still not"
                + " at EOS, so the run cannot end; pads not marked: 'forgetful:snk:in'; a sink"
                + " calls markEos(pad) when a pad's frame is EOS");

    var nothing = Cli.execute("run", "-cp", dir.resolve("nope").toString(), file.toString());
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.err())
        .isEqualTo(
            "--classpath: no such jar or directory: "
                + dir.resolve("nope")
                + " (separate entries with ':')\n");
  }
}
