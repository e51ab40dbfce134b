package dev.sgn4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Compose;
import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ElementTesterTest {

  private static CallableTransform scale() {
    return CallableTransform.fromCallable(
        "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
  }

  /** Adds the iteration-matched values of its two inputs. */
  private static CallableTransform sum() {
    return CallableTransform.fromCallable(
        "sum",
        frames -> (int) frames.get(0).data() + (int) frames.get(1).data(),
        "sum",
        List.of("a", "b"));
  }

  record Rate(int hz) implements DataSpec {}

  @Test
  void aTransformMakesTheExpectedFramesAndEndsTheIterationAfterItsInput() {
    var outcome =
        ElementTester.of(scale())
            .input("in", 1, 2, 3)
            .expectData("out", 10, 20, 30)
            .expectFrames("out", Frame.of(10), Frame.of(20), Frame.of(30), Frame.eos())
            .expectEosAt("out", 4)
            .expectStats(stats -> assertThat(stats.framesIn()).isEqualTo(3))
            .verify();

    assertThat(outcome.data("out")).containsExactly(10, 20, 30);
    assertThat(outcome.eosIteration("out")).hasValue(4);
    assertThat(outcome.stats().framesOut()).isEqualTo(3);
    assertThat(outcome.error()).isEmpty();
    assertThat(outcome.mode()).isEmpty();
  }

  @Test
  void anEosFrameInTheScriptEndsThatPadInItsIteration() {
    ElementTester.of(scale())
        .inputFrames("in", Frame.of(1), Frame.of(2).withEos(true))
        .expectFrames("out", Frame.of(10), Frame.of(20).withEos(true))
        .verify();
  }

  @Test
  void wrongDataFailsWithATableOfItems() {
    var tester = ElementTester.of(scale()).input("in", 1, 2, 3).expectData("out", 10, 21, 30, 40);

    assertThatThrownBy(tester::verify)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            lines(
                "element 'scale', source pad 'out': data differs from item 2 (gaps left out)",
                "  item | expected | actual",
                "     1 | 10       | 10",
                ">    2 | 21       | 20",
                "     3 | 30       | 30",
                ">    4 | 40       | -"));
  }

  @Test
  void wrongFramesFailWithATableOfIterationsThatAnIdeCanDiff() {
    var tester =
        ElementTester.of(scale())
            .input("in", 1, 2)
            .expectFrames("out", Frame.of(10), Frame.of(21), Frame.eos());

    var error = (AssertionFailedError) catchThrowable(tester::verify);

    assertThat(error.getMessage())
        .isEqualTo(
            lines(
                "element 'scale', source pad 'out': frames differ from iteration 2",
                "  iteration | expected | actual",
                "          1 | data=10  | data=10",
                ">         2 | data=21  | data=20",
                "          3 | gap EOS  | gap EOS"));
    assertThat(error.getExpected().getValue()).isEqualTo(List.of("data=10", "data=21", "gap EOS"));
    assertThat(error.getActual().getValue()).isEqualTo(List.of("data=10", "data=20", "gap EOS"));
  }

  @Test
  void eosInTheWrongIterationIsNamed() {
    assertThatThrownBy(
            () -> ElementTester.of(scale()).input("in", 1).expectEosAt("out", 1).verify())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'scale', source pad 'out': expected EOS first in iteration 1, got it in"
                + " iteration 2");
  }

  @Test
  void twoInputsArePairedByIteration() {
    ElementTester.of(sum())
        .input("a", 1, 2, 3)
        .inputFrames("b", Frame.of(10), Frame.gap(), Frame.of(30))
        .expectFrames("sum", Frame.of(11), Frame.gap(), Frame.of(33), Frame.eos())
        .expectData("sum", 11, 33)
        .verify();
  }

  @Test
  void aComposedSubGraphIsTestedAsOneElement() {
    var first = scale();
    var second =
        CallableTransform.fromCallable(
            "plus-one", frames -> (int) frames.get(0).data() + 1, "out", List.of("in"));

    var outcome =
        ElementTester.of(new Compose().connect(first, second).asTransform("scale-then-add"))
            .input("in", 1, 2)
            .expectData("out", 11, 21)
            .expectEosAt("out", 3)
            .verify();

    assertThat(outcome.stats("plus-one").framesOut()).isEqualTo(2);
    assertThatThrownBy(outcome::stats)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'scale-then-add' is composed: its inner elements have the figures; ask"
                + " stats(name) for one of [scale, plus-one]");
  }

  @Test
  void aSourceIsRunWithoutInput() {
    ElementTester.of(IterSource.of("numbers", "out", List.of("a", "b")))
        .expectData("out", "a", "b")
        .expectEosAt("out", 3)
        .verify();
  }

  @Test
  void aSinkIsFedAndReadBackAndItsEosIterationChecked() {
    var outcome =
        ElementTester.of(new CollectSink("collect", List.of("in")))
            .inputFrames("in", Frame.of(1), Frame.of(2), Frame.of(3).withEos(true))
            .expectSinkEosAt(3)
            .expectElement(sink -> assertThat(sink.collected("in")).containsExactly(1, 2, 3))
            .verify();

    assertThat(outcome.element().collected("in")).containsExactly(1, 2, 3);
    assertThat(outcome.stats().framesIn()).isEqualTo(3);
  }

  @Test
  void specsAreChecked() {
    var spec = new Rate(16);
    var tester =
        ElementTester.of(
                CallableTransform.fromCallable(
                    "pass", frames -> frames.get(0).data(), "out", List.of("in")))
            .input("in", 1)
            .expectSpec("out", spec);

    assertThatThrownBy(tester::verify)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'pass', source pad 'out': iteration 1 has spec DataSpec.NONE, expected "
                + spec);
  }

  @Test
  void arraysCompareByContent() {
    ElementTester.of(
            CallableTransform.fromCallable(
                "bytes",
                frames -> new byte[] {(byte) (int) frames.get(0).data()},
                "out",
                List.of("in")))
        .input("in", 7)
        .expectData("out", (Object) new byte[] {7})
        .verify();
  }

  @Test
  void theElementsErrorIsExpectedByTypeAndExactMessage() {
    ElementTester.of(failingAt(2))
        .input("in", 1, 2, 3)
        .expectError(IllegalStateException.class, "no 2, please")
        .expectData("out", 1)
        .verify();

    assertThatThrownBy(
            () ->
                ElementTester.of(failingAt(2))
                    .input("in", 1, 2, 3)
                    .expectError(IllegalStateException.class, "no 3, please")
                    .verify())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'picky': expected the run to fail with java.lang.IllegalStateException: no 3,"
                + " please, got java.lang.IllegalStateException: no 2, please");
  }

  @Test
  void anUnexpectedErrorFailsWithThePipelinesMessageAndCause() {
    var error = catchThrowable(() -> ElementTester.of(failingAt(2)).input("in", 1, 2).verify());

    assertThat(error)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'picky': the run failed: element 'picky' failed at pad 'picky:src:out' in"
                + " iteration 2: java.lang.IllegalStateException: no 2, please")
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("no 2, please");
  }

  @Test
  void aTransformThatSwallowsEosFailsNamingThePad() {
    assertThatThrownBy(
            () -> ElementTester.of(new EosSwallower()).input("in", 1, 2).maxIterations(50).verify())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'swallower': source pad 'out' sent no EOS in 50 iterations (its inputs sent"
                + " EOS by iteration 3); an element passes EOS on to its source pads; raise"
                + " maxIterations(...) if it needs more iterations");
  }

  @Test
  void aSinkThatNeverMarksEosFailsSayingWhatASinkDoes() {
    assertThatThrownBy(
            () -> ElementTester.of(new ForgetfulSink()).input("in", 1).maxIterations(20).verify())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "element 'forgetful': the sink was not at EOS after 20 iterations (its inputs sent EOS"
                + " by iteration 2); a sink calls markEos(pad) when a pad's frame is EOS; raise"
                + " maxIterations(...) if it needs more iterations");
  }

  @Test
  void padsThatAreNotTheElementsAreNamedWithTheElementsPads() {
    assertThatThrownBy(() -> ElementTester.of(scale()).input("inn", 1).verify())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'scale' has no sink pad 'inn' to give input to; its sink pads are [in]");
    assertThatThrownBy(() -> ElementTester.of(scale()).verify())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sink pad 'in' of element 'scale' has no input; give it with input(\"in\", ...) or"
                + " inputFrames(...)");
    assertThatThrownBy(() -> ElementTester.of(scale()).input("in", 1).expectData("src", 1).verify())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'scale' has no source pad 'src' to expect frames from; its source pads are"
                + " [out]");
    assertThatThrownBy(() -> ElementTester.of(scale()).input("in", 1).input("in", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sink pad 'in' already has its input; give all its frames in one call");
  }

  @Test
  void oneElementCannotRunInTwoModes() {
    assertThatThrownBy(
            () ->
                ElementTester.of(scale())
                    .input("in", 1)
                    .inModes(WorkerMode.THREAD, WorkerMode.PROCESS)
                    .verify())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this tester was given one element, which can run in one pipeline only, and needs 2"
                + " runs; give a factory instead: ElementTester.ofEach(() -> new MyElement(...))");
  }

  /** Squares a frame's number, in a worker thread or a worker process. */
  public static final class Square implements FrameMap {
    /** Made by name by each worker. */
    public Square() {}

    @Override
    public Frame apply(Frame frame) {
      int n = frame.dataAs(Integer.class);
      return frame.withData(n * n);
    }
  }

  private static ParallelTransformElement squares() {
    return ParallelTransformElement.builder("square").map(Square.class).build();
  }

  @RepeatedTest(5)
  void aParallelElementPassesTheSameChecksInThreadAndProcessMode() {
    var outcome =
        ElementTester.ofEach(ElementTesterTest::squares)
            .input("in", 1, 2, 3, 4)
            .expectData("out", 1, 4, 9, 16)
            .expectEosAt("out", 5)
            .inModes(WorkerMode.THREAD, WorkerMode.PROCESS)
            .verify();

    assertThat(outcome.mode()).hasValue(WorkerMode.PROCESS);
  }

  @Test
  void aFailureInOneModeNamesTheMode() {
    assertThatThrownBy(
            () ->
                ElementTester.ofEach(ElementTesterTest::squares)
                    .input("in", 1, 2)
                    .expectData("out", 1, 5)
                    .inModes(WorkerMode.PROCESS)
                    .verify())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(
            "element 'square' (PROCESS mode), source pad 'out': data differs from item 2");
  }

  private static CallableTransform failingAt(int bad) {
    return CallableTransform.fromCallable(
        "picky",
        frames -> {
          int n = (int) frames.get(0).data();
          if (n == bad) {
            throw new IllegalStateException("no " + n + ", please");
          }
          return n;
        },
        "out",
        List.of("in"));
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected a failure");
  }

  /** Passes data on and never EOS. */
  private static final class EosSwallower extends TransformElement {
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

  /** Never marks its pad at EOS. */
  private static final class ForgetfulSink extends SinkElement {
    ForgetfulSink() {
      super("forgetful", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }
}
