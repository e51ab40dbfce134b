package dev.sgn4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.Scheduler;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightEventsTest {

  @TempDir Path directory;

  /** Source {@code jfr-src} sends 1 and 2, then EOS: three iterations into sink {@code jfr-snk}. */
  private static Pipeline threeIterations() {
    return new Pipeline()
        .connect(
            IterSource.of("jfr-src", "out", List.of(1, 2)), new NullSink("jfr-snk", List.of("in")));
  }

  private static String idOf(Pipeline pipeline) {
    return "Pipeline@" + Integer.toHexString(System.identityHashCode(pipeline));
  }

  /** Runs {@code body} under {@code recording} and returns the events this thread recorded. */
  private List<RecordedEvent> record(Recording recording, Runnable body) throws IOException {
    Path file = directory.resolve("run.jfr");
    try (recording) {
      recording.start();
      body.run();
      recording.stop();
      recording.dump(file);
    }
    long thread = Thread.currentThread().threadId();
    return RecordingFile.readAllEvents(file).stream()
        .filter(event -> event.getEventType().getName().startsWith("sgn4j."))
        .filter(event -> event.getThread() != null)
        .filter(event -> event.getThread().getJavaThreadId() == thread)
        .sorted(Comparator.comparing(RecordedEvent::getStartTime))
        .toList();
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(event -> event.getEventType().getName().equals(name)).toList();
  }

  private static Recording everything() {
    Recording recording = new Recording();
    recording.enable("sgn4j.Run");
    recording.enable("sgn4j.Iteration").withThreshold(Duration.ZERO);
    recording.enable("sgn4j.PadCall").withThreshold(Duration.ZERO);
    return recording;
  }

  @Test
  void aRecordingSeesTheRunEveryIterationAndEveryPadCall() throws IOException {
    Pipeline pipeline = threeIterations();

    List<RecordedEvent> events = record(everything(), pipeline::run);

    List<RecordedEvent> runs = named(events, "sgn4j.Run");
    assertThat(runs).hasSize(1);
    RecordedEvent run = runs.get(0);
    assertThat(run.getString("pipeline")).isEqualTo(idOf(pipeline));
    assertThat(run.getInt("elements")).isEqualTo(2);
    assertThat(run.getLong("iterations")).isEqualTo(3);
    assertThat(run.getString("outcome")).isEqualTo("completed");

    assertThat(named(events, "sgn4j.Iteration"))
        .allSatisfy(event -> assertThat(event.getString("pipeline")).isEqualTo(idOf(pipeline)))
        .extracting(event -> event.getLong("iteration"))
        .containsExactly(1L, 2L, 3L);

    Map<String, List<Long>> callsByPad =
        named(events, "sgn4j.PadCall").stream()
            .collect(
                Collectors.groupingBy(
                    event -> event.getString("element") + " " + event.getString("pad"),
                    Collectors.mapping(event -> event.getLong("iteration"), Collectors.toList())));
    assertThat(callsByPad)
        .containsOnly(
            Map.entry("jfr-src jfr-src:inl:inl", List.of(1L, 2L, 3L)),
            Map.entry("jfr-src jfr-src:src:out", List.of(1L, 2L, 3L)),
            Map.entry("jfr-snk jfr-snk:snk:in", List.of(1L, 2L, 3L)),
            Map.entry("jfr-snk jfr-snk:inl:inl", List.of(1L, 2L, 3L)));
  }

  @Test
  void aPipelinedRunRecordsItsIterationsAndPadCallsOnThePoolThreads() throws IOException {
    Pipeline pipeline = threeIterations().scheduler(Scheduler.PIPELINED);
    Path file = directory.resolve("pipelined.jfr");
    try (Recording recording = everything()) {
      recording.start();
      pipeline.run();
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events =
        RecordingFile.readAllEvents(file).stream()
            .filter(event -> event.getEventType().getName().startsWith("sgn4j."))
            .sorted(Comparator.comparing(RecordedEvent::getStartTime))
            .toList();

    assertThat(named(events, "sgn4j.Run"))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.getLong("iterations")).isEqualTo(3);
              assertThat(run.getString("outcome")).isEqualTo("completed");
            });
    assertThat(named(events, "sgn4j.Iteration"))
        .allSatisfy(event -> assertThat(event.getString("pipeline")).isEqualTo(idOf(pipeline)))
        .extracting(event -> event.getLong("iteration"))
        .containsExactly(1L, 2L, 3L);
    List<RecordedEvent> padCalls = named(events, "sgn4j.PadCall");
    assertThat(
            padCalls.stream()
                .collect(
                    Collectors.groupingBy(
                        event -> event.getString("element") + " " + event.getString("pad"),
                        Collectors.mapping(
                            event -> event.getLong("iteration"), Collectors.toList()))))
        .containsOnly(
            Map.entry("jfr-src jfr-src:inl:inl", List.of(1L, 2L, 3L)),
            Map.entry("jfr-src jfr-src:src:out", List.of(1L, 2L, 3L)),
            Map.entry("jfr-snk jfr-snk:snk:in", List.of(1L, 2L, 3L)),
            Map.entry("jfr-snk jfr-snk:inl:inl", List.of(1L, 2L, 3L)));
    assertThat(padCalls).allMatch(event -> event.getThread().getJavaName().contains("-pool-"));
  }

  @Test
  void theDefaultSettingsRecordRunsButNotIterationsOrPadCalls() throws Exception {
    Pipeline pipeline = threeIterations();

    List<RecordedEvent> events =
        record(new Recording(Configuration.getConfiguration("default")), pipeline::run);

    assertThat(events)
        .extracting(event -> event.getEventType().getName())
        .containsExactly("sgn4j.Run");
    Map<String, EventType> types =
        FlightRecorder.getFlightRecorder().getEventTypes().stream()
            .filter(type -> type.getName().startsWith("sgn4j."))
            .collect(Collectors.toMap(EventType::getName, Function.identity()));
    assertThat(types).containsOnlyKeys("sgn4j.Run", "sgn4j.Iteration", "sgn4j.PadCall");
    assertThat(types.values())
        .allSatisfy(type -> assertThat(type.getCategoryNames()).containsExactly("sgn4j"));
    assertThat(types.get("sgn4j.Iteration").getLabel()).isEqualTo("Pipeline Iteration");
    assertThat(types.get("sgn4j.PadCall").getField("element").getLabel()).isEqualTo("Element");
  }

  @Test
  void aFailedRunIsRecordedAsFailed() throws IOException {
    var sink =
        new SinkElement("jfr-bad", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            throw new IllegalStateException("no");
          }
        };
    Pipeline pipeline = new Pipeline().connect(IterSource.of("jfr-src", "out", List.of(1)), sink);

    List<RecordedEvent> events =
        record(
            everything(),
            () -> assertThatThrownBy(pipeline::run).isInstanceOf(PipelineException.class));

    assertThat(named(events, "sgn4j.Run"))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.getString("outcome")).isEqualTo("failed");
              assertThat(run.getLong("iterations")).isEqualTo(1);
            });
    assertThat(named(events, "sgn4j.Iteration")).isEmpty();
    assertThat(named(events, "sgn4j.PadCall"))
        .extracting(event -> event.getString("pad"))
        .containsExactly("jfr-src:inl:inl", "jfr-src:src:out");
  }

  @Test
  void anAbortedRunIsRecordedAsAborted() throws IOException {
    var sink =
        new SinkElement("jfr-abort", List.of("in")) {
          private int frames;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (++frames == 5) {
              runContext().abort("test");
            }
          }
        };
    Pipeline pipeline =
        new Pipeline().connect(new NullSource("jfr-forever", List.of("out"), -1, null), sink);

    List<RecordedEvent> events =
        record(
            everything(),
            () -> assertThatThrownBy(pipeline::run).isInstanceOf(RunAbortedException.class));

    assertThat(named(events, "sgn4j.Run"))
        .singleElement()
        .satisfies(run -> assertThat(run.getString("outcome")).isEqualTo("aborted"));
    assertThat(named(events, "sgn4j.Iteration")).hasSize(4);
  }

  @Test
  void aRecordingStartedDuringARunSeesItsIterationsFromTheNextLookOn() throws IOException {
    Recording recording = new Recording();
    recording.enable("sgn4j.Iteration").withThreshold(Duration.ZERO);
    var source =
        new SourceElement("jfr-long", List.of("out")) {
          private int count;

          @Override
          protected Frame newFrame(SourcePad pad) {
            count++;
            if (count == 100) {
              recording.start(); // as jcmd <pid> JFR.start would, in the middle of the run
            }
            return Frame.of(count).withEos(count == 3000);
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, new NullSink("jfr-snk", List.of("in")));
    Path file = directory.resolve("late.jfr");

    try (recording) {
      pipeline.run();
      recording.stop();
      recording.dump(file);
    }

    long thread = Thread.currentThread().threadId();
    List<Long> iterations =
        RecordingFile.readAllEvents(file).stream()
            .filter(event -> event.getEventType().getName().equals("sgn4j.Iteration"))
            .filter(event -> event.getThread().getJavaThreadId() == thread)
            .map(event -> event.getLong("iteration"))
            .toList();
    assertThat(iterations)
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(RunLoop.LOOK_FOR_RECORDINGS_EVERY, 3000).boxed().toList());
  }
}
