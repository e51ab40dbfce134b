package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.parallel.spi.SharedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Checks that a run left no child JVM and no shared file of this JVM behind. */
final class ProcessLeaks {

  private ProcessLeaks() {}

  static void assertNone() {
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList())
        .as("child processes left alive")
        .isEmpty();
    assertThat(files()).as("shared files left behind").isEmpty();
  }

  static List<String> files() {
    String prefix = "sgn4j-" + ProcessHandle.current().pid() + "-";
    try (var files = Files.list(SharedFile.defaultDirectory())) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
