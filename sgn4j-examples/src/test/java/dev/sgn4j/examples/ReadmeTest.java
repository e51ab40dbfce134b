package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README honest: its code is the tested example, its commands are what CI runs. */
class ReadmeTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static List<List<String>> codeBlocks(String language) throws IOException {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (current == null && line.equals("```" + language)) {
        current = new ArrayList<>();
      } else if (current != null && line.equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  /** The java blocks of the README, in order, with what each prints. */
  private static final Map<String, String> PROGRAMS =
      Map.of(
          "QuickStart", "[10, 20, 30]",
          "PoolQuickStart", "[78498, 4, 9592, 25]",
          "ProcessQuickStart", "[1, 4, 9]",
          "FlinkQuickStart", "[10, 20, 30]");

  private static String className(List<String> block) {
    return block.stream()
        .map(CLASS::matcher)
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a README java block without a class: " + block));
  }

  /**
   * Where the README's program {@code name} lives: main sources, or test sources for tests and for
   * programs that use sgn4j-flink (not a module, so the examples' module cannot require it).
   */
  private static Path exampleFile(String name) {
    Path main = ROOT.resolve("sgn4j-examples/src/main/java/dev/sgn4j/examples/" + name + ".java");
    return Files.exists(main) && !name.endsWith("Test")
        ? main
        : ROOT.resolve("sgn4j-examples/src/test/java/dev/sgn4j/examples/" + name + ".java");
  }

  private static final Pattern UNSAFE_WARNING =
      Pattern.compile(
          "WARNING: (A terminally deprecated method in sun\\.misc\\.Unsafe has been called"
              + "|sun\\.misc\\.Unsafe::\\w+ (has been called by|will be removed).*"
              + "|Please consider reporting this to the maintainers of class .*)");

  private static final Pattern CLASS = Pattern.compile("(?:public )?final class (\\w+) \\{");

  @Test
  void everyJavaBlockIsATestedExampleProgramLineForLine() throws IOException {
    List<List<String>> blocks = codeBlocks("java");
    assertThat(blocks.stream().map(ReadmeTest::className).filter(name -> !name.endsWith("Test")))
        .containsExactlyInAnyOrderElementsOf(PROGRAMS.keySet());
    for (List<String> block : blocks) {
      List<String> example =
          Files.readAllLines(exampleFile(className(block))).stream().map(String::strip).toList();
      assertThat(example)
          .as("%s.java holds the README's block, line for line", className(block))
          .containsSubsequence(
              block.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
    assertThat(blocks.get(3)).contains("            .mode(WorkerMode.PROCESS)");
    assertThat(Output.capture(() -> QuickStart.main(new String[0])))
        .containsExactly("[10, 20, 30]");
  }

  @Test
  void everyJavaBlockCompilesAsWrittenAndPrintsWhatItSays(@TempDir Path dir) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> files = new ArrayList<>();
    for (List<String> block : codeBlocks("java")) {
      Path file = sources.resolve(className(block) + ".java");
      Files.write(file, block);
      files.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new java.io.ByteArrayOutputStream();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
    arguments.addAll(files);
    int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertThat(status).as("javac on the README's blocks: %s", diagnostics).isZero();

    for (var program : PROGRAMS.entrySet()) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                  program.getKey())
              .redirectErrorStream(true)
              .start();
      // Flink's RPC system (Pekko) uses sun.misc.Unsafe, which JDK 24+ warns about on stderr.
      String output =
          new String(process.getInputStream().readAllBytes())
              .lines()
              .filter(line -> !UNSAFE_WARNING.matcher(line).matches())
              .collect(java.util.stream.Collectors.joining("\n"))
              .strip();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("what %s prints", program.getKey()).isEqualTo(program.getValue());
      assertThat(process.exitValue()).isZero();
    }
  }

  @Test
  void theQuickStartHasTwoCommandsAndCiRunsTheTestCommandInItsFullLoop() throws IOException {
    List<String> commands = codeBlocks("bash").get(0);

    assertThat(commands).containsExactly("./sgn4j demo", "./mvnw verify");
    // CI runs the same command with the stress profile, which the README documents as the full
    // loop, and with the machine's optional programs required.
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run")))
        .anyMatch(line -> line.endsWith(commands.get(1) + " -Pstress"))
        .contains("export SGN4J_REQUIRE=dot,signals,chromium");
    assertThat(Files.readString(ROOT.resolve("README.md")))
        .contains("./mvnw verify -Pstress")
        .contains("SGN4J_REQUIRE");
  }

  @Test
  void theConsumerProjectIsTheReadmeSnippetAroundTheQuickStart() throws IOException {
    Path consumer = ROOT.resolve("it/consumer-maven");
    assertThat(
            Files.readAllLines(
                    ROOT.resolve("sgn4j-examples/src/main/java/dev/sgn4j/examples/QuickStart.java"))
                .get(0))
        .as("the package line .ci/run rewrites for the user's project")
        .isEqualTo("package dev.sgn4j.examples;");

    String pom = Files.readString(consumer.resolve("pom.xml"));
    List<String> snippet = codeBlocks("xml").get(0);
    assertThat(snippet).isNotEmpty();
    for (String line : snippet) {
      assertThat(pom).as("the consumer pom has the README's line %s", line).contains(line.strip());
    }
    assertThat(Files.readString(ROOT.resolve(".ci/run")))
        .contains("./mvnw install -DskipTests")
        .contains("sgn4j-examples/src/main/java/dev/sgn4j/examples/QuickStart.java")
        .contains(">it/consumer-maven/src/main/java/app/QuickStart.java")
        .contains("-f it/consumer-maven/pom.xml");
  }
}
