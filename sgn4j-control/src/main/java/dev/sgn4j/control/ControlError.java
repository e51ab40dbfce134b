package dev.sgn4j.control;

import java.util.Map;

/**
 * A request the control server answers with an error: the HTTP status and the message that goes
 * into {@code {"status":"error","message":...}}, and headers the reply needs (a 405's {@code
 * Allow}, a 401's {@code WWW-Authenticate}). Thrown by the request checks and the route handlers
 * and caught by {@link ControlHandler}, never by anything else.
 */
final class ControlError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers;

  ControlError(int status, String message) {
    this(status, message, Map.of());
  }

  private ControlError(int status, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.headers = headers;
  }

  int status() {
    return status;
  }

  /** Headers the error reply carries besides {@code Content-Type}; empty for most errors. */
  Map<String, String> headers() {
    return headers;
  }

  static ControlError methodNotAllowed(String method, String path, String allowed) {
    return new ControlError(
        405,
        "Method %s is not allowed on %s; use %s".formatted(method, path, allowed),
        Map.of("Allow", allowed));
  }

  static ControlError badRequest(String message) {
    return new ControlError(400, message);
  }

  /** 401: the request lacks the server's token; the reply says how to send it. */
  static ControlError unauthorized(String message) {
    return new ControlError(
        401, message, Map.of("WWW-Authenticate", "Bearer realm=\"sgn-control\""));
  }

  /** 403: a request the server refuses whoever sends it (a foreign Host or Origin). */
  static ControlError forbidden(String message) {
    return new ControlError(403, message);
  }

  static ControlError notFound(String message) {
    return new ControlError(404, message);
  }

  /** 415: a body of a media type the route does not take. */
  static ControlError unsupportedMediaType(String message) {
    return new ControlError(415, message);
  }
}
