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
  }
}
