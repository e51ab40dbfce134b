package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  @Test
  void theQuickStartCodeIsTheBodyOfTheTestedQuickStartExample() throws IOException {
    List<String> readme = codeBlocks("java").get(0);
    List<String> example =
        Files.readAllLines(
                ROOT.resolve("sgn4j-examples/src/main/java/dev/sgn4j/examples/QuickStart.java"))
            .stream()
            .map(String::strip)
            .toList();

    assertThat(readme).isNotEmpty();
    assertThat(example)
        .containsSubsequence(readme.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    assertThat(Output.capture(() -> QuickStart.main(new String[0])))
        .containsExactly("[10, 20, 30]");
  }

  @Test
  void theParallelSnippetIsTheBodyOfTheTestedWorkerPoolExample() throws IOException {
    List<String> readme = codeBlocks("java").get(1);
    List<String> example =
        Files.readAllLines(
                ROOT.resolve("sgn4j-examples/src/main/java/dev/sgn4j/examples/WorkerPool.java"))
            .stream()
            .map(String::strip)
            .toList();

    assertThat(example)
        .containsSubsequence(readme.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  @Test
  void theProcessSnippetIsTheProcessElementOfTheTestedMixedConcurrencyExample() throws IOException {
    List<String> readme = codeBlocks("java").get(2);
    List<String> example =
        Files.readAllLines(
                ROOT.resolve(
                    "sgn4j-examples/src/main/java/dev/sgn4j/examples/MixedConcurrency.java"))
            .stream()
            .map(String::strip)
            .toList();

    assertThat(readme).contains("        .mode(WorkerMode.PROCESS)");
    assertThat(example)
        .containsSubsequence(readme.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  @Test
  void theQuickStartHasTwoCommandsAndCiRunsTheTestCommandInItsFullLoop() throws IOException {
    List<String> commands = codeBlocks("bash").get(0);

    assertThat(commands).containsExactly("./sgn4j demo", "./mvnw verify");
    // CI runs the same command with the stress profile, which the README documents as the full
    // loop, and with the machine's optional programs required.
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run")))
        .anyMatch(line -> line.endsWith(commands.get(1) + " -Pstress"))
        .contains("export SGN4J_REQUIRE=dot,signals");
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
