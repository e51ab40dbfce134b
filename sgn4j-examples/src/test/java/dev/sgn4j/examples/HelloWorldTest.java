package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the endless example in a child JVM and stops it with a real SIGINT, as Ctrl+C would. */
class HelloWorldTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void saysHelloUntilSigintThenGoodbyeAndExitsWithStatusZero() throws Exception {
    ChildProgram.assumeSigintDeliverable();
    try (var child = ChildProgram.start(HelloWorld.class)) {
      child.awaitOutput(lines -> lines.size() >= 3, DEADLINE, "three hellos");
      int seen = child.lines().size();

      child.signal("INT");

      assertThat(child.awaitExit(DEADLINE)).as("exit status; errors: %s", child.errors()).isZero();
      List<String> lines = child.lines();
      // At least one more hello: the frame made after the signal carries EOS and is printed.
      assertThat(lines.size()).isGreaterThan(seen);
      List<String> expected =
          new java.util.ArrayList<>(Collections.nCopies(lines.size() - 1, "hello"));
      expected.add("goodbye");
      assertThat(lines).containsExactlyElementsOf(expected);
      assertThat(child.errors())
          .contains("SIGINT received: sources send EOS and the pipeline drains");
    }
  }
}
