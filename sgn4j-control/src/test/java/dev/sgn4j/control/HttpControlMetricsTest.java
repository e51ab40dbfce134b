package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /metrics: the pipeline's figures in Prometheus' formats, read back by its own parser. */
class HttpControlMetricsTest {

  private static final String PROTOBUF =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  /** {@code numbers -> square (2 worker threads) -> collect}, run to its end. */
  private static Pipeline finishedRun() {
    var numbers = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var square =
        ParallelTransformElement.builder("square")
            .workers(2)
            .map(f -> f.withData(f.dataAs(Integer.class) * f.dataAs(Integer.class)))
            .build();
    var pipeline =
        new Pipeline("m1")
            .handleSignals(false)
            .connect(numbers, square)
            .connect(square, new CollectSink("collect", List.of("in")));
    pipeline.run();
    return pipeline;
  }

  @Test
  void metricsAreThePrometheusTextFormatWithTheRunsFigures() throws Exception {
    var pipeline = finishedRun();
    try (var control = HttpControl.start(pipeline);
        var client = new ControlClient(control.url())) {
      var reply = client.get("/metrics");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
      assertThat(reply.body().lines())
          .contains(
              "# TYPE sgn4j_run_iterations_total counter",
              "sgn4j_run_state{pipeline=\"m1\",state=\"COMPLETED\"} 1.0",
              "sgn4j_run_state{pipeline=\"m1\",state=\"RUNNING\"} 0.0",
              "sgn4j_element_at_eos{element=\"collect\",pipeline=\"m1\",type=\"CollectSink\"} 1.0",
              "sgn4j_pad_frames_total{element=\"numbers\",pad=\"numbers:src:out\",pipeline=\"m1\"}"
                  + " 3.0",
              "sgn4j_pad_eos_total{element=\"collect\",pad=\"collect:snk:in\",pipeline=\"m1\"} 1.0",
              "sgn4j_worker_count{element=\"square\",mode=\"THREAD\",pipeline=\"m1\"} 2.0",
              "sgn4j_worker_queued_in{element=\"square\",mode=\"THREAD\",pipeline=\"m1\"} 0.0",
              "# HELP sgn4j_pad_time_seconds_total Time in the pad's callback, estimated: calls are"
                  + " timed on one pass in 128 and scaled up to all calls.")
          .anyMatch(line -> line.matches("sgn4j_run_iterations_total\\{pipeline=\"m1\"} \\d+\\.0"));
    }
  }

  @Test
  void prometheusOwnParserReadsTheProtobufExposition() throws Exception {
    var pipeline = finishedRun();
    try (var control = HttpControl.start(pipeline);
        var http = HttpClient.newHttpClient()) {
      HttpResponse<byte[]> reply =
          http.send(
              HttpRequest.newBuilder(control.url().resolve("/metrics"))
                  .header("Accept", PROTOBUF)
                  .timeout(ControlClient.TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
      List<Metrics.MetricFamily> families = new ArrayList<>();
      try (InputStream in = new ByteArrayInputStream(reply.body())) {
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
          families.add(family);
        }
      }
      assertThat(families.stream().map(Metrics.MetricFamily::getName))
          .contains(
              "sgn4j_run_iterations_total",
              "sgn4j_run_state",
              "sgn4j_pad_frames_total",
              "sgn4j_pad_time_seconds_total",
              "sgn4j_worker_count",
              "sgn4j_jvm_threads");
      Map<String, Double> frames = new TreeMap<>();
      for (var family : families) {
        if (family.getName().equals("sgn4j_pad_frames_total")) {
          for (var metric : family.getMetricList()) {
            String pad =
                metric.getLabelList().stream()
                    .filter(l -> l.getName().equals("pad"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            frames.put(pad, metric.getCounter().getValue());
          }
        }
      }
      assertThat(frames)
          .containsEntry("numbers:src:out", 3.0)
          .containsEntry("square:snk:in", 3.0)
          .containsEntry("square:src:out", 3.0)
          .containsEntry("collect:snk:in", 3.0);
    }
  }

  @Test
  void beforeTheFirstRunEveryStateIsZero() throws Exception {
    var pipeline =
        new Pipeline("idle")
            .handleSignals(false)
            .connect(
                IterSource.of("numbers", "in", List.of(1)),
                new CollectSink("collect", List.of("in")));
    try (var control = HttpControl.start(pipeline);
        var client = new ControlClient(control.url())) {
      var body = client.get("/metrics").body();

      assertThat(body.lines().filter(l -> l.startsWith("sgn4j_run_state{")))
          .hasSize(7)
          .allMatch(l -> l.endsWith(" 0.0"));
      assertThat(body.lines()).contains("sgn4j_run_iterations_total{pipeline=\"idle\"} 0.0");
    }
  }
}
