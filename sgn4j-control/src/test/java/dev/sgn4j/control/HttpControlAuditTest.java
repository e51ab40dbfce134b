package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the other HTTP tests leave out, against the real server on a real socket: the logged URL,
 * every bad input answered with its exact body while a pipeline runs, requests the JDK's HTTP
 * client refuses to send, and the exact bodies of {@code /stats}, {@code /graph} and posts under a
 * tag.
 */
class HttpControlAuditTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String ROUTES =
      "routes are: GET /get/<element>[/<key>[/<key2>]], POST /post/<element>, GET /stats, GET"
          + " /metrics, GET /graph[?format=dot|mermaid|svg|json], GET / (the live page)";
  private static final String SUCCESS = "{\"status\":\"success\",\"message\":\"Data received\"}";
  private static final String CONTROLLABLE = "controllable elements: source, gain, meter";

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  @Test
  void theChosenUrlIsLoggedAtStartAndStop(@TempDir Path dir) throws Exception {
    Path registry = dir.resolve("registry.txt");
    String url;
    try (var log = new LogCapture()) {
      try (var control =
          HttpControl.builder(TestElements.pipeline().pipeline())
              .port(0)
              .registryFile(registry)
              .build()) {
        url = control.url().toString();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(Files.readString(registry)).isEqualTo(url);
      }

      assertThat(log.messages)
          .containsExactly(
              "INFO HTTP control running on %s (GET %s/get/<element>, POST %s/post/<element>)"
                  .formatted(url, url, url),
              "INFO HTTP control at %s stopped".formatted(url));
    }
  }

  /** Asks {@code condition} again and again until it holds, failing after the deadline. */
  private static void await(BooleanSupplier condition, String what) {
    Await.until(what, condition, DEADLINE);
  }

  private static String body(ControlClient client, String path) {
    try {
      return client.get(path).body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private record Expected(int status, String body) {}

  private static void assertReply(ControlClient.Reply reply, Expected expected, String what) {
    assertThat(reply.status()).as(what).isEqualTo(expected.status());
    assertThat(reply.contentType()).as(what).isEqualTo("application/json");
    assertThat(reply.body()).as(what).isEqualTo(expected.body());
  }

  @Test
  void everyBadInputWhileRunningGetsItsExactErrorAndTheRunGoesOn() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      CompletableFuture<Void> run = CompletableFuture.runAsync(control::run);
      await(() -> !body(client, "/get/meter/received").equals("0"), "the first frame");
      String notAnObject =
          "Invalid JSON: expected an object of state keys and their new values, like {\"key\":"
              + " value}, but got ";
      String tooLarge =
          "Request body is over the 1 MiB limit (1048576 bytes); post only the keys to change";

      assertReply(
          client.post("/post/source", "{\"message\": "),
          new Expected(
              400,
              error(
                  "Invalid JSON at line 1, column 13: Unexpected end-of-input within/between"
                      + " Object entries")),
          "truncated JSON");
      assertReply(
          client.post("/post/source", "{message: 1}"),
          new Expected(
              400,
              error(
                  "Invalid JSON at line 1, column 2: Unexpected character ('m' (code 109)): was"
                      + " expecting double-quote to start field name")),
          "unquoted key");
      assertReply(
          client.post("/post/source", ""),
          new Expected(400, error("Invalid JSON: the request body is empty")),
          "empty body");
      assertReply(
          client.post("/post/source", "[1]"),
          new Expected(400, error(notAnObject + "an array: [1]")),
          "an array");
      assertReply(
          client.post("/post/source", "{\"volume\":1}"),
          new Expected(
              400,
              error(
                  "Cannot set 'volume' of element 'source': no such key; its keys are: "
                      + TestElements.Knobs.KEYS)),
          "unknown key");
      assertReply(
          client.post("/post/source", "{\"count\":\"many\"}"),
          new Expected(
              400,
              error(
                  "Cannot set 'count' of element 'source': expected an int (a whole number from"
                      + " -2147483648 to 2147483647), got \"many\"")),
          "wrong type");
      assertReply(
          client.post("/post/nope", "{}"),
          new Expected(404, error("No controllable element named 'nope'; " + CONTROLLABLE)),
          "unknown element, post");
      assertReply(
          client.post("/post/quiet", "{}"),
          new Expected(
              404,
              error(
                  "Element 'quiet' is not controllable: it does not implement"
                      + " dev.sgn4j.Controllable; "
                      + CONTROLLABLE)),
          "element that did not opt in, post");
      assertReply(
          client.get("/get/nope"),
          new Expected(404, error("No controllable element named 'nope'; " + CONTROLLABLE)),
          "unknown element, get");
      assertReply(
          client.get("/get/source/nope"),
          new Expected(404, error("nope not in data")),
          "unknown key");
      assertReply(
          client.get("/get/source/limits/nope"),
          new Expected(404, error("nope not in data[limits]")),
          "unknown second key");
      assertReply(
          client.get("/get/source/a/b/c"),
          new Expected(404, error("No route for GET /get/source/a/b/c; " + ROUTES)),
          "too many keys");
      assertReply(
          client.send("DELETE", "/get/source", BodyPublishers.noBody()),
          new Expected(405, error("Method DELETE is not allowed on /get/source; use GET")),
          "wrong method");
      assertReply(
          client.send("POST", "/post/source", BodyPublishers.ofByteArray(new byte[2 << 20])),
          new Expected(413, error(tooLarge)),
          "oversized body");
      assertReply(
          client.get("/graph?format=png"),
          new Expected(
              400, error("Unknown graph format 'png'; use format=dot, mermaid, svg or json")),
          "unknown graph format");

      assertThat(run).isNotDone();
      assertThat(client.get("/stats").json().get("running").asBoolean()).isTrue();
      assertReply(client.post("/post/source", "{\"eos\":true}"), new Expected(200, SUCCESS), "eos");
      run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS); // ends normally, by EOS
      assertThat(graph.meter().state.get("received"))
          .isEqualTo((long) (Integer) graph.source().state.get("count"));
    }
  }

  /** Sends {@code request} as it is on a plain socket and returns the whole reply. */
  private static String raw(java.net.URI url, String request) throws IOException {
    try (var socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A path with broken percent-encoding never reaches the control handler: the JDK's server rejects
   * the request line itself (its own 400 page, not JSON) and goes on serving. It stays so: the JDK
   * server parses the request URI before it makes an exchange, so no handler or filter sees such a
   * request, and only replacing the JDK server would answer it in JSON.
   */
  @Test
  void malformedPercentEncodingIs400FromTheJdkServerWhichGoesOn() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      for (String bad : List.of("%zz", "%2")) {
        String reply =
            raw(
                control.url(),
                "GET /get/source/" + bad + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(reply).as(bad).startsWith("HTTP/1.1 400 Bad Request\r\n");
        assertThat(reply.lines().toList().getLast())
            .as(bad)
            .isEqualTo("<h1>400 Bad Request</h1>URISyntaxException thrown");
      }
      assertReply(client.get("/get/source/count"), new Expected(200, "0"), "afterwards");
    }
  }

  @Test
  void statsAfterARunAreExactlyThePipelinesStatsAsJson() throws Exception {
    var graph = TestElements.pipeline();
    graph.source().state.put("eos", true);
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      control.run();

      var reply = client.get("/stats");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("application/json");
      assertThat(reply.body())
          .isEqualTo(
              new String(Json.write(StatsJson.of(graph.pipeline())), StandardCharsets.UTF_8));
    }
  }

  @Test
  void underATagEveryRouteAnswersExactlyAsWithout() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.builder(graph.pipeline()).tag("run7").build();
        var client = new ControlClient(control.url())) {
      assertReply(client.get("/get/source/limits/high"), new Expected(200, "10"), "get");
      assertReply(
          client.post("/post/source", "{\"enabled\":false}"), new Expected(200, SUCCESS), "post");
      assertReply(client.get("/get/source/enabled"), new Expected(200, "false"), "typed get");
      assertReply(
          client.get("/stats"),
          new Expected(
              200,
              "{\"pipeline\":\""
                  + graph.pipeline().name()
                  + "\",\"run\":null,\"state\":null,\"error\":null,\"iterations\":0,"
                  + "\"elapsed_ns\":0,\"running\":false,\"elements\":[]}"),
          "stats");
      var dot = client.get("/graph");
      assertThat(dot.status()).isEqualTo(200);
      assertThat(dot.body()).isEqualTo(graph.pipeline().toDot());
      var mermaid = client.get("/graph?format=mermaid");
      assertThat(mermaid.status()).isEqualTo(200);
      assertThat(mermaid.body()).isEqualTo(graph.pipeline().toMermaid());
      assertReply(
          client.get("/get/source/nope"), new Expected(404, error("nope not in data")), "error");
    }
  }

  @Test
  void getAnswersEveryValueTypeAsItsJson() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      record Case(String key, String json) {}
      for (var c :
          List.of(
              new Case("message", "\"Hello, World!\""),
              new Case("count", "0"),
              new Case("total", "0"),
              new Case("ratio", "0.5"),
              new Case("scale", "1.5"),
              new Case("enabled", "true"),
              new Case("colour", "\"RED\""),
              new Case("values", "[1,2,3]"),
              new Case("weights", "[0.5,0.25]"),
              new Case("price", "9.99"),
              new Case("eos", "false"))) {
        assertReply(client.get("/get/source/" + c.key()), new Expected(200, c.json()), c.key());
      }
      assertReply(client.get("/get/source/weights/1"), new Expected(200, "0.25"), "list item");
    }
  }
}
