package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes besides get and post: graph, stats, unknown routes, wrong methods, the tag. */
class HttpControlRoutesTest {

  private static final String ROUTES =
      "routes are: GET /get/<element>[/<key>[/<key2>]], POST /post/<element>, GET /stats, GET"
          + " /metrics, GET /graph[?format=dot|mermaid|svg|json], GET / (the live page)";

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  @Test
  void graphAnswersTheDotText() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      var reply = client.get("/graph");
      var explicit = client.get("/graph?format=dot");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("text/vnd.graphviz; charset=utf-8");
      assertThat(reply.body()).isEqualTo(graph.pipeline().toDot()).startsWith("digraph");
      assertThat(explicit.body()).isEqualTo(reply.body());
    }
  }

  @Test
  void graphWithFormatMermaidAnswersTheMermaidText() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      var reply = client.get("/graph?format=mermaid");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("text/plain; charset=utf-8");
      assertThat(reply.body()).isEqualTo(graph.pipeline().toMermaid());
    }
  }

  @Test
  void anUnknownGraphFormatIs400() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      var reply = client.get("/graph?format=png");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.body())
          .isEqualTo(error("Unknown graph format 'png'; use format=dot, mermaid, svg or json"));
    }
  }

  @Test
  void statsBeforeAnyRunAreEmpty() throws Exception {
    var pipeline = TestElements.pipeline().pipeline();
    try (var control = HttpControl.start(pipeline);
        var client = new ControlClient(control.url())) {
      var reply = client.get("/stats");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("application/json");
      assertThat(reply.body())
          .isEqualTo(
              "{\"pipeline\":\""
                  + pipeline.name()
                  + "\",\"run\":null,\"state\":null,\"error\":null,\"iterations\":0,"
                  + "\"elapsed_ns\":0,\"running\":false,\"elements\":[]}");
    }
  }

  @Test
  void statsAfterARunCountEveryElementAndPad() throws Exception {
    var graph = TestElements.pipeline();
    graph.source().state.put("eos", true); // the first frame ends the run
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      control.run();

      var stats = client.get("/stats").json();

      assertThat(stats.get("iterations").asLong()).isEqualTo(1);
      assertThat(stats.get("running").asBoolean()).isFalse();
      assertThat(stats.get("elapsed_ns").asLong()).isPositive();
      List<String> names =
          stats.get("elements").valueStream().map(e -> e.get("name").asText()).toList();
      assertThat(names).containsExactlyInAnyOrder("source", "gain", "meter", "quiet");
      var meter =
          stats
              .get("elements")
              .valueStream()
              .filter(e -> e.get("name").asText().equals("meter"))
              .findFirst()
              .orElseThrow();
      assertThat(meter.get("frames_in").asLong()).isEqualTo(1);
      assertThat(meter.get("eos").asLong()).isEqualTo(1);
      assertThat(meter.get("at_eos").asBoolean()).isTrue();
      assertThat(meter.get("eos_iteration").asLong()).isEqualTo(1);
      assertThat(meter.get("eos_elapsed_ns").asLong())
          .isPositive()
          .isLessThanOrEqualTo(stats.get("elapsed_ns").asLong());
      assertThat(meter.get("pads").get(0).get("pad").asText()).isEqualTo("meter:snk:in");
      assertThat(meter.fieldNames())
          .toIterable()
          .containsExactly(
              "name",
              "type",
              "calls",
              "frames_in",
              "frames_out",
              "gaps",
              "eos",
              "at_eos",
              "eos_iteration",
              "eos_elapsed_ns",
              "time_ns",
              "mean_ns",
              "p99_ns",
              "extra",
              "pads");
    }
  }

  @Test
  void anUnknownRouteIs404ListingTheRoutes() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      for (String path : List.of("/nothing/here", "/get", "/get/source/a/b/c", "/post")) {
        var reply = client.get(path);

        assertThat(reply.status()).as(path).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.body()).isEqualTo(error("No route for GET " + path + "; " + ROUTES));
      }
      var post = client.post("/post/source/extra", "{}");
      assertThat(post.status()).isEqualTo(404);
      assertThat(post.body()).isEqualTo(error("No route for POST /post/source/extra; " + ROUTES));
    }
  }

  @Test
  void aWrongMethodIs405WithTheAllowedOne() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      record Case(String method, String path, String allowed) {}
      for (var c :
          List.of(
              new Case("POST", "/get/source", "GET"),
              new Case("PUT", "/get/source/message", "GET"),
              new Case("GET", "/post/source", "POST"),
              new Case("DELETE", "/post/source", "POST"),
              new Case("POST", "/stats", "GET"),
              new Case("PUT", "/graph", "GET"))) {
        var reply = client.send(c.method(), c.path(), BodyPublishers.ofString("{}"));

        assertThat(reply.status()).as(c.toString()).isEqualTo(405);
        assertThat(reply.headers().get("allow")).isEqualTo(List.of(c.allowed()));
        assertThat(reply.body())
            .isEqualTo(
                error(
                    "Method %s is not allowed on %s; use %s"
                        .formatted(c.method(), c.path(), c.allowed())));
      }
    }
  }

  @Test
  void withATagEveryRouteIsUnderIt(@TempDir Path dir) throws Exception {
    var graph = TestElements.pipeline();
    Path registry = dir.resolve("registry.txt");
    try (var control =
            HttpControl.builder(graph.pipeline()).tag("run-7").registryFile(registry).build();
        var client = new ControlClient(control.url())) {
      var root =
          new ControlClient(java.net.URI.create("http://127.0.0.1:" + control.url().getPort()));
      try (root) {
        assertThat(control.url().toString()).endsWith("/run-7");
        assertThat(Files.readString(registry)).isEqualTo(control.url().toString());

        assertThat(client.get("/get/source/message").body()).isEqualTo("\"Hello, World!\"");
        assertThat(client.post("/post/source", "{\"count\":3}").status()).isEqualTo(200);
        assertThat(client.get("/graph").status()).isEqualTo(200);
        assertThat(graph.source().state.get("count")).isEqualTo(3);

        var untagged = root.get("/get/source");
        assertThat(untagged.status()).isEqualTo(404);
        assertThat(untagged.body())
            .isEqualTo(
                error(
                    "No route for GET /get/source; routes are: GET /run-7/get/<element>[/<key>"
                        + "[/<key2>]], POST /run-7/post/<element>, GET /run-7/stats, GET"
                        + " /run-7/metrics, GET /run-7/graph[?format=dot|mermaid|svg|json], GET"
                        + " /run-7/ (the live page)"));
        assertThat(root.get("/other-tag/get/source").status()).isEqualTo(404);
      }
    }
  }
}
