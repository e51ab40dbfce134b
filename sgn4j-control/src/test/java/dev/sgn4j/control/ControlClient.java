package dev.sgn4j.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP/1.1 client for the control server, with a timeout on every request. Every request
 * says {@code Content-Type: application/json}, as the server asks of posts, and carries the extra
 * headers the client was made with (e.g. a token).
 */
final class ControlClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final String[] headers;

  ControlClient(URI base) {
    this(base, new String[0]);
  }

  /**
   * @param headers names and values, one after the other, sent with every request
   */
  ControlClient(URI base, String... headers) {
    this.base = base;
    this.headers = headers.clone();
  }

  /** A reply: status, content type and body text. */
  record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send("GET", path, BodyPublishers.noBody());
  }

  Reply post(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, BodyPublishers.ofString(body));
  }

  Reply send(String method, String path, BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .method(method, body);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response.headers().map());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"status":"error","message":message}} exactly as the server writes it. */
  static String error(String message) {
    return JSON.createObjectNode().put("status", "error").put("message", message).toString();
  }

  @Override
  public void close() {
    http.close();
  }
}
