package dev.sgn4j.control;

/**
 * A request the control server answers with an error: the HTTP status and the message that goes
 * into {@code {"status":"error","message":...}}. Thrown by the route handlers and caught by {@link
 * ControlHandler}, never by anything else.
 */
final class ControlError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String allow;

  ControlError(int status, String message) {
    this(status, message, null);
  }

  private ControlError(int status, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
  }

  int status() {
    return status;
  }

  /** The methods the route allows, for a 405's {@code Allow} header; null otherwise. */
  String allow() {
    return allow;
  }

  static ControlError methodNotAllowed(String method, String path, String allowed) {
    return new ControlError(
        405, "Method %s is not allowed on %s; use %s".formatted(method, path, allowed), allowed);
  }

  static ControlError badRequest(String message) {
    return new ControlError(400, message);
  }

  static ControlError notFound(String message) {
    return new ControlError(404, message);
  }
}
