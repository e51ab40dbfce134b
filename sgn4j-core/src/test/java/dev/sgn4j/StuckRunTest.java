package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StuckRunTest {

  private static final RunOptions FAIL_AFTER_100 =
      RunOptions.defaults().stuckAfter(100).failWhenStuck(true);

  /** Never marks its pad at EOS. */
  static final class ForgetfulSink extends SinkElement {
    ForgetfulSink() {
      super("forgetful", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }

  /** Passes data on and never EOS. */
  static final class EosSwallower extends TransformElement {
    private Frame last = Frame.gap();

    EosSwallower() {
      super("swallower", List.of("in"), List.of("out"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      last = frame.isEos() ? Frame.gap() : frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return last;
    }
  }

  @Test
  void aSinkThatForgetsMarkEosFailsTheRunNamingItsPads() {
    var pipeline =
        new Pipeline()
            .handleSignals(false)
            .connect(IterSource.of("numbers", "in", List.of(1, 2)), new ForgetfulSink());

    assertThatThrownBy(() -> pipeline.start(FAIL_AFTER_100).await(Duration.ofSeconds(30)))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "sink 'forgetful' has pulled EOS on every pad 100 times and is still not at EOS, so"
                + " the run cannot end; pads not marked: 'forgetful:snk:in'; a sink calls"
                + " markEos(pad) when a pad's frame is EOS")
        .satisfies(e -> assertThat(((PipelineException) e).elementName()).isEqualTo("forgetful"))
        .satisfies(e -> assertThat(((PipelineException) e).iteration()).isEqualTo(1024));
  }

  @RepeatedTest(5)
  void aPipelinedRunFindsTheForgetfulSinkToo() {
    var pipeline =
        new Pipeline()
            .handleSignals(false)
            .connect(IterSource.of("numbers", "in", List.of(1, 2)), new ForgetfulSink());

    assertThatThrownBy(
            () ->
                pipeline
                    .start(FAIL_AFTER_100.scheduler(Scheduler.PIPELINED))
                    .await(Duration.ofSeconds(30)))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "sink 'forgetful' has pulled EOS on every pad 100 times and is still not at EOS, so"
                + " the run cannot end; pads not marked: 'forgetful:snk:in'; a sink calls"
                + " markEos(pad) when a pad's frame is EOS");
  }

  @Test
  void aTransformThatSwallowsEosFailsTheRunNamingItsSourcePads() {
    var swallower = new EosSwallower();
    var pipeline =
        new Pipeline()
            .handleSignals(false)
            .connect(IterSource.of("numbers", "out", List.of(1, 2)), swallower)
            .connect(swallower, new CollectSink("collect", List.of("out")));

    assertThatThrownBy(() -> pipeline.start(FAIL_AFTER_100).await(Duration.ofSeconds(30)))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "transform 'swallower' has pulled EOS on every sink pad 100 times and sent no EOS on"
                + " 'swallower:src:out', so the run cannot end; a transform sends EOS on its source"
                + " pads once its inputs end");
  }

  @RepeatedTest(3)
  void byDefaultAStuckRunIsReportedOnceAsAWarningAndGoesOn() throws Exception {
    try (var log = LogRecords.of("sgn.pipeline", null)) {
      var records = log.records();
      var pipeline =
          new Pipeline()
              .handleSignals(false)
              .connect(IterSource.of("numbers", "in", List.of(1)), new ForgetfulSink());
      Run run = pipeline.start(RunOptions.defaults().stuckAfter(10));

      LogRecord record = records.poll(30, TimeUnit.SECONDS);
      assertThat(record).isNotNull();
      assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
      assertThat(record.getMessage())
          .isEqualTo(
              "sink 'forgetful' has pulled EOS on every pad 10 times and is still not at EOS, so"
                  + " the run cannot end; pads not marked: 'forgetful:snk:in'; a sink calls"
                  + " markEos(pad) when a pad's frame is EOS");
      assertThat(run.isDone()).isFalse();
      run.abort();
      assertThatThrownBy(() -> run.await(Duration.ofSeconds(30)))
          .isInstanceOf(RunAbortedException.class);
      assertThat(records.stream().filter(r -> r.getMessage().contains("forgetful"))).isEmpty();
    }
  }

  @Test
  void aSinkStillReceivingDataOnAnotherPadIsNotStuck() throws Exception {
    var source =
        IterSource.builder("two")
            .pad("short", List.of(1))
            .pad("long", IntStream.range(0, 5_000).boxed().toList())
            .build();
    var sink = new CollectSink("collect", List.of("short", "long"));
    sink.setEosPolicy(EosPolicy.ALL);
    var pipeline = new Pipeline().handleSignals(false).connect(source, sink);

    pipeline.start(FAIL_AFTER_100).await(Duration.ofSeconds(30));

    assertThat(sink.collected("long")).hasSize(5_000);
  }
}
