package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elements of a pipeline file that run in workers: the {@code parallel} field. */
class ParallelElementsTest {

  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  private static final String NUMBERS =
      """
      elements:
        - {name: numbers, type: IterSource, parameters: {items: [1, 2, 3, 4]}}
      """;

  @RepeatedTest(3)
  void aCallableTransformRunsInAPoolOfWorkerThreadsInOrder() throws IOException {
    String file =
        write(
            "pool.yaml",
            NUMBERS
                + """
                  - name: scale
                    type: CallableTransform
                    parameters: {function: scale, factor: 10}
                    parallel: {mode: thread, workers: 3, queueCapacity: 8}
                  - {name: collect, type: CollectSink}
                links: [numbers -> scale, scale -> collect]
                """);

    var result = Cli.execute("run", "--stats", file);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [10, 20, 30, 40]");
    assertThat(result.err()).contains("mode=THREAD", "workers=3");
  }

  @RepeatedTest(2)
  void aFrameMapClassRunsInWorkerProcesses() throws IOException {
    String file =
        write(
            "process.yaml",
            NUMBERS
                + """
                  - name: square
                    type: dev.sgn4j.examples.ProcessQuickStart$Square
                    parallel: {mode: process, workers: 2}
                  - {name: collect, type: CollectSink}
                links: [numbers -> square, square -> collect]
                """);

    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).containsExactly("collect: [1, 4, 9, 16]");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void whatCannotRunInWorkersIsNamedWithWhatCan() throws IOException {
    assertError(
        """
          - name: scale
            type: CallableTransform
            parameters: {function: scale, factor: 10}
            parallel: {mode: process}
        """,
        " line 6, field 'parallel.mode': a CallableTransform's function lives in this JVM and runs"
            + " in threads only; for process mode name a FrameMap class as the element's type");
    assertError(
        """
          - name: copy
            type: IterSource
            parameters: {items: [1]}
            parallel: {workers: 2}
        """,
        " line 6, field 'parallel': element type 'IterSource' cannot run in workers; 'parallel'"
            + " applies to CallableTransform and to FrameMap classes");
    assertError(
        """
          - name: scale
            type: CallableTransform
            parameters: {function: scale, factor: 10}
            parallel: {mode: fibre}
        """,
        " line 6, field 'parallel.mode': unknown worker mode 'fibre'; use thread, virtual_thread or"
            + " process");
    assertError(
        """
          - name: scale
            type: CallableTransform
            parameters: {function: scale, factor: 10}
            parallel: {workers: 0}
        """,
        " line 6, field 'parallel.workers': must be a whole number from 1 to 100000, got 0");
    assertError(
        """
          - name: scale
            type: CallableTransform
            parameters: {function: scale, factor: 10}
            parallel: {threads: 2}
        """,
        " line 6, field 'parallel.threads': unknown field; 'parallel' has mode, workers and"
            + " queueCapacity");
    assertError(
        """
          - name: text
            type: java.lang.String
            parallel: {workers: 2}
        """,
        " line 4, field 'type': class 'java.lang.String' is not a FrameMap; a parallel element of a"
            + " file is a CallableTransform or a public FrameMap class with a public no-argument"
            + " constructor");
  }

  private void assertError(String element, String message) throws IOException {
    String file = write("bad.yaml", NUMBERS + element + "links: []\n");

    var result = Cli.execute("run", file);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(file + message + "\n");
  }
}
