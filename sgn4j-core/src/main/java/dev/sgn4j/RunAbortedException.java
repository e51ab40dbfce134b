package dev.sgn4j;

/**
 * Thrown by {@link Pipeline#run()} when the run was aborted rather than drained: by {@link
 * Pipeline#abort()} or by a second SIGINT/SIGTERM. Frames in flight were dropped; every element was
 * stopped.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (RunAbortedException e) {
 *   System.err.println("stopped early: " + e.getMessage());
 * }
 * }</pre>
 */
public final class RunAbortedException extends PipelineException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the run was aborted, e.g. {@code second SIGINT}
   * @param iteration the iteration the run was in
   */
  public RunAbortedException(String reason, long iteration) {
    super("run aborted in iteration " + iteration + ": " + reason, null, null, iteration, null);
  }
}
