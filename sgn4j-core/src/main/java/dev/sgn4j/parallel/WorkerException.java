package dev.sgn4j.parallel;

import dev.sgn4j.PipelineException;

/**
 * A parallel element's worker failed: it threw, or ended before passing end of stream on ("worker
 * stopped before EOS", SGN's message), or did not stop in time. The run ends with it within one
 * iteration, also when the element was already at EOS; the worker's own exception, with its type,
 * message and stack, is the {@link #getCause() cause}.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (WorkerException e) {
 *   e.elementName();   // "square"
 *   e.getCause();      // what the worker threw
 * }
 * }</pre>
 */
public final class WorkerException extends PipelineException {

  private static final long serialVersionUID = 1L;

  /** The name of the worker that failed. */
  private final String workerName;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param elementName the parallel element
   * @param workerName the worker, e.g. {@code square-0}
   * @param iteration the element's iteration when the failure was seen
   * @param cause the worker's exception, or null
   */
  public WorkerException(
      String message, String elementName, String workerName, long iteration, Throwable cause) {
    super(message, elementName, elementName + ":inl:inl", iteration, cause);
    this.workerName = workerName;
  }

  /**
   * The worker that failed.
   *
   * @return the worker name, e.g. {@code square-0}
   */
  public String workerName() {
    return workerName;
  }
}
