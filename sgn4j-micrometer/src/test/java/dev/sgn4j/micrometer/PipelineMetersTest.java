package dev.sgn4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineMetersTest {

  private static Pipeline pipeline() {
    var numbers = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var square =
        ParallelTransformElement.builder("square")
            .map(f -> f.withData(f.dataAs(Integer.class) * f.dataAs(Integer.class)))
            .build();
    return new Pipeline("m1")
        .handleSignals(false)
        .connect(numbers, square)
        .connect(square, new CollectSink("collect", List.of("in")));
  }

  @Test
  void theMetersReadTheRunsFiguresTaggedWithThePipelineElementAndPad() {
    var pipeline = pipeline();
    var registry = new SimpleMeterRegistry();
    new PipelineMeters(pipeline).bindTo(registry);

    assertThat(registry.get("sgn4j.run.running").tag("pipeline", "m1").gauge().value()).isZero();
    pipeline.run();

    assertThat(
            registry
                .get("sgn4j.pad.frames")
                .tags("pipeline", "m1", "element", "numbers", "pad", "numbers:src:out")
                .functionCounter()
                .count())
        .isEqualTo(3.0);
    assertThat(
            registry
                .get("sgn4j.pad.eos")
                .tags("element", "collect", "pad", "collect:snk:in")
                .functionCounter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry.get("sgn4j.pad.calls").tag("pad", "square:src:out").functionCounter().count())
        .isEqualTo(4.0);
    assertThat(registry.get("sgn4j.run.iterations").functionCounter().count())
        .isGreaterThanOrEqualTo(4);
    assertThat(registry.get("sgn4j.run.elapsed").timeGauge().value(TimeUnit.NANOSECONDS))
        .isPositive();
    assertThat(
            registry
                .get("sgn4j.element.at.eos")
                .tags("element", "collect", "type", "CollectSink")
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(registry.get("sgn4j.worker.queued.in").tag("element", "square").gauge().value())
        .isZero();
    assertThat(registry.get("sgn4j.pad.time").tag("pad", "numbers:src:out").functionCounter())
        .satisfies(c -> assertThat(c.getId().getBaseUnit()).isEqualTo("seconds"))
        .satisfies(c -> assertThat(c.getId().getDescription()).contains("estimated"));
    assertThat(registry.find("sgn4j.worker.queued.in").tag("element", "numbers").gauge()).isNull();
  }

  @Test
  void everyPadOfEveryElementHasItsMeters() {
    var pipeline = pipeline();
    var registry = new SimpleMeterRegistry();
    new PipelineMeters(pipeline).bindTo(registry);

    assertThat(
            registry.get("sgn4j.pad.frames").functionCounters().stream()
                .map(c -> c.getId().getTag("pad"))
                .sorted())
        .containsExactly(
            "collect:inl:inl",
            "collect:snk:in",
            "numbers:inl:inl",
            "numbers:src:out",
            "square:inl:inl",
            "square:snk:in",
            "square:src:out");
  }

  @Test
  void aComposedElementsInnerElementsGetTheMeters() {
    var inner =
        ParallelTransformElement.builder("square")
            .map(f -> f.withData(f.dataAs(Integer.class) * f.dataAs(Integer.class)))
            .build();
    var composed = new dev.sgn4j.Compose().insert(inner).asTransform("squaring");
    var pipeline =
        new Pipeline("c1")
            .handleSignals(false)
            .connect(IterSource.of("numbers", "out", List.of(1, 2)), composed)
            .connect(composed, new CollectSink("collect", List.of("in")));
    var registry = new SimpleMeterRegistry();
    new PipelineMeters(pipeline).bindTo(registry);
    pipeline.run();

    assertThat(
            registry.get("sgn4j.pad.frames").tag("pad", "square:src:out").functionCounter().count())
        .isEqualTo(2.0);
    assertThat(registry.find("sgn4j.pad.frames").tag("element", "squaring").functionCounter())
        .isNull();
  }
}
