package dev.sgn4j.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sgn4j.Pipeline;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers every request to the control server: checks who sends it ({@link RequestChecks}), routes
 * it, and turns every outcome into a reply, JSON errors included. Nothing a client sends escapes as
 * an exception: a failure that no route expected becomes a 500 reply with its message, and the run
 * never notices. Called on the server's executor threads, any number at a time.
 *
 * <p>Requests the JDK server rejects before any handler runs (a request line whose URI does not
 * parse, such as {@code GET /get/%zz}, illegal header names, conflicting lengths) get the JDK
 * server's own HTML 400 reply: no handler or filter sees them.
 */
final class ControlHandler implements HttpHandler {

  /** Largest request body accepted: 1 MiB. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * How much of a request body is read and thrown away before an early reply, so that the client
   * finishes sending and reads the reply instead of seeing the connection reset.
   */
  private static final long MAX_DRAIN_BYTES = 16L << 20;

  private static final System.Logger LOG = System.getLogger("sgn.control");
  private static final String JSON = "application/json";
  private static final String DOT = "text/vnd.graphviz; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String SVG = "image/svg+xml";

  /** The exposition formats of {@code /metrics}, chosen by the request's Accept header. */
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();

  private final Pipeline pipeline;
  private final String tag;
  private final RequestChecks checks;
  private final ElementStates states;
  private final InFlight inFlight = new InFlight();

  ControlHandler(Pipeline pipeline, String tag, RequestChecks checks) {
    this.pipeline = pipeline;
    this.tag = tag;
    this.checks = checks;
    this.states = new ElementStates(pipeline);
  }

