package dev.sgn4j.examples;

import java.util.List;

/** Finds worker threads that outlived their run. */
final class WorkerThreads {

  private WorkerThreads() {}

  /** Names of live threads started for parallel elements' workers, sorted. */
  static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("sgn-worker-"))
        .sorted()
        .toList();
  }
}
