package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalPadsTest {

  @Test
  void countingInInternalCountsIterationsSoEveryPadSendsElevenFrames() {
    var lines = Output.capture(InternalPads::countInInternal);

    assertThat(lines).containsExactlyElementsOf(Output.repeat(11, "Hello!", "How are you?"));
  }

  @Test
  void sinkJoinsBothPadsInPullAndPrintsOneLinePerIterationInInternal() {
    var lines = Output.capture(InternalPads::joinInSink);

    assertThat(lines).containsExactlyElementsOf(Output.repeat(11, " Hello! How are you?"));
  }

  @Test
  void mainRunsVariantOneThenVariantTwoEachAfterItsHeading() {
    var lines = Output.capture(() -> InternalPads.main(new String[0]));

    List<String> expected = new ArrayList<>();
    expected.add("Variant 1: the source counts iterations in internal()");
    expected.addAll(Output.repeat(11, "Hello!", "How are you?"));
    expected.add("Variant 2: the sink joins its pads in pull() and prints in internal()");
    expected.addAll(Output.repeat(11, " Hello! How are you?"));
    assertThat(lines).containsExactlyElementsOf(expected);
  }
}
