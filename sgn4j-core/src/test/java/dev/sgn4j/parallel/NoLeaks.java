package dev.sgn4j.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Checks that no worker thread outlives a run. */
final class NoLeaks {

  private NoLeaks() {}

  /** Names of live platform threads started for workers. */
  static List<String> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("sgn-worker-"))
        .sorted()
        .toList();
  }

  static void assertNoWorkerThreads() {
    assertThat(workerThreads()).as("worker threads left alive").isEmpty();
    assertThat(sharedFiles()).as("shared memory files left behind").isEmpty();
  }

  /** Files this JVM created for shared memory and has not deleted. */
  static List<String> sharedFiles() {
    String prefix = "sgn4j-" + ProcessHandle.current().pid() + "-";
    try (var files = java.nio.file.Files.list(MappedSharedMemory.directory())) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