  /** What to send back. */
  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int status, byte[] body) {
      return new Reply(status, JSON, body, Map.of());
    }

    static Reply text(String contentType, String body) {
      return new Reply(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply error(ControlError error) {
      return new Reply(
          error.status(), JSON, Json.status("error", error.getMessage()), error.headers());
    }
  }

  /** The requests being answered now. */
  InFlight inFlight() {
    return inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.begin();
    try {
      if (RequestThreads.headersRead()) {
        answer(exchange);
      } else {
        abandon(exchange);
      }
    } finally {
      inFlight.end();
    }
  }

  /** Closes the connection of a request that missed its header deadline, without a reply. */
  private static void abandon(HttpExchange exchange) {
    try {
      exchange.close();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "HTTP control: closing a late request failed", e);
    }
  }

  private void answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String path = String.valueOf(exchange.getRequestURI().getRawPath());
    try {
      Reply reply;
      try {
        checks.check(exchange);
        reply = route(exchange, method, path);
      } catch (ControlError error) {
        reply = Reply.error(error);
      } catch (Throwable unexpected) {
        LOG.log(Level.WARNING, "HTTP control: " + method + " " + path + " failed", unexpected);
        reply =
            Reply.error(
                new ControlError(
                    500,
                    "Internal error while answering %s %s: %s"
                        .formatted(method, path, unexpected)));
      }
      LOG.log(Level.DEBUG, "HTTP control: {0} {1} -> {2}", method, path, reply.status());
      send(exchange, reply);
    } catch (Throwable failed) {
      LOG.log(Level.DEBUG, "HTTP control: could not answer " + method + " " + path, failed);
    } finally {
      exchange.close();
    }
  }

  private Reply route(HttpExchange exchange, String method, String path) throws IOException {
    List<String> segments = segments(path);
    if (tag != null) {
      if (segments.isEmpty() || !segments.get(0).equals(tag)) {
        throw noRoute(method, path);
      }
      segments = segments.subList(1, segments.size());
    }
    int count = segments.size();
    String route = count == 0 ? "" : segments.get(0);
    switch (route) {
      case "":
        requireMethod("GET", method, path);
        return new Reply(200, HTML, LivePage.html(), Map.of("Cache-Control", "no-store"));
      case "get":
        if (count >= 2 && count <= 4) {
          requireMethod("GET", method, path);
          return get(segments.get(1), segments.subList(2, count));
        }
        break;
      case "post":
        if (count == 2) {
          requireMethod("POST", method, path);
          return post(segments.get(1), exchange);
        }
        break;
      case "stats":
        if (count == 1) {
          requireMethod("GET", method, path);
          return Reply.json(200, Json.write(StatsJson.of(pipeline)));
        }
        break;
      case "metrics":
        if (count == 1) {
          requireMethod("GET", method, path);
          return metrics(exchange.getRequestHeaders().getFirst("Accept"));
        }
        break;
      case "graph":
        if (count == 1) {
          requireMethod("GET", method, path);
          return graph(exchange.getRequestURI().getRawQuery());
        }
        break;
      default:
        break;
    }
    throw noRoute(method, path);
  }

  /**
   * The metrics in the format the scraper asks for: Prometheus text by default, OpenMetrics text,
   * or protobuf when {@code prometheus-metrics-exposition-formats} is on the class path.
   */
  private Reply metrics(String accept) throws IOException {
    ExpositionFormatWriter writer = FORMATS.findWriter(accept);
    var out = new java.io.ByteArrayOutputStream();
    writer.write(out, PipelineMetrics.of(pipeline), EscapingScheme.ALLOW_UTF8);
    return new Reply(200, writer.getContentType(), out.toByteArray(), Map.of());
  }

  private Reply get(String element, List<String> keys) {
    Object value = states.read(element, keys);
    try {
      return Reply.json(200, Json.write(value));
    } catch (JsonProcessingException e) {
      throw new ControlError(
          500,
          "Cannot write the state of element '%s' as JSON: %s"
              .formatted(element, e.getOriginalMessage()));
    }
  }

  private Reply post(String element, HttpExchange exchange) throws IOException {
    requireJson(exchange.getRequestHeaders().get("Content-Type"));
    byte[] body = RequestThreads.readingBody(() -> readBody(exchange));
    states.read(element, List.of()); // 404 for an unknown element before judging the body
    JsonNode posted = Json.parse(body);
    states.write(element, posted);
    return Reply.json(200, Json.status("success", "Data received"));
  }

  private Reply graph(String rawQuery) throws IOException {
    String format = "dot";
    if (rawQuery != null) {
      for (String parameter : rawQuery.split("&")) {
        int equals = parameter.indexOf('=');
        if (equals > 0 && decode(parameter.substring(0, equals)).equals("format")) {
          format = decode(parameter.substring(equals + 1));
        }
      }
    }
    return switch (format) {
      case "dot" -> Reply.text(DOT, pipeline.toDot());
      case "mermaid" -> Reply.text(TEXT, pipeline.toMermaid());
      case "json" -> Reply.json(200, Json.write(GraphJson.of(pipeline)));
      case "svg" -> new Reply(200, SVG, GraphJson.svg(pipeline), Map.of());
      default ->
          throw ControlError.badRequest(
              "Unknown graph format '%s'; use format=dot, mermaid, svg or json".formatted(format));
    };
  }

  /**
   * Accepts {@code application/json}, with at most a {@code charset=utf-8} parameter: browsers send
   * a page's form posts as {@code text/plain}, {@code application/x-www-form-urlencoded} or {@code
   * multipart/form-data} to any site without asking it first, and those must not change state.
   *
   * @throws ControlError 415 naming what came and what is needed
   */
  private static void requireJson(List<String> contentTypes) {
    String needed =
        "; post JSON with the header Content-Type: application/json (a charset parameter may"
            + " only say utf-8), e.g. curl -H 'Content-Type: application/json' -d '{\"key\":1}'"
            + " <url>/post/<element>";
    if (contentTypes == null || contentTypes.isEmpty()) {
      throw ControlError.unsupportedMediaType("Content-Type is missing" + needed);
    }
    if (contentTypes.size() > 1) {
      throw ControlError.unsupportedMediaType(
          "Several Content-Type headers ('%s')".formatted(String.join("', '", contentTypes))
              + needed);
    }
    String contentType = contentTypes.get(0);
    if (!isJson(contentType)) {
      throw ControlError.unsupportedMediaType(
          "Content-Type '%s' is not accepted".formatted(contentType) + needed);
    }
  }

  private static boolean isJson(String contentType) {
    String[] parts = contentType.split(";", -1);
    if (!parts[0].trim().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
        return false;
      }
      String value = parameter.substring(equals + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (!value.equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }

  private static void requireMethod(String allowed, String method, String path) {
    if (!allowed.equals(method)) {
      throw ControlError.methodNotAllowed(method, path, allowed);
    }
  }

  private ControlError noRoute(String method, String path) {
    String p = tag == null ? "" : "/" + tag;
    return ControlError.notFound(
        "No route for "
            + method
            + " "
            + path
            + "; routes are: GET "
            + p
            + "/get/<element>[/<key>[/<key2>]], POST "
            + p
            + "/post/<element>, GET "
            + p
            + "/stats, GET "
            + p
            + "/metrics, GET "
            + p
            + "/graph[?format=dot|mermaid|svg|json], GET "
            + p
            + "/ (the live page)");
  }

  /** The decoded, non-empty segments of a raw path. */
  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(decode(raw));
      }
    }
    return segments;
  }

  /** Percent-decodes one path segment or query part; {@code +} stays a plus sign. */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ControlError.badRequest("Malformed percent-encoding in '%s'".formatted(raw));
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  private static long parseLength(String declared) {
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ControlError tooLarge() {
    return new ControlError(
        413,
        "Request body is over the 1 MiB limit (%d bytes); post only the keys to change"
            .formatted(MAX_BODY_BYTES));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    boolean bodyRead = RequestThreads.readingBody(() -> drain(exchange));
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    reply.headers().forEach(headers::set);
    if (!bodyRead) {
      headers.set("Connection", "close");
    }
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }

  /**
   * Reads what is left of the request body, up to {@link #MAX_DRAIN_BYTES}.
   *
   * @return true when the whole body was read, so the connection can serve another request
   */
  private static boolean drain(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > MAX_DRAIN_BYTES) {
      return false;
    }
    InputStream in = exchange.getRequestBody();
    byte[] buffer = new byte[8192];
    long left = MAX_DRAIN_BYTES;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        return true;
      }
      left -= read;
    }
    return in.read() < 0;
  }
}
