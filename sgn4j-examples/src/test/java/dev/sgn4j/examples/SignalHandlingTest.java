package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Await;
import dev.sgn4j.testsupport.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs the example without its one-second pace. The signal is a real SIGINT, raised from the
 * source's pacer while the run is active: the run installs its handler before any element starts,
 * so the signal never reaches the JVM's default handler, which would end the test JVM.
 */
class SignalHandlingTest {

  /** Waits until {@code condition} holds, failing after 10 s. */
  private static void await(BooleanSupplier condition, String what) {
    Await.until(what, condition);
  }

  private static List<String> framesUpTo(int last) {
    List<String> lines = new ArrayList<>();
    lines.add("Pipeline started, press Ctrl+C to stop");
    for (int n = 1; n <= last; n++) {
      lines.add("Producing frame " + n);
      lines.add("Processing: Frame " + n);
    }
    lines.add("End of stream received, shutting down...");
    lines.add("Pipeline has shut down cleanly.");
    return lines;
  }

  @Test
  void withoutASignalTheSourceEndsAfterFrameElevenWhichCarriesEos() {
    var lines = Output.capture(() -> SignalHandling.run((frame, signaledEos) -> {}));

    assertThat(lines).containsExactlyElementsOf(framesUpTo(11));
  }

  @RepeatedTest(5)
  void aSigintBeforeFrameFourMakesFrameFourTheLastAndTheHandlerIsRestoredAfterwards() {
    Signal sigint = new Signal("INT");
    AtomicInteger seenAfterRun = new AtomicInteger();
    SignalHandler mine = signal -> seenAfterRun.incrementAndGet();
    SignalHandler original = Signal.handle(sigint, mine);
    try {
      // A JVM started with SIGINT ignored (a background job of a non-interactive shell) never
      // installs SIGINT handlers, so the signal could not reach the run.
      Requirement.SIGNALS.check();
      AtomicInteger raised = new AtomicInteger();
      var lines =
          Output.capture(
              () ->
                  SignalHandling.run(
                      (frame, signaledEos) -> {
                        if (frame == 4) {
                          raised.incrementAndGet();
                          Signal.raise(sigint);
                          await(signaledEos, "the source to see the SIGINT");
                        }
                      }));

      assertThat(lines).containsExactlyElementsOf(framesUpTo(4));
      assertThat(raised).hasValue(1);
      assertThat(seenAfterRun).hasValue(0);

      // The run put the handler it replaced back: this SIGINT reaches it.
      Signal.raise(sigint);
      await(() -> seenAfterRun.get() == 1, "the restored handler did not get the SIGINT");
    } finally {
      Signal.handle(sigint, original);
    }
  }
}
