package dev.sgn4j.worker;

/**
 * Thrown by {@link WorkerQueue#put} on a closed queue and by {@link WorkerQueue#take()} on a closed
 * queue that is empty: the other side has ended the stream. A worker loop that sees it while
 * shutting down simply ends.
 */
public final class QueueClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was closed, e.g. {@code worker input of 'square' is closed}
   */
  public QueueClosedException(String message) {
    super(message);
  }
}
