package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.PadStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The stats records of a run, made from what the executor counted per pad call. */
final class Figures {

  private Figures() {}

  static ElementStats element(Execution execution, Element element, List<PadCounters> counters) {
    long calls = 0;
    long in = 0;
    long out = 0;
    long gaps = 0;
    long eos = 0;
    long nanos = 0;
    long sampledNanos = 0;
    long samples = 0;
    LatencyHistogram all = new LatencyHistogram();
    List<PadStats> pads = new ArrayList<>();
    boolean everySourcePadEnded = true;
    for (PadCounters pad : counters) {
      if (pad.pad instanceof SourcePad && pad.eos() == 0) {
        everySourcePadEnded = false;
      }
      calls += pad.calls();
      if (pad.pad instanceof SinkPad) {
        in += pad.frames();
      } else if (pad.pad instanceof SourcePad) {
        out += pad.frames();
      }
      gaps += pad.gaps();
      eos += pad.eos();
      nanos += pad.estimatedNanos();
      sampledNanos += pad.sampledNanos();
      samples += pad.samples();
      all.addAll(pad.histogram);
      pads.add(pad(pad));
    }
    return new ElementStats(
        element.name(),
        element.typeName(),
        calls,
        in,
        out,
        gaps,
        eos,
        Duration.ofNanos(nanos),
        Duration.ofNanos(samples == 0 ? 0 : sampledNanos / samples),
        Duration.ofNanos(all.percentile(0.99)),
        pads,
        execution.statistics(element),
        element instanceof SinkElement sink
            ? sink.atEos() && execution.drained(sink)
            : everySourcePadEnded);
  }

  static PadStats pad(PadCounters counters) {
    long samples = counters.samples();
    return new PadStats(
        counters.pad.fullName(),
        counters.calls(),
        counters.frames(),
        counters.gaps(),
        counters.eos(),
        Duration.ofNanos(counters.estimatedNanos()),
        Duration.ofNanos(samples == 0 ? 0 : counters.sampledNanos() / samples),
        Duration.ofNanos(counters.histogram.percentile(0.99)));
  }
}
