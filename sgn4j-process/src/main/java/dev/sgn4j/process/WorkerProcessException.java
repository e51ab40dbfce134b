package dev.sgn4j.process;

/**
 * An exception from a worker process whose type this JVM cannot rebuild (for example one without a
 * constructor taking a message): it keeps the original type's name, the message and the stack
 * trace. Also the cause when a worker process dies without an exception (killed, crashed, or {@code
 * System.exit}), then with the exit status and the last lines of its standard error.
 *
 * <pre>{@code
 * catch (WorkerException e) {
 *   if (e.getCause() instanceof WorkerProcessException remote) {
 *     remote.remoteType();   // e.g. "com.example.ParseError"
 *   }
 * }
 * }</pre>
 */
public final class WorkerProcessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The class name of the exception thrown in the worker process. */
  private final String remoteType;

  /**
   * Creates the exception.
   *
   * @param remoteType the class name of the original exception, or a word like {@code exit}
   * @param message the original message, or null
   */
  public WorkerProcessException(String remoteType, String message) {
    super(message == null ? remoteType : remoteType + ": " + message);
    this.remoteType = remoteType;
  }

  /**
   * The class name of the exception the worker process threw.
   *
   * @return the type's name
   */
  public String remoteType() {
    return remoteType;
  }
}
