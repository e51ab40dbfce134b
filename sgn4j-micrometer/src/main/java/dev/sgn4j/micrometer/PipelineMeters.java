package dev.sgn4j.micrometer;

import dev.sgn4j.ComposedElement;
import dev.sgn4j.Element;
import dev.sgn4j.Pad;
import dev.sgn4j.Pipeline;
import dev.sgn4j.parallel.ParallelElement;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import dev.sgn4j.stats.WorkerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a pipeline's figures to a Micrometer registry: the meters of the control server's {@code
 * GET /metrics}, for applications that report through Micrometer (Spring Boot's actuator,
 * Prometheus, JMX, ...).
 *
 * <pre>{@code
 * var pipeline = new Pipeline("h1-whitening");
 * ... // insert and link the elements
 * new PipelineMeters(pipeline).bindTo(registry);   // after the elements are in
 * pipeline.run();
 * }</pre>
 *
 * <p>Every meter is tagged {@code pipeline} (its {@linkplain Pipeline#name() name}):
 *
 * <ul>
 *   <li>{@code sgn4j.run.iterations} (function counter), {@code sgn4j.run.elapsed} (time gauge) and
 *       {@code sgn4j.run.running} (1 while a run goes) of the current or last run;
 *   <li>per element ({@code element}, {@code type}): {@code sgn4j.element.at.eos} (1 once end of
 *       stream has reached it); per parallel element also {@code sgn4j.worker.queued.in} and {@code
 *       sgn4j.worker.queued.out}, items waiting in its workers' queues;
 *   <li>per pad ({@code element}, {@code pad}, the pad's full name): function counters {@code
 *       sgn4j.pad.calls}, {@code sgn4j.pad.frames} (frames with data), {@code sgn4j.pad.gaps},
 *       {@code sgn4j.pad.eos}, and {@code sgn4j.pad.time} in seconds, an estimate: calls are timed
 *       on one pass in 128 and scaled up.
 * </ul>
 *
 * <p>Meters are made for the elements in the pipeline when {@link #bindTo} is called (for a
 * composed element, its inner elements, which do the work); they read {@link Pipeline#stats()},
 * taken at most once per 100 ms however many meters a registry reads at once. The meters hold the
 * pipeline weakly, as Micrometer's gauges do: once the application drops the pipeline, they read
 * NaN.
 */
public final class PipelineMeters implements MeterBinder {

  /** How long one stats snapshot serves the meters a registry reads together. */
  private static final long SNAPSHOT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Pipeline pipeline;
  private final Tags tags;
  private volatile Snapshot snapshot;

  /** One stats snapshot, with its elements by name so that each meter finds its own at once. */
  private record Snapshot(RunStats stats, Map<String, ElementStats> byName, long takenAt) {
    static Snapshot of(RunStats stats, long takenAt) {
      Map<String, ElementStats> byName = new HashMap<>();
      for (ElementStats element : stats.elements()) {
        byName.put(element.name(), element);
      }
      return new Snapshot(stats, byName, takenAt);
    }
  }

  /**
   * A binder for {@code pipeline}'s figures.
   *
   * @param pipeline the pipeline, with its elements inserted
   */
  public PipelineMeters(Pipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.tags = Tags.of("pipeline", pipeline.name());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("sgn4j.run.iterations", pipeline, p -> stats().iterations())
        .description("Iterations of the current or last run")
        .tags(tags)
        .register(registry);
    TimeGauge.builder(
            "sgn4j.run.elapsed", pipeline, TimeUnit.NANOSECONDS, p -> stats().elapsed().toNanos())
        .description("Time since the run started, or its length once it ended")
        .tags(tags)
        .register(registry);
    Gauge.builder("sgn4j.run.running", pipeline, p -> stats().running() ? 1 : 0)
        .description("1 while a run goes")
        .tags(tags)
        .register(registry);
    bindAll(registry, pipeline.elements());
  }

  /** A composed element's figures are its inner elements': they get the meters. */
  private void bindAll(MeterRegistry registry, java.util.List<Element> elements) {
    for (Element element : elements) {
      if (element instanceof ComposedElement composed) {
        bindAll(registry, composed.innerElements());
      } else {
        bindElement(registry, element);
      }
    }
  }

  private void bindElement(MeterRegistry registry, Element element) {
    String name = element.name();
    Tags elementTags = tags.and("element", name);
    Gauge.builder(
            "sgn4j.element.at.eos",
            pipeline,
            p -> {
              ElementStats stats = element(name);
              return stats != null && stats.atEos() ? 1 : 0;
            })
        .description("1 once end of stream has reached the element")
        .tags(elementTags.and("type", element.typeName()))
        .register(registry);
    if (element instanceof ParallelElement) {
      Gauge.builder("sgn4j.worker.queued.in", pipeline, p -> worker(name, WorkerStats::queuedIn))
          .description("Items waiting in the workers' input queues")
          .tags(elementTags)
          .register(registry);
      Gauge.builder("sgn4j.worker.queued.out", pipeline, p -> worker(name, WorkerStats::queuedOut))
          .description("Items waiting in the workers' output queues")
          .tags(elementTags)
          .register(registry);
    }
    for (Pad pad : element.pads()) {
      Tags padTags = elementTags.and("pad", pad.fullName());
      counter(registry, "sgn4j.pad.calls", "Calls of the pad", padTags, name, pad, PadStats::calls);
      counter(
          registry,
          "sgn4j.pad.frames",
          "Frames with data (not gaps) through the pad",
          padTags,
          name,
          pad,
          PadStats::frames);
      counter(
          registry,
          "sgn4j.pad.gaps",
          "Gap frames through the pad",
          padTags,
          name,
          pad,
          PadStats::gaps);
      counter(
          registry,
          "sgn4j.pad.eos",
          "EOS frames through the pad",
          padTags,
          name,
          pad,
          PadStats::eos);
      FunctionCounter.builder(
              "sgn4j.pad.time", pipeline, p -> padFigure(name, pad, s -> s.time().toNanos() / 1e9))
          .description(
              "Time in the pad's callback, estimated: calls are timed on one pass in 128 and"
                  + " scaled up")
          .baseUnit("seconds")
          .tags(padTags)
          .register(registry);
    }
  }

  private void counter(
      MeterRegistry registry,
      String meter,
      String description,
      Tags padTags,
      String element,
      Pad pad,
      ToDoubleFunction<PadStats> figure) {
    FunctionCounter.builder(meter, pipeline, p -> padFigure(element, pad, figure))
        .description(description)
        .tags(padTags)
        .register(registry);
  }

  private double padFigure(String element, Pad pad, ToDoubleFunction<PadStats> figure) {
    ElementStats stats = element(element);
    if (stats == null) {
      return 0;
    }
    for (PadStats padStats : stats.pads()) {
      if (padStats.pad().equals(pad.fullName())) {
        return figure.applyAsDouble(padStats);
      }
    }
    return 0;
  }

  private double worker(String element, ToDoubleFunction<WorkerStats> figure) {
    ElementStats stats = element(element);
    if (stats == null || stats.workers().isEmpty()) {
      return 0;
    }
    return figure.applyAsDouble(stats.workers().get());
  }

  private ElementStats element(String name) {
    return snapshot().byName().get(name);
  }

  private RunStats stats() {
    return snapshot().stats();
  }

  /** The pipeline's stats, taken again when the last snapshot is older than 100 ms. */
  private Snapshot snapshot() {
    Snapshot last = snapshot;
    long now = System.nanoTime();
    if (last == null || now - last.takenAt() > SNAPSHOT_NANOS) {
      last = Snapshot.of(pipeline.stats(), now);
      snapshot = last;
    }
    return last;
  }
}
