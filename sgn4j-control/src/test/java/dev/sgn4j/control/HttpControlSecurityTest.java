package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a loopback server refuses whoever sends it, over raw sockets so that the test chooses every
 * header: a Host that does not name it (DNS rebinding), a post from another origin, a post that is
 * not JSON (a web page's form post). Each refusal is an exact JSON error and changes nothing.
 */
class HttpControlSecurityTest {

  private static final String SUCCESS = "{\"status\":\"success\",\"message\":\"Data received\"}";
  private static final String JSON = "Content-Type: application/json";
  private static final String NEEDED =
      "; post JSON with the header Content-Type: application/json (a charset parameter may only"
          + " say utf-8), e.g. curl -H 'Content-Type: application/json' -d '{\"key\":1}'"
          + " <url>/post/<element>";

  private TestElements.Graph graph;
  private Map<String, Object> state;
  private HttpControl control;
  private URI url;
  private int port;

  @BeforeEach
  void start() {
    graph = TestElements.pipeline();
    state = graph.source().state;
    control = HttpControl.start(graph.pipeline());
    url = control.url();
    port = url.getPort();
  }

  @AfterEach
  void stop() throws InterruptedException {
    control.close();
    ServerThreads.assertNoneLeft();
  }

  private String host() {
    return "Host: 127.0.0.1:" + port;
  }

  private String allowedHosts() {
    return "127.0.0.1:%d, localhost:%d, [::1]:%d".formatted(port, port, port);
  }

  private String allowedOrigins() {
    return "http://127.0.0.1:%d, http://localhost:%d, http://[::1]:%d".formatted(port, port, port);
  }

  private int otherPort() {
    return port == 65535 ? port - 1 : port + 1;
  }

  private static void assertReply(RawHttp.Reply reply, int status, String body, String what) {
    assertThat(reply.status()).as(what).isEqualTo(status);
    assertThat(reply.headers()).as(what).containsEntry("content-type", "application/json");
    assertThat(reply.body()).as(what).isEqualTo(body);
  }

  /** Posts {@code body} to {@code /post/source} with these header lines, on a raw socket. */
  private RawHttp.Reply postSource(String body, String... headerLines) throws java.io.IOException {
    return RawHttp.send(url, RawHttp.request("POST", "/post/source", body, headerLines));
  }

  @Test
  void theLoopbackNamesWithThePortAreAcceptedAsHost() throws Exception {
    for (String host :
        List.of(
            "127.0.0.1:" + port,
            "localhost:" + port,
            "LocalHost:" + port,
            "[::1]:" + port,
            "[0:0:0:0:0:0:0:1]:" + port)) {
      var reply = RawHttp.send(url, RawHttp.get("/get/source/count", "Host: " + host));

      assertReply(reply, 200, "0", host);
    }
  }

  @Test
  void aForeignHostIs403NamingTheAllowedOnes() throws Exception {
    for (String host :
        List.of(
            "evil.example:" + port,
            "evil.example",
            "127.0.0.1:" + otherPort(),
            "127.0.0.1",
            "localhost.:" + port,
            "127.0.0.1:" + port + ":" + port,
            "[::2]:" + port,
            "[::1:" + port,
            "127.0.0.1:" + port + "0",
            "0.0.0.0:" + port)) {
      var reply = RawHttp.send(url, RawHttp.get("/get/source/count", "Host: " + host));

      assertReply(
          reply,
          403,
          error("Host header '%s' is not allowed; use one of: %s".formatted(host, allowedHosts())),
          host);
    }
  }

  /** DNS rebinding: a page whose host name now points at 127.0.0.1 posts to it as its own site. */
  @Test
  void aPostForAForeignHostIs403AndChangesNothing() throws Exception {
    Map<String, Object> before = new HashMap<>(state);
    String host = "rebound.evil.example:" + port;

    var reply =
        postSource("{\"message\":\"pwned\"}", "Host: " + host, "Origin: http://" + host, JSON);

    assertReply(
        reply,
        403,
        error("Host header '%s' is not allowed; use one of: %s".formatted(host, allowedHosts())),
        "post");
    assertThat(state).isEqualTo(before);
  }

  @Test
  void aMissingHostIs403OnHttp11ButAnHttp10RequestMayLackIt() throws Exception {
    var http11 = RawHttp.send(url, "GET /get/source/count HTTP/1.1\r\nConnection: close\r\n\r\n");
    var http10 = RawHttp.send(url, "GET /get/source/count HTTP/1.0\r\n\r\n");

    assertReply(
        http11,
        403,
        error("Missing Host header; HTTP/1.1 requests must send one of: " + allowedHosts()),
        "HTTP/1.1");
    assertReply(http10, 200, "0", "HTTP/1.0");
  }

  @Test
  void twoHostHeadersAre403() throws Exception {
    var reply =
        RawHttp.send(url, RawHttp.get("/get/source/count", host(), "Host: evil.example:" + port));

    assertReply(
        reply,
        403,
        error(
            "Several Host headers ('127.0.0.1:%d', 'evil.example:%d'); send one, one of: %s"
                .formatted(port, port, allowedHosts())),
        "two Host headers");
  }

  @Test
  void aPostFromAPageOfAnotherOriginIs403AndChangesNothing() throws Exception {
    Map<String, Object> before = new HashMap<>(state);
    for (String origin :
        List.of(
            "http://evil.example",
            "http://evil.example:" + port,
            "null",
            "https://127.0.0.1:" + port,
            "http://127.0.0.1:" + otherPort(),
            "http://127.0.0.1:" + port + "/",
            "http://127.0.0.1")) {
      var reply = postSource("{\"message\":\"pwned\"}", host(), "Origin: " + origin, JSON);

      assertReply(
          reply,
          403,
          error(
              ("Origin '%s' may not change state: web pages may post only from this server's own"
                      + " origin, one of: %s (clients that are not browsers send no Origin"
                      + " header)")
                  .formatted(origin, allowedOrigins())),
          origin);
    }
    assertThat(state).isEqualTo(before);
  }

  @Test
  void aPostFromTheServersOwnOriginOrWithoutOriginIsAccepted() throws Exception {
    int count = 0;
    for (String origin :
        List.of(
            "http://127.0.0.1:" + port,
            "http://localhost:" + port,
            "http://[::1]:" + port,
            "HTTP://LOCALHOST:" + port)) {
      count++;
      var reply = postSource("{\"count\":" + count + "}", host(), "Origin: " + origin, JSON);

      assertReply(reply, 200, SUCCESS, origin);
      assertThat(state.get("count")).isEqualTo(count);
    }
    var withoutOrigin = postSource("{\"count\":9}", host(), JSON);
    assertReply(withoutOrigin, 200, SUCCESS, "no Origin");
    assertThat(state.get("count")).isEqualTo(9);
  }

  /** Reading is not refused: the reply has no CORS header, so a browser keeps it from the page. */
  @Test
  void aGetWithAnotherOriginIsAnsweredWithoutCorsHeaders() throws Exception {
    var reply =
        RawHttp.send(url, RawHttp.get("/get/source/count", host(), "Origin: http://evil.example"));

    assertReply(reply, 200, "0", "get");
    assertThat(reply.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
  }

  /** The review's exploit: a page's text/plain form post that set the message to "pwned=". */
  @Test
  void aFormPostAsTextPlainIs415AndChangesNothing() throws Exception {
    var reply = postSource("{\"message\":\"pwned=\"}", host(), "Content-Type: text/plain");

    assertReply(
        reply, 415, error("Content-Type 'text/plain' is not accepted" + NEEDED), "text/plain");
    assertThat(state.get("message")).isEqualTo("Hello, World!");
  }

  @Test
  void aPostThatIsNotJsonIs415NamingWhatCameAndWhatIsNeeded() throws Exception {
    Map<String, Object> before = new HashMap<>(state);
    for (String contentType :
        List.of(
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/plain;charset=UTF-8",
            "application/json; charset=iso-8859-1",
            "application/json; version=2",
            "application/jsonp",
            "application/json-patch+json")) {
      var reply = postSource("{\"count\":5}", host(), "Content-Type: " + contentType);

      assertReply(
          reply,
          415,
          error("Content-Type '%s' is not accepted".formatted(contentType) + NEEDED),
          contentType);
    }
    var missing = postSource("{\"count\":5}", host());
    assertReply(missing, 415, error("Content-Type is missing" + NEEDED), "no Content-Type");
    var twice = postSource("{\"count\":5}", host(), JSON, "Content-Type: text/plain");
    assertReply(
        twice,
        415,
        error("Several Content-Type headers ('application/json', 'text/plain')" + NEEDED),
        "two Content-Types");
    assertThat(state).isEqualTo(before);
  }

  @Test
  void applicationJsonWithAnUtf8CharsetOrInAnyCaseIsAccepted() throws Exception {
    int count = 0;
    for (String contentType :
        List.of(
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON;Charset=\"UTF-8\"")) {
      count++;
      var reply = postSource("{\"count\":" + count + "}", host(), "Content-Type: " + contentType);

      assertReply(reply, 200, SUCCESS, contentType);
      assertThat(state.get("count")).isEqualTo(count);
    }
  }

  @Test
  void theChecksComeBeforeRoutingAndTheMethod() throws Exception {
    var foreignHost = RawHttp.send(url, RawHttp.get("/nothing/here", "Host: evil.example"));
    var wrongMethod =
        RawHttp.send(url, RawHttp.request("DELETE", "/post/source", "", host(), JSON));

    assertReply(
        foreignHost,
        403,
        error("Host header 'evil.example' is not allowed; use one of: " + allowedHosts()),
        "host");
    assertReply(
        wrongMethod,
        405,
        error("Method DELETE is not allowed on /post/source; use POST"),
        "405 before 415");
  }
}
