package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live page and the graph it draws, without a browser (LivePageBrowserTest has one). */
class LivePageTest {

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  @Test
  void thePageIsOneSelfContainedHtmlFile() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      var reply = client.get("/");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(reply.headers().get("cache-control")).containsExactly("no-store");
      assertThat(reply.body())
          .startsWith("<!DOCTYPE html>")
          .contains("request(\"graph?format=json\")", "request(\"stats\")")
          .doesNotContain("src=\"http", "href=\"http", "@import", "<link");
    }
  }

  @Test
  void underATagThePageIsAtTheTagsPath() throws Exception {
    try (var control = HttpControl.builder(TestElements.pipeline().pipeline()).tag("run7").build();
        var client = new ControlClient(control.url())) {
      var reply = client.get("");

      assertThat(control.url().getPath()).isEqualTo("/run7");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("text/html; charset=utf-8");
    }
  }

  @Test
  void theGraphAsJsonHasTheLayersLinksAndControllableElements() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      var graph = client.get("/graph?format=json").json();

      assertThat(graph.get("elements").toString())
          .isEqualTo(
              "[{\"name\":\"source\",\"type\":\"Knobs\",\"kind\":\"source\",\"layer\":0},"
                  + "{\"name\":\"scaler\",\"type\":\"ComposedTransformElement\",\"kind\":\"transform\",\"layer\":1,"
                  + "\"inner\":[\"gain\"]},"
                  + "{\"name\":\"meter\",\"type\":\"Meter\",\"kind\":\"sink\",\"layer\":2},"
                  + "{\"name\":\"quiet\",\"type\":\"NullSink\",\"kind\":\"sink\",\"layer\":1}]");
      assertThat(graph.get("links").toString())
          .isEqualTo(
              "[{\"from\":\"scaler\",\"to\":\"meter\"},{\"from\":\"source\",\"to\":\"quiet\"},"
                  + "{\"from\":\"source\",\"to\":\"scaler\"}]");
      assertThat(graph.get("controllable").toString()).isEqualTo("[\"source\",\"gain\",\"meter\"]");
    }
  }

  @Test
  void theSvgIsGraphvizsWhenDotIsInstalledElseTheLayeredDrawing() throws Exception {
    var pipeline =
        new Pipeline("svg")
            .handleSignals(false)
            .connect(
                IterSource.of("numbers", "in", List.of(1)),
                new CollectSink("collect", List.of("in")));
    try (var control = HttpControl.start(pipeline);
        var client = new ControlClient(control.url())) {
      var reply = client.get("/graph?format=svg");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("image/svg+xml");
      assertThat(reply.body()).contains("<svg", "numbers", "collect");
    }
    assertThat(GraphJson.layered(pipeline))
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"460\" height=\"84\"")
        .contains("<line x1=\"200\" y1=\"42\" x2=\"260\" y2=\"42\" stroke=\"#555\"/>")
        .contains(">numbers</text>", ">IterSource</text>", ">collect</text>");
  }

  @Test
  void statsNameThePipelineTheRunItsStateAndItsError() throws Exception {
    var pipeline =
        new Pipeline("stats-test")
            .handleSignals(false)
            .connect(
                IterSource.of("numbers", "in", List.of(1)),
                new CollectSink("collect", List.of("in")));
    try (var control = HttpControl.start(pipeline);
        var client = new ControlClient(control.url())) {
      var before = client.get("/stats").json();
      assertThat(before.get("pipeline").asText()).isEqualTo("stats-test");
      assertThat(before.get("state").isNull()).isTrue();
      assertThat(before.get("error").isNull()).isTrue();

      pipeline.run();
      var after = client.get("/stats").json();
      assertThat(after.get("run").asText()).isEqualTo("stats-test#1");
      assertThat(after.get("state").asText()).isEqualTo("COMPLETED");
      assertThat(after.get("error").isNull()).isTrue();
    }
  }
}
