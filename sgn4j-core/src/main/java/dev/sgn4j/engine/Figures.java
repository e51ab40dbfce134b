package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.EosTime;
import dev.sgn4j.stats.PadStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stats records of a run, made from what the executor counted per pad call. */
final class Figures {

  private Figures() {}

  /**
   * @param eosStage the stage on which the element's end of stream is marked
   */
  static ElementStats element(
      Execution execution, Element element, List<PadCounters> counters, Stage eosStage) {
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
    // At EOS once the run thread marked it (an element's own flags can run a little ahead).
    boolean atEos =
        eosStage.eosIteration() >= 0
            && (element instanceof SinkElement sink
                ? sink.atEos() && execution.drained(sink)
                : everySourcePadEnded);
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
        atEos,
        atEos ? Optional.of(eosTime(execution, eosStage)) : Optional.empty());
  }

  private static EosTime eosTime(Execution execution, Stage stage) {
    long nanos = stage.eosNanos();
    return new EosTime(
        stage.eosIteration(), Duration.ofNanos(Math.max(0, nanos - execution.startNanos())));
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
