package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.stats.MemoryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MemoryProfilingTest {

  private static final int MIB = 1024 * 1024;

  private static Pipeline quickStart() {
    var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
    var scale =
        CallableTransform.fromCallable(
            "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
    var sink = new CollectSink("collect", List.of("in"));
    return new Pipeline().connect(source, scale).connect(scale, sink);
  }

  /** A sink that allocates and keeps 1 MiB on every pull, so the allocation cannot be elided. */
  private static final class HogSink extends SinkElement {
    final List<byte[]> kept = new ArrayList<>();

    HogSink() {
      super("hog", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      kept.add(new byte[MIB]);
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }

  @Test
  void withoutProfilingThereAreNoReports() {
    List<MemoryReport> reports = new ArrayList<>();
    Pipeline pipeline = quickStart().onMemoryReport(reports::add);

    pipeline.run();

    assertThat(reports).isEmpty();
    assertThat(pipeline.lastMemoryReport()).isEmpty();
  }

  @Test
  void everyIterationReportsEveryElementOnce() {
    List<MemoryReport> reports = new ArrayList<>();
    Pipeline pipeline = quickStart().profileMemory(true).onMemoryReport(reports::add);

    pipeline.run();

    assertThat(reports).extracting(MemoryReport::iteration).containsExactly(1L, 2L, 3L, 4L);
    for (MemoryReport report : reports) {
      assertThat(report.elements())
          .extracting(MemoryReport.ElementAllocation::element)
          .containsExactlyInAnyOrder("numbers", "scale", "collect");
      long sum = report.elements().stream().mapToLong(MemoryReport.ElementAllocation::bytes).sum();
      assertThat(report.allocatedBytes()).isGreaterThanOrEqualTo(sum);
      assertThat(report.heapUsedBefore()).isPositive();
      assertThat(report.heapUsedAfter()).isPositive();
    }
    assertThat(pipeline.lastMemoryReport()).containsSame(reports.get(3));
  }

  @Test
  void theElementThatAllocatesComesFirstWithWhatItAllocated() {
    List<MemoryReport> reports = new ArrayList<>();
    var source = IterSource.of("few", "out", List.of(1, 2));
    var hog = new HogSink();
    Pipeline pipeline =
        new Pipeline().connect(source, hog).profileMemory(true).onMemoryReport(reports::add);

    pipeline.run();

    assertThat(hog.kept).hasSize(3);
    assertThat(reports).hasSize(3);
    for (MemoryReport report : reports) {
      assertThat(report.elements().get(0).element()).isEqualTo("hog");
      assertThat(report.allocatedBy("hog")).isBetween((long) MIB, MIB + 64 * 1024L);
      assertThat(report.allocatedBy("few")).isLessThan(64 * 1024L);
      assertThat(report.allocatedBytes()).isGreaterThanOrEqualTo(MIB);
      assertThat(report.lines())
          .contains("[MEMPROF] Top 2 elements by allocated size")
          .anyMatch(line -> line.matches("\\[MEMPROF] \\| #1: hog: 10\\d\\d\\.\\d KiB"));
    }
  }

  @Test
  void turningProfilingOffAgainStopsTheReports() {
    List<MemoryReport> reports = new ArrayList<>();
    Pipeline pipeline = quickStart().profileMemory(true).onMemoryReport(reports::add);
    pipeline.run();
    reports.clear();

    pipeline.profileMemory(false).run();

    assertThat(reports).isEmpty();
    assertThat(pipeline.lastMemoryReport()).isEmpty();
  }

  @Test
  void linesFollowSgnsTopStatsWithTheRestSummedAsOthers() {
    var report =
        new MemoryReport(
            3,
            2 * MIB,
            2 * MIB + 12_800,
            1946,
            List.of(
                new MemoryReport.ElementAllocation("sink", 1229),
                new MemoryReport.ElementAllocation("source", 512),
                new MemoryReport.ElementAllocation("scale", 102)));

    assertThat(report.heapChange()).isEqualTo(12_800);
    assertThat(report.lines(2))
        .containsExactly(
            "[MEMPROF] Iteration 3: heap change +12.5 KiB (in use 2060.5 KiB)",
            "[MEMPROF] Top 2 elements by allocated size",
            "[MEMPROF] | #1: sink: 1.2 KiB",
            "[MEMPROF] | #2: source: 0.5 KiB",
            "[MEMPROF] 1 other: 0.1 KiB",
            "[MEMPROF] Total allocated size: 1.9 KiB");
    assertThat(report.lines())
        .containsExactly(
            "[MEMPROF] Iteration 3: heap change +12.5 KiB (in use 2060.5 KiB)",
            "[MEMPROF] Top 3 elements by allocated size",
            "[MEMPROF] | #1: sink: 1.2 KiB",
            "[MEMPROF] | #2: source: 0.5 KiB",
            "[MEMPROF] | #3: scale: 0.1 KiB",
            "[MEMPROF] Total allocated size: 1.9 KiB");
  }

  @Test
  void aShrinkingHeapIsANegativeChange() {
    var report = new MemoryReport(1, 4096, 1024, 0, List.of());

    assertThat(report.heapChange()).isEqualTo(-3072);
    assertThat(report.lines())
        .containsExactly(
            "[MEMPROF] Iteration 1: heap change -3.0 KiB (in use 1.0 KiB)",
            "[MEMPROF] Top 0 elements by allocated size",
            "[MEMPROF] Total allocated size: 0.0 KiB");
  }

  @Test
  void badReportFiguresAreRejectedWithTheFieldNamed() {
    List<MemoryReport.ElementAllocation> none = List.of();
    assertThatThrownBy(() -> new MemoryReport(0, 0, 0, 0, none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MemoryReport iteration must be 1 or more, but it was 0");
    assertThatThrownBy(() -> new MemoryReport(1, -1, 0, 0, none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MemoryReport heapUsedBefore must be 0 or more bytes, but it was -1");
    assertThatThrownBy(() -> new MemoryReport(1, 0, 0, -5, none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MemoryReport allocatedBytes must be 0 or more bytes, but it was -5");
    assertThatThrownBy(() -> new MemoryReport(1, 0, 0, 0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("MemoryReport elements");
    assertThatThrownBy(() -> new MemoryReport.ElementAllocation("src", -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ElementAllocation bytes of 'src' must be 0 or more, but it was -2");
    assertThatThrownBy(() -> new MemoryReport.ElementAllocation(null, 2))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ElementAllocation element");
  }

  @Test
  void badQuestionsToAReportAreRejected() {
    var report =
        new MemoryReport(2, 0, 0, 0, List.of(new MemoryReport.ElementAllocation("src", 10)));

    assertThatThrownBy(() -> report.lines(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MemoryReport.lines limit must be 1 or more, but it was 0");
    assertThatThrownBy(() -> report.allocatedBy("snk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No element named 'snk' in the memory report of iteration 2; it has [src]");
  }

  @Test
  void aNullListenerIsRejected() {
    assertThatThrownBy(() -> new Pipeline().onMemoryReport(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("onMemoryReport: listener is null; pass report -> {} to receive nothing");
  }

  @Test
  void aFailingListenerFailsTheRunNamingTheIteration() {
    var boom = new IllegalStateException("boom");
    Pipeline pipeline =
        quickStart()
            .profileMemory(true)
            .onMemoryReport(
                report -> {
                  if (report.iteration() == 2) {
                    throw boom;
                  }
                });

    assertThatThrownBy(pipeline::run)
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "the memory report listener failed in iteration 2: java.lang.IllegalStateException: boom")
        .hasCause(boom)
        .extracting(e -> ((PipelineException) e).iteration())
        .isEqualTo(2L);
    assertThat(pipeline.isRunning()).isFalse();
  }

  @Test
  void theMemprofLevelOnThePipelineLoggerTurnsProfilingOnAndLogsTheReports() {
    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getMessage().startsWith("[MEMPROF]")) {
              records.add(record.getLevel() + " " + record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("sgn.pipeline");
    logger.addHandler(capture);
    SgnLogging.configure("pipeline:MEMPROF");
    Pipeline pipeline = quickStart();
    try {
      pipeline.run();
    } finally {
      logger.removeHandler(capture);
      SgnLogging.configure("pipeline:WARNING");
    }

    assertThat(pipeline.lastMemoryReport()).isPresent();
    assertThat(records).hasSize(4 * 6);
    assertThat(records.subList(0, 6))
        .satisfiesExactly(
            line ->
                assertThat(line)
                    .matches(
                        "FINER \\[MEMPROF] Iteration 1: heap change [+-]\\d+\\.\\d KiB \\(in use"
                            + " \\d+\\.\\d KiB\\)"),
            line -> assertThat(line).isEqualTo("FINER [MEMPROF] Top 3 elements by allocated size"),
            line -> assertThat(line).matches("FINER \\[MEMPROF] \\| #1: \\w+: \\d+\\.\\d KiB"),
            line -> assertThat(line).matches("FINER \\[MEMPROF] \\| #2: \\w+: \\d+\\.\\d KiB"),
            line -> assertThat(line).matches("FINER \\[MEMPROF] \\| #3: \\w+: \\d+\\.\\d KiB"),
            line ->
                assertThat(line).matches("FINER \\[MEMPROF] Total allocated size: \\d+\\.\\d KiB"));
  }

  @Test
  void aPipelineWithAParallelElementReportsEveryIterationOfItsRunThread() {
    List<MemoryReport> reports = new ArrayList<>();
    var source = IterSource.of("ints", "out", List.of(1, 2, 3, 4, 5));
    var doubler =
        dev.sgn4j.parallel.ParallelTransformElement.builder("doubler")
            .map(frame -> frame.isEos() ? frame : frame.withData(frame.dataAs(Integer.class) * 2))
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    Pipeline pipeline =
        new Pipeline()
            .connect(source, doubler)
            .connect(doubler, sink)
            .profileMemory(true)
            .onMemoryReport(reports::add);

    pipeline.run();

    assertThat(sink.collected("in")).containsExactly(2, 4, 6, 8, 10);
    long iterations = pipeline.stats().iterations();
    assertThat(reports)
        .extracting(MemoryReport::iteration)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, iterations).boxed().toList());
    assertThat(reports)
        .flatExtracting(MemoryReport::elements)
        .extracting(MemoryReport.ElementAllocation::element)
        .containsOnly("ints", "doubler", "collect");
  }
}
