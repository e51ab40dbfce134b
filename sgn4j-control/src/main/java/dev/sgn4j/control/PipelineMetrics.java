package dev.sgn4j.control;

import dev.sgn4j.Pipeline;
import dev.sgn4j.Run;
import dev.sgn4j.RunState;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import dev.sgn4j.stats.RunStats;
import dev.sgn4j.stats.WorkerStats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline's figures as Prometheus metrics, taken afresh at each scrape from {@link
 * Pipeline#stats()} and the state of its current or last run ({@code GET /metrics}).
 *
 * <p>Per run: {@code sgn4j_run_iterations_total}, {@code sgn4j_run_elapsed_seconds}, {@code
 * sgn4j_run_state} (1 for the run's {@link RunState}, 0 for the others). Per element: {@code
 * sgn4j_element_at_eos}; per parallel element {@code sgn4j_worker_count}, {@code
 * sgn4j_worker_queued_in}, {@code sgn4j_worker_queued_out} and, for worker processes, {@code
 * sgn4j_worker_heartbeat_age_seconds}. Per pad: {@code sgn4j_pad_calls_total}, {@code
 * sgn4j_pad_frames_total}, {@code sgn4j_pad_gaps_total}, {@code sgn4j_pad_eos_total} and {@code
 * sgn4j_pad_time_seconds_total}, the last an estimate (calls are timed on one pass in 128 and
 * scaled up). The JVM: {@code sgn4j_jvm_memory_used_bytes} by area, {@code sgn4j_jvm_threads}.
 * Every metric has the label {@code pipeline}, the pipeline's {@linkplain Pipeline#name() name}.
 */
final class PipelineMetrics {

  private PipelineMetrics() {}

  static MetricSnapshots of(Pipeline pipeline) {
    String name = pipeline.name();
    RunStats stats = pipeline.stats();
    List<io.prometheus.metrics.model.snapshots.MetricSnapshot> metrics = new ArrayList<>();
    Labels run = Labels.of("pipeline", name);

    metrics.add(
        counter(
            "sgn4j_run_iterations",
            "Iterations of the current or last run.",
            null,
            List.of(point(run, stats.iterations()))));
    metrics.add(
        gauge(
            "sgn4j_run_elapsed_seconds",
            "Time since the run started, or its length once" + " it ended.",
            Unit.SECONDS,
            List.of(gaugePoint(run, seconds(stats.elapsed())))));
    RunState state = pipeline.currentRun().or(pipeline::lastRun).map(Run::state).orElse(null);
    List<GaugeDataPointSnapshot> states = new ArrayList<>();
    for (RunState each : RunState.values()) {
      states.add(gaugePoint(run.add("state", each.name()), each == state ? 1 : 0));
    }
    metrics.add(
        gauge(
            "sgn4j_run_state",
            "1 for the state of the current or last run, 0 for the"
                + " others; all 0 before the first run.",
            null,
            states));

    List<GaugeDataPointSnapshot> atEos = new ArrayList<>();
    List<GaugeDataPointSnapshot> workers = new ArrayList<>();
    List<GaugeDataPointSnapshot> queuedIn = new ArrayList<>();
    List<GaugeDataPointSnapshot> queuedOut = new ArrayList<>();
    List<GaugeDataPointSnapshot> heartbeat = new ArrayList<>();
    List<CounterDataPointSnapshot> calls = new ArrayList<>();
    List<CounterDataPointSnapshot> frames = new ArrayList<>();
    List<CounterDataPointSnapshot> gaps = new ArrayList<>();
    List<CounterDataPointSnapshot> eos = new ArrayList<>();
    List<CounterDataPointSnapshot> time = new ArrayList<>();
    for (ElementStats element : stats.elements()) {
      Labels labels = Labels.of("pipeline", name, "element", element.name());
      atEos.add(gaugePoint(labels.add("type", element.type()), element.atEos() ? 1 : 0));
      if (element.workers().isPresent()) {
        WorkerStats figures = element.workers().get();
        Labels worker = labels.add("mode", figures.mode());
        workers.add(gaugePoint(worker, figures.workers()));
        queuedIn.add(gaugePoint(worker, figures.queuedIn()));
        queuedOut.add(gaugePoint(worker, figures.queuedOut()));
        figures.heartbeatAge().ifPresent(age -> heartbeat.add(gaugePoint(worker, seconds(age))));
      }
      for (PadStats pad : element.pads()) {
        Labels padLabels = labels.add("pad", pad.pad());
        calls.add(point(padLabels, pad.calls()));
        frames.add(point(padLabels, pad.frames()));
        gaps.add(point(padLabels, pad.gaps()));
        eos.add(point(padLabels, pad.eos()));
        time.add(point(padLabels, seconds(pad.time())));
      }
    }
    metrics.add(
        gauge(
            "sgn4j_element_at_eos", "1 once end of stream has reached the element.", null, atEos));
    metrics.add(gauge("sgn4j_worker_count", "Workers of a parallel element.", null, workers));
    metrics.add(
        gauge(
            "sgn4j_worker_queued_in",
            "Items waiting in the workers' input queues.",
            null,
            queuedIn));
    metrics.add(
        gauge(
            "sgn4j_worker_queued_out",
            "Items waiting in the workers' output queues.",
            null,
            queuedOut));
    metrics.add(
        gauge(
            "sgn4j_worker_heartbeat_age_seconds",
            "Age of the oldest heartbeat of a" + " parallel element's worker processes.",
            Unit.SECONDS,
            heartbeat));
    metrics.add(counter("sgn4j_pad_calls", "Calls of the pad.", null, calls));
    metrics.add(
        counter("sgn4j_pad_frames", "Frames with data (not gaps) through the pad.", null, frames));
    metrics.add(counter("sgn4j_pad_gaps", "Gap frames through the pad.", null, gaps));
    metrics.add(counter("sgn4j_pad_eos", "EOS frames through the pad.", null, eos));
    metrics.add(
        counter(
            "sgn4j_pad_time_seconds",
            "Time in the pad's callback, estimated: calls"
                + " are timed on one pass in 128 and scaled up to all calls.",
            Unit.SECONDS,
            time));

    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
    metrics.add(
        gauge(
            "sgn4j_jvm_memory_used_bytes",
            "Memory used by the JVM, by area.",
            Unit.BYTES,
            List.of(
                gaugePoint(run.add("area", "heap"), heap.getUsed()),
                gaugePoint(run.add("area", "nonheap"), nonHeap.getUsed()))));
    metrics.add(
        gauge(
            "sgn4j_jvm_threads",
            "Live threads of the JVM.",
            null,
            List.of(gaugePoint(run, ManagementFactory.getThreadMXBean().getThreadCount()))));
    return new MetricSnapshots(metrics);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static CounterDataPointSnapshot point(Labels labels, double value) {
    return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static GaugeDataPointSnapshot gaugePoint(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static CounterSnapshot counter(
      String name, String help, Unit unit, List<CounterDataPointSnapshot> points) {
    CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
    if (unit != null) {
      builder.unit(unit);
    }
    points.forEach(builder::dataPoint);
    return builder.build();
  }

  private static GaugeSnapshot gauge(
      String name, String help, Unit unit, List<GaugeDataPointSnapshot> points) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
    if (unit != null) {
      builder.unit(unit);
    }
    points.forEach(builder::dataPoint);
    return builder.build();
  }
}
