package dev.sgn4j;

/**
 * The one exception a failed {@link Pipeline#run()} throws: it names the element and the pad (or
 * lifecycle hook) where the run failed and the iteration it was in, and keeps the original
 * exception, with its type and message unchanged, as the {@link #getCause() cause}.
 *
 * <pre>{@code
 * try {
 *   pipeline.run();
 * } catch (PipelineException e) {
 *   log.error("{} failed at {}", e.elementName(), e.padName(), e.getCause());
 * }
 * }</pre>
 *
 * <p>Exceptions thrown by {@code stop()} hooks while the run was failing are attached as
 * {@linkplain #getSuppressed() suppressed} exceptions.
 */
public class PipelineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The name of the element that failed, or null. */
  private final String elementName;

  /** The full name of the pad (or hook) that failed, or null. */
  private final String padName;

  /** The iteration in which it failed. */
  private final long iteration;

  /**
   * Creates an exception for a failure at a pad or hook.
   *
   * @param message the full message
   * @param elementName the element that failed
   * @param padName the full pad name, or the hook ({@code start()}, {@code stop()}); may be null
   * @param iteration the iteration the run was in, 0 before the first
   * @param cause the original exception, or null when the framework itself detected the problem
   */
  public PipelineException(
      String message, String elementName, String padName, long iteration, Throwable cause) {
    super(message, cause);
    this.elementName = elementName;
    this.padName = padName;
    this.iteration = iteration;
  }

  /**
   * The name of the element where the run failed.
   *
   * @return the element name
   */
  public String elementName() {
    return elementName;
  }

  /**
   * The full name of the pad where the run failed, or the lifecycle hook ({@code start()}, {@code
   * stop()}).
   *
   * @return the pad or hook, or null when neither applies
   */
  public String padName() {
    return padName;
  }

  /**
   * The iteration the run was in: 1 for the first, 0 before it started.
   *
   * @return the iteration number
   */
  public long iteration() {
    return iteration;
  }

  /**
   * The exception for {@code cause}, thrown by the callback of {@code pad} in {@code iteration}:
   * its message names the element, the pad and the iteration and repeats the cause's.
   *
   * @param pad the pad whose callback threw
   * @param iteration the iteration, from 1
   * @param cause what the callback threw
   * @return the exception
   */
  public static PipelineException atPad(Pad pad, long iteration, Throwable cause) {
    String element = pad.element().name();
    return new PipelineException(
        "element '%s' failed at pad '%s' in iteration %d: %s"
            .formatted(element, pad.fullName(), iteration, cause),
        element,
        pad.fullName(),
        iteration,
        cause);
  }

  /**
   * The exception for {@code cause}, thrown by {@code element}'s hook (such as {@code "start()"}).
   *
   * @param element the element
   * @param hook the hook, e.g. {@code start()} or {@code stop()}
   * @param iteration the iteration the run was in
   * @param cause what the hook threw
   * @return the exception
   */
  public static PipelineException inHook(
      Element element, String hook, long iteration, Throwable cause) {
    return new PipelineException(
        "element '%s' failed in %s: %s".formatted(element.name(), hook, cause),
        element.name(),
        hook,
        iteration,
        cause);
  }
}
