package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.parallel.spi.SharedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a run left no child JVM, no shared file of this JVM and, where the JDK can unmap on
 * demand (Java 22+) and {@code /proc/self/maps} tells, no worker channel still mapped.
 */
final class ProcessLeaks {

  private ProcessLeaks() {}

  static void assertNone() {
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList())
        .as("child processes left alive")
        .isEmpty();
    assertThat(files()).as("shared files left behind").isEmpty();
    assertThat(mappedChannels()).as("worker channels still mapped").isEmpty();
  }

  /**
   * The lines of {@code /proc/self/maps} that map a worker channel file of this JVM: its shared
   * files in the default directory except {@code toShm} segments ({@code sgn4j-<pid>-shm-...}),
   * which stay mapped while referenced (tests of rings map their own files in temporary
   * directories). Empty where unmapping on demand or the maps file is not available.
   */
  static List<String> mappedChannels() {
    Path maps = Path.of("/proc/self/maps");
    if (!SharedFile.canUnmap() || !Files.isReadable(maps)) {
      return List.of();
    }
    String files =
        SharedFile.defaultDirectory().resolve(SharedFile.PREFIX).toString()
            + ProcessHandle.current().pid()
            + "-";
    try {
      return Files.readAllLines(maps).stream()
          .filter(line -> line.contains(files) && !line.contains(files + "shm-"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
