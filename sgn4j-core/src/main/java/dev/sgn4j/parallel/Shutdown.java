package dev.sgn4j.parallel;

import java.time.Duration;

/** A manual, graceful shutdown of an element's workers, waiting for them with a deadline. */
final class Shutdown {

  private Shutdown() {}

  static void await(String element, Workers workers, Duration timeout) {
    if (workers == null) {
      throw new IllegalStateException(
          "element '" + element + "' has no workers to shut down; it has not run yet");
    }
    workers.finishWithoutEos();
    boolean ended;
    try {
      ended = workers.awaitTermination(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      throw new WorkerException(
          "element '%s': timeout exceeded for worker shutdown: the workers did not end within %s"
              .formatted(element, timeout),
          element,
          element,
          0,
          null);
    }
  }
}
