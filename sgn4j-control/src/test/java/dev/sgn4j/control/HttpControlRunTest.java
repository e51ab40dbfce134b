package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Await;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The server next to a running pipeline: what clients do never harms the run. */
class HttpControlRunTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
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

  @RepeatedTest(5)
  void statesAreReadAndWrittenFromTheServerWhileAPipelinedRunCallsTheElementsOnItsPool()
      throws Exception {
    var graph = TestElements.pipeline();
    graph.pipeline().scheduler(dev.sgn4j.Scheduler.PIPELINED);
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      CompletableFuture<Void> run = CompletableFuture.runAsync(control::run);
      await(() -> !body(client, "/get/meter/received").equals("0"), "the first frame");

      assertThat(client.get("/stats").json().get("running").asBoolean()).isTrue();
      assertThat(client.post("/post/source", "{\"message\":\"Pipelined\"}").status())
          .isEqualTo(200);
      await(
          () -> body(client, "/get/meter/last").startsWith("\"Pipelined #"),
          "a frame with the posted message");

      assertThat(client.post("/post/source", "{\"eos\":true}").status()).isEqualTo(200);
      run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(client.get("/stats").json().get("running").asBoolean()).isFalse();
    }
  }

  @RepeatedTest(5)
  void postsChangeTheFramesOfARunningPipelineAndBadRequestsDoNotHarmIt() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      CompletableFuture<Void> run = CompletableFuture.runAsync(control::run);
      await(() -> !body(client, "/get/meter/received").equals("0"), "the first frame");

      // While it runs: every kind of bad request, each answered, none felt by the run.
      assertThat(client.post("/post/source", "{broken").status()).isEqualTo(400);
      assertThat(client.post("/post/source", "").status()).isEqualTo(400);
      assertThat(client.post("/post/source", "[1]").status()).isEqualTo(400);
      assertThat(client.post("/post/source", "{\"volume\":1}").status()).isEqualTo(400);
      assertThat(client.post("/post/source", "{\"count\":\"many\"}").status()).isEqualTo(400);
      assertThat(client.post("/post/nope", "{}").status()).isEqualTo(404);
      assertThat(client.get("/get/source/nope").status()).isEqualTo(404);
      assertThat(client.get("/get/source/a/b/c").status()).isEqualTo(404);
      assertThat(client.send("DELETE", "/get/source", BodyPublishers.noBody()).status())
          .isEqualTo(405);
      assertThat(
              client
                  .send("POST", "/post/source", BodyPublishers.ofByteArray(new byte[2 << 20]))
                  .status())
          .isEqualTo(413);
      assertThat(client.get("/stats").json().get("running").asBoolean()).isTrue();
      assertThat(client.get("/get/source").json().fieldNames())
          .toIterable()
          .hasSize(TestElements.Knobs.KEYS.split(", ").length);
      assertThat(run).isNotDone();

      assertThat(client.post("/post/source", "{\"message\":\"Updated message\"}").body())
          .isEqualTo("{\"status\":\"success\",\"message\":\"Data received\"}");
      await(
          () -> body(client, "/get/meter/last").startsWith("\"Updated message #"),
          "a frame with the posted message");

      assertThat(client.post("/post/source", "{\"eos\":true}").status()).isEqualTo(200);
      run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS); // ends normally, by EOS

      int count = (Integer) graph.source().state.get("count");
      assertThat(graph.meter().state.get("received")).isEqualTo((long) count);
      assertThat(graph.meter().state.get("last")).isEqualTo("Updated message #" + count);
    }
  }

  @Test
  void pipelineStopEndsARunThatTheServerOutlivesUntilClosed() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      CompletableFuture<Void> run = CompletableFuture.runAsync(control::run);
      await(() -> !body(client, "/get/meter/received").equals("0"), "the first frame");

      graph.pipeline().stop();
      run.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

      assertThat(client.get("/stats").json().get("running").asBoolean()).isFalse();
      assertThat(client.get("/get/meter/received").body())
          .isEqualTo(graph.source().state.get("count").toString());
    }
  }

  @Test
  void closeLetsARequestBeingAnsweredFinish() throws Exception {
    var reading = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pipeline =
        new dev.sgn4j.Pipeline()
            .connect(
                new dev.sgn4j.elements.NullSource("idle", List.of("out"), 1, Duration.ZERO),
                new TestElements.Odd(
                    "slow",
                    () -> {
                      reading.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return Map.of("done", true);
                    }));
    var control = HttpControl.start(pipeline);
    try (var client = new ControlClient(control.url())) {
      var reply = CompletableFuture.supplyAsync(() -> body(client, "/get/slow"));
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

      var closing = CompletableFuture.runAsync(control::close);
      release.countDown();
      closing.get(10, TimeUnit.SECONDS);

      assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("{\"done\":true}");
    } finally {
      control.close();
    }
  }

  @Test
  void aRequestToAMissingElementDuringTheRunNamesTheElements() throws Exception {
    var graph = TestElements.pipeline();
    graph.source().state.put("eos", true);
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      control.run();

      assertThat(client.get("/get/missing").body())
          .isEqualTo(
              error(
                  "No controllable element named 'missing'; controllable elements: source, gain,"
                      + " meter"));
    }
  }
}
