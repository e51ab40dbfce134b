package dev.sgn4j.test;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.Pad;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.Scheduler;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.Parallelize;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.EosTime;
import dev.sgn4j.worker.WorkerMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Tests one element the way a pipeline uses it: feeds its sink pads with frames, one per iteration,
 * runs it in a pipeline of its own, and checks what its source pads make. Build the script and the
 * expectations, then {@link #verify()}:
 *
 * <pre>{@code
 * ElementTester.of(CallableTransform.fromCallable(
 *         "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in")))
 *     .input("in", 1, 2, 3)                 // iterations 1-3, then EOS frames
 *     .expectData("out", 10, 20, 30)
 *     .expectEosAt("out", 4)
 *     .verify();
 * }</pre>
 *
 * <p>Frame k of a sink pad's script is pulled in iteration k; when a script ends, its pad gets EOS
 * frames (as SGN's sources keep sending EOS), so {@code input("in", 1, 2, 3)} ends the stream in
 * iteration 4 and {@code inputFrames("in", Frame.of(1), Frame.of(2).withEos(true))} in iteration 2.
 * The frames of each source pad are recorded up to and including its first EOS frame; the run ends
 * when every source pad has sent EOS (for a sink, when it is at EOS by its {@link
 * dev.sgn4j.EosPolicy}). A run that goes on past {@link #maxIterations(long)} iterations is stopped
 * and fails the test, naming the pads that sent no EOS.
 *
 * <p>A failed expectation throws an {@link AssertionFailedError} whose message is a table of the
 * iterations, expected against actual, with {@code >} on the rows that differ; IDEs show its
 * expected and actual values side by side:
 *
 * <pre>
 * element 'scale', source pad 'out': frames differ from iteration 2
 *   iteration | expected    | actual
 *           1 | data=10     | data=10
 * >         2 | data=20     | data=21
 *           3 | data=30     | data=30
 *           4 | gap EOS     | gap EOS
 * </pre>
 *
 * <p>Parallel elements are tested the same way. {@link #inModes(WorkerMode...)} runs the same
 * script and expectations once per worker mode, each run with a new element from the factory given
 * to {@link #ofEach(Supplier)} (an element belongs to one pipeline only), in a {@link Parallelize}
 * scope of that mode; a failure names the mode. {@code WorkerMode.PROCESS} needs {@code
 * sgn4j-process} on the test class path, and applies to elements built without a mode of their own.
 *
 * <p>The tester is for tests: it is not thread-safe, and each {@code verify()} builds new
 * pipelines, so one tester may verify more than once when it was made with a factory.
 *
 * @param <E> the element's type, so that {@link Outcome#element()} gives it back typed
 */
public final class ElementTester<E extends Element> {

  private final Supplier<? extends E> factory;
  private final boolean oneElement;
  private final Map<String, List<Frame>> inputs = new LinkedHashMap<>();
  private final List<Expectation<E>> expectations = new ArrayList<>();
  private List<WorkerMode> modes = List.of();
  private Scheduler scheduler;
  private long maxIterations = 100_000;
  private Class<? extends Throwable> errorType;
  private String errorMessage;
  private int runs;

  private ElementTester(Supplier<? extends E> factory, boolean oneElement) {
    this.factory = factory;
    this.oneElement = oneElement;
  }

  /**
   * A tester of one element, for one run.
   *
   * @param element the element, in no pipeline yet
   * @param <E> its type
   * @return the tester
   */
  public static <E extends Element> ElementTester<E> of(E element) {
    Objects.requireNonNull(element, "element");
    return new ElementTester<>(() -> element, true);
  }

  /**
   * A tester that makes a new element for each run, as {@link #inModes(WorkerMode...)} and repeated
   * {@link #verify()} calls need.
   *
   * @param factory makes the element; each call a new one with the same name and pads
   * @param <E> its type
   * @return the tester
   */
  public static <E extends Element> ElementTester<E> ofEach(Supplier<? extends E> factory) {
    return new ElementTester<>(Objects.requireNonNull(factory, "factory"), false);
  }

  /**
   * Feeds a sink pad with frames carrying {@code data}, one per iteration, then EOS frames.
   *
   * @param sinkPad the sink pad's short name
   * @param data the data of iterations 1, 2, ... ({@code null} is data)
   * @return this tester
   */
  public ElementTester<E> input(String sinkPad, Object... data) {
    return input(sinkPad, Arrays.asList(data));
  }

  /**
   * Feeds a sink pad with frames carrying the items of {@code data}, one per iteration, then EOS
   * frames.
   *
   * @param sinkPad the sink pad's short name
   * @param data the data of iterations 1, 2, ...
   * @return this tester
   */
  public ElementTester<E> input(String sinkPad, List<?> data) {
    List<Frame> frames = new ArrayList<>(data.size());
    for (Object item : data) {
      frames.add(Frame.of(item));
    }
    return inputFrames(sinkPad, frames);
  }

  /**
   * Feeds a sink pad with exactly these frames, one per iteration (gaps, EOS, specs and metadata as
   * given), then EOS frames.
   *
   * @param sinkPad the sink pad's short name
   * @param frames the frames of iterations 1, 2, ...
   * @return this tester
   */
  public ElementTester<E> inputFrames(String sinkPad, Frame... frames) {
    return inputFrames(sinkPad, Arrays.asList(frames));
  }

  /**
   * Feeds a sink pad with exactly these frames, one per iteration, then EOS frames.
   *
   * @param sinkPad the sink pad's short name
   * @param frames the frames of iterations 1, 2, ...
   * @return this tester
   * @throws IllegalArgumentException when the pad already has a script
   */
  public ElementTester<E> inputFrames(String sinkPad, List<Frame> frames) {
    Objects.requireNonNull(sinkPad, "sinkPad");
    for (Frame frame : frames) {
      Objects.requireNonNull(frame, () -> "a frame for sink pad '" + sinkPad + "' is null");
    }
    if (inputs.putIfAbsent(sinkPad, List.copyOf(frames)) != null) {
      throw new IllegalArgumentException(
          "sink pad '%s' already has its input; give all its frames in one call"
              .formatted(sinkPad));
    }
    return this;
  }

  /**
   * Expects the data of a source pad's frames that are not gaps, in order, up to its EOS (what a
   * {@code CollectSink} would collect; arrays compare by content).
   *
   * @param sourcePad the source pad's short name
   * @param data the expected data
   * @return this tester
   */
  public ElementTester<E> expectData(String sourcePad, Object... data) {
    return expectData(sourcePad, Arrays.asList(data));
  }

  /**
   * Expects the data of a source pad's frames that are not gaps, in order, up to its EOS.
   *
   * @param sourcePad the source pad's short name
   * @param data the expected data
   * @return this tester
   */
  public ElementTester<E> expectData(String sourcePad, List<?> data) {
    List<Object> expected = new ArrayList<>(data);
    expectations.add(
        new Expectation<>(
            sourcePad,
            (outcome, where) -> {
              List<Object> actual = outcome.data(sourcePad);
              List<Boolean> differs = FrameTable.differences(expected, actual, Objects::deepEquals);
              int first = differs.indexOf(true);
              if (first >= 0) {
                fail(
                    where
                        + ", source pad '"
                        + sourcePad
                        + "': data differs from item "
                        + (first + 1)
                        + " (gaps left out)",
                    FrameTable.table("item", values(expected), values(actual), differs),
                    values(expected),
                    values(actual));
              }
            }));
    return this;
  }

  /**
   * Expects exactly these frames on a source pad, iteration 1 first, up to and including its first
   * EOS frame: flags, data (arrays by content), spec and metadata.
   *
   * @param sourcePad the source pad's short name
   * @param frames the expected frames
   * @return this tester
   */
  public ElementTester<E> expectFrames(String sourcePad, Frame... frames) {
    return expectFrames(sourcePad, Arrays.asList(frames));
  }

  /**
   * Expects exactly these frames on a source pad, iteration 1 first, up to and including its first
   * EOS frame.
   *
   * @param sourcePad the source pad's short name
   * @param frames the expected frames
   * @return this tester
   */
  public ElementTester<E> expectFrames(String sourcePad, List<Frame> frames) {
    List<Frame> expected = List.copyOf(frames);
    expectations.add(
        new Expectation<>(
            sourcePad,
            (outcome, where) -> {
              List<Frame> actual = outcome.frames(sourcePad);
              List<Boolean> differs = FrameTable.differences(expected, actual, FrameTable::same);
              int first = differs.indexOf(true);
              if (first >= 0) {
                List<String> wanted = expected.stream().map(FrameTable::describe).toList();
                List<String> got = actual.stream().map(FrameTable::describe).toList();
                fail(
                    where
                        + ", source pad '"
                        + sourcePad
                        + "': frames differ from iteration "
                        + (first + 1),
                    FrameTable.table("iteration", wanted, got, differs),
                    wanted,
                    got);
              }
            }));
    return this;
  }

  /**
   * Expects a source pad's first EOS frame in this iteration.
   *
   * @param sourcePad the source pad's short name
   * @param iteration the iteration, from 1
   * @return this tester
   */
  public ElementTester<E> expectEosAt(String sourcePad, long iteration) {
    expectations.add(
        new Expectation<>(
            sourcePad,
            (outcome, where) -> {
              long actual = outcome.eosIteration(sourcePad).orElse(0);
              if (actual != iteration) {
                fail(
                    where
                        + ", source pad '"
                        + sourcePad
                        + "': expected EOS first in iteration "
                        + iteration
                        + ", got it in iteration "
                        + actual,
                    "",
                    iteration,
                    actual);
              }
            }));
    return this;
  }

  /**
   * Expects a sink element to be at EOS (by its {@link dev.sgn4j.EosPolicy}) after this iteration.
   *
   * @param iteration the iteration, from 1
   * @return this tester
   */
  public ElementTester<E> expectSinkEosAt(long iteration) {
    expectations.add(
        new Expectation<>(
            null,
            (outcome, where) -> {
              if (!(outcome.element() instanceof SinkElement)) {
                throw new IllegalStateException(
                    where
                        + " is not a sink; expectSinkEosAt is for sinks, expectEosAt(pad, k) for"
                        + " source pads");
              }
              long actual = outcome.stats().eosTime().map(EosTime::iteration).orElse(0L);
              if (actual != iteration) {
                fail(
                    where
                        + ": expected the sink at EOS after iteration "
                        + iteration
                        + ", got "
                        + (actual == 0 ? "no EOS" : "iteration " + actual),
                    "",
                    iteration,
                    actual);
              }
            }));
    return this;
  }

  /**
   * Expects every frame of a source pad that is not a gap to carry this spec.
   *
   * @param sourcePad the source pad's short name
   * @param spec the spec
   * @return this tester
   */
  public ElementTester<E> expectSpec(String sourcePad, DataSpec spec) {
    Objects.requireNonNull(spec, "spec");
    expectations.add(
        new Expectation<>(
            sourcePad,
            (outcome, where) -> {
              List<Frame> frames = outcome.frames(sourcePad);
              for (int i = 0; i < frames.size(); i++) {
                Frame frame = frames.get(i);
                if (!frame.isGap() && !frame.spec().equals(spec)) {
                  fail(
                      where
                          + ", source pad '"
                          + sourcePad
                          + "': iteration "
                          + (i + 1)
                          + " has spec "
                          + frame.spec()
                          + ", expected "
                          + spec,
                      "",
                      spec,
                      frame.spec());
                }
              }
            }));
    return this;
  }

  /**
   * Runs a check of the element's stats, such as {@code stats -> assertThat(stats.framesIn())
   * .isEqualTo(3)}.
   *
   * @param check the check; throws to fail
   * @return this tester
   */
  public ElementTester<E> expectStats(Consumer<ElementStats> check) {
    Objects.requireNonNull(check, "check");
    expectations.add(new Expectation<>(null, (outcome, where) -> check.accept(outcome.stats())));
    return this;
  }

  /**
   * Runs a check of the element itself after the run, such as what a sink kept.
   *
   * @param check the check; throws to fail
   * @return this tester
   */
  public ElementTester<E> expectElement(Consumer<? super E> check) {
    Objects.requireNonNull(check, "check");
    expectations.add(new Expectation<>(null, (outcome, where) -> check.accept(outcome.element())));
    return this;
  }

  /**
   * Expects the run to fail with a {@link PipelineException} caused by the element's exception of
   * this type with exactly this message. Other expectations are checked on what was made before the
   * failure.
   *
   * @param type the type of the cause
   * @param message the cause's message
   * @return this tester
   */
  public ElementTester<E> expectError(Class<? extends Throwable> type, String message) {
    this.errorType = Objects.requireNonNull(type, "type");
    this.errorMessage = message;
    return this;
  }

  /**
   * Runs the script once per worker mode, each time with a new element in a {@link Parallelize}
   * scope of that mode.
   *
   * @param workerModes the modes, at least one
   * @return this tester
   */
  public ElementTester<E> inModes(WorkerMode... workerModes) {
    if (workerModes.length == 0) {
      throw new IllegalArgumentException("inModes needs at least one mode");
    }
    this.modes = List.of(workerModes);
    return this;
  }

  /**
   * Runs with this scheduler instead of the pipeline's default.
   *
   * @param choice the scheduler
   * @return this tester
   */
  public ElementTester<E> scheduler(Scheduler choice) {
    this.scheduler = Objects.requireNonNull(choice, "scheduler");
    return this;
  }

  /**
   * How many iterations a run may take before it fails as one that does not end (default 100,000).
   *
   * @param iterations at least 1
   * @return this tester
   */
  public ElementTester<E> maxIterations(long iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + iterations);
    }
    this.maxIterations = iterations;
    return this;
  }

  /**
   * Runs the element (once, or once per mode of {@link #inModes}) and checks every expectation.
   *
   * @return the outcome of the last run
   * @throws AssertionFailedError when an expectation fails, the run fails unexpectedly or does not
   *     end
   * @throws IllegalArgumentException when a pad named in the script or an expectation is not the
   *     element's, or a sink pad has no input
   */
  public Outcome<E> verify() {
    if (oneElement && runs + Math.max(1, modes.size()) > 1) {
      throw new IllegalStateException(
          "this tester was given one element, which can run in one pipeline only, and needs "
              + (runs + Math.max(1, modes.size()))
              + " runs; give a factory instead: ElementTester.ofEach(() -> new MyElement(...))");
    }
    Outcome<E> last = null;
    for (WorkerMode mode : modes.isEmpty() ? Arrays.asList((WorkerMode) null) : modes) {
      last = verifyOnce(Optional.ofNullable(mode));
    }
    return last;
  }

  private Outcome<E> verifyOnce(Optional<WorkerMode> mode) {
    runs++;
    E element = Objects.requireNonNull(factory.get(), "the factory made null");
    String where =
        "element '" + element.name() + "'" + mode.map(m -> " (" + m + " mode)").orElse("");
    checkPads(element);

    Pipeline pipeline = new Pipeline().handleSignals(false);
    if (scheduler != null) {
      pipeline.scheduler(scheduler);
    }
    IterationLimit limit = new IterationLimit(maxIterations);
    limit.watch(pipeline);
    pipeline.insert(element);
    if (!element.sinkPads().isEmpty()) {
      Map<String, List<Frame>> scripts = new LinkedHashMap<>();
      for (SinkPad pad : element.sinkPads()) {
        scripts.put(pad.shortName(), inputs.get(pad.shortName()));
      }
      ScriptSource script = new ScriptSource(helperName(element, "input"), scripts, limit);
      pipeline.insert(script);
      for (SinkPad pad : element.sinkPads()) {
        pipeline.link(pad, script.sourcePad(pad.shortName()));
      }
    }
    RecordingSink recorder = null;
    if (!element.sourcePads().isEmpty()) {
      List<String> names = element.sourcePads().stream().map(Pad::shortName).toList();
      recorder = new RecordingSink(helperName(element, "output"), names, limit);
      pipeline.insert(recorder);
      for (SourcePad pad : element.sourcePads()) {
        pipeline.link(recorder.sinkPad(pad.shortName()), pad);
      }
    }

    PipelineException error = null;
    try {
      if (mode.isPresent()) {
        try (Parallelize scope = new Parallelize(pipeline, mode.get())) {
          scope.run();
        }
      } else {
        pipeline.run();
      }
    } catch (PipelineException e) {
      error = e;
    }

    Map<String, List<Frame>> frames = new HashMap<>();
    Map<String, Long> eos = new HashMap<>();
    for (SourcePad pad : element.sourcePads()) {
      frames.put(pad.shortName(), recorder.frames(pad.index()));
      eos.put(pad.shortName(), recorder.eosIteration(pad.index()));
    }
    Outcome<E> outcome = new Outcome<>(element, mode, frames, eos, pipeline.stats(), error);
    if (limit.reached()) {
      throw new AssertionFailedError(notEnded(where, element, outcome), error);
    }
    checkError(where, error);
    for (Expectation<E> expectation : expectations) {
      expectation.check().accept(outcome, where);
    }
    return outcome;
  }

  private void checkError(String where, PipelineException error) {
    if (errorType == null) {
      if (error != null) {
        throw new AssertionFailedError(where + ": the run failed: " + error.getMessage(), error);
      }
      return;
    }
    String expected = errorType.getName() + ": " + errorMessage;
    if (error == null) {
      throw new AssertionFailedError(
          where + ": expected the run to fail with " + expected + ", but it completed",
          expected,
          "completed");
    }
    Throwable cause = error.getCause();
    String actual =
        cause == null ? error.toString() : cause.getClass().getName() + ": " + cause.getMessage();
    if (!errorType.isInstance(cause) || !Objects.equals(errorMessage, cause.getMessage())) {
      throw new AssertionFailedError(
          where + ": expected the run to fail with " + expected + ", got " + actual,
          expected,
          actual,
          error);
    }
  }

  private String notEnded(String where, E element, Outcome<E> outcome) {
    long inputsEnd = 0;
    for (List<Frame> script : inputs.values()) {
      int eosAt = script.size() + 1;
      for (int i = 0; i < script.size(); i++) {
        if (script.get(i).isEos()) {
          eosAt = i + 1;
          break;
        }
      }
      inputsEnd = Math.max(inputsEnd, eosAt);
    }
    String inputsText =
        inputs.isEmpty() ? "" : " (its inputs sent EOS by iteration " + inputsEnd + ")";
    if (element instanceof SinkElement) {
      return where
          + ": the sink was not at EOS after "
          + maxIterations
          + " iterations"
          + inputsText
          + "; a sink calls markEos(pad) when a pad's frame is EOS; raise maxIterations(...) if"
          + " it needs more iterations";
    }
    List<String> open = new ArrayList<>();
    for (SourcePad pad : element.sourcePads()) {
      if (outcome.eosIteration(pad.shortName()).isEmpty()) {
        open.add("'" + pad.shortName() + "'");
      }
    }
    return where
        + ": source pad"
        + (open.size() == 1 ? " " : "s ")
        + String.join(", ", open)
        + " sent no EOS in "
        + maxIterations
        + " iterations"
        + inputsText
        + "; an element passes EOS on to its source pads; raise maxIterations(...) if it needs"
        + " more iterations";
  }

  private void checkPads(E element) {
    List<String> sinkPads = element.sinkPads().stream().map(Pad::shortName).toList();
    List<String> sourcePads = element.sourcePads().stream().map(Pad::shortName).toList();
    for (String pad : inputs.keySet()) {
      if (!sinkPads.contains(pad)) {
        throw new IllegalArgumentException(
            "element '%s' has no sink pad '%s' to give input to; its sink pads are %s"
                .formatted(element.name(), pad, sinkPads));
      }
    }
    for (String pad : sinkPads) {
      if (!inputs.containsKey(pad)) {
        throw new IllegalArgumentException(
            "sink pad '%s' of element '%s' has no input; give it with input(\"%s\", ...) or"
                    .formatted(pad, element.name(), pad)
                + " inputFrames(...)");
      }
    }
    for (Expectation<E> expectation : expectations) {
      String pad = expectation.sourcePad();
      if (pad != null && !sourcePads.contains(pad)) {
        throw new IllegalArgumentException(
            "element '%s' has no source pad '%s' to expect frames from; its source pads are %s"
                .formatted(element.name(), pad, sourcePads));
      }
    }
  }

  private static String helperName(Element element, String role) {
    String name = "tester-" + role;
    return name.equals(element.name()) ? name + "-2" : name;
  }

  private static List<String> values(List<Object> data) {
    return data.stream().map(FrameTable::value).toList();
  }

  private static void fail(String message, String table, Object expected, Object actual) {
    throw new AssertionFailedError(
        table.isEmpty() ? message : message + System.lineSeparator() + table, expected, actual);
  }

  /** One check, with the source pad it reads (checked against the element's pads first). */
  private record Expectation<E extends Element>(
      String sourcePad, java.util.function.BiConsumer<Outcome<E>, String> check) {}
}
