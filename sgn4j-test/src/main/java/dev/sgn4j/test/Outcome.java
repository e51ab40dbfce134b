package dev.sgn4j.test;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.PipelineException;
import dev.sgn4j.stats.ElementStats;
import dev.sgn4j.stats.RunStats;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one run of an {@link ElementTester} saw: the frames of each of the element's source pads up
 * to and including the first EOS frame, the iteration of that frame, the element's stats and the
 * run's error, for checks the tester does not have.
 *
 * <pre>{@code
 * var outcome = ElementTester.of(new CollectSink("collect", List.of("in")))
 *     .input("in", 1, 2)
 *     .verify();
 * outcome.element().collected("in");          // [1, 2]
 * outcome.stats().framesIn();                 // 2
 * }</pre>
 *
 * @param <E> the element's type
 */
public final class Outcome<E extends Element> {

  private final E element;
  private final Optional<WorkerMode> mode;
  private final Map<String, List<Frame>> frames;
  private final Map<String, Long> eosIterations;
  private final RunStats stats;
  private final PipelineException error;

  Outcome(
      E element,
      Optional<WorkerMode> mode,
      Map<String, List<Frame>> frames,
      Map<String, Long> eosIterations,
      RunStats stats,
      PipelineException error) {
    this.element = element;
    this.mode = mode;
    this.frames = Map.copyOf(frames);
    this.eosIterations = Map.copyOf(eosIterations);
    this.stats = stats;
    this.error = error;
  }

  /**
   * The element of this run, to read what it kept (a sink's collected frames, a counter).
   *
   * @return the element
   */
  public E element() {
    return element;
  }

  /**
   * The worker mode the run's {@code Parallelize} scope had.
   *
   * @return the mode given to {@link ElementTester#inModes}, empty when none was
   */
  public Optional<WorkerMode> mode() {
    return mode;
  }

  /**
   * The frames a source pad made, iteration 1 first, up to and including its first EOS frame.
   *
   * @param sourcePad the source pad's short name
   * @return the frames
   * @throws IllegalArgumentException when the element has no such source pad
   */
  public List<Frame> frames(String sourcePad) {
    List<Frame> made = frames.get(sourcePad);
    if (made == null) {
      throw new IllegalArgumentException(
          "element '%s' has no source pad '%s'; its source pads are %s"
              .formatted(element.name(), sourcePad, new java.util.TreeSet<>(frames.keySet())));
    }
    return made;
  }

  /**
   * The data of the frames a source pad made that are not gaps, in order (what a {@code
   * CollectSink} would collect).
   *
   * @param sourcePad the source pad's short name
   * @return the data, {@code null} items included
   */
  public List<Object> data(String sourcePad) {
    return frames(sourcePad).stream()
        .filter(frame -> !frame.isGap())
        .map(Frame::data)
        .collect(java.util.stream.Collectors.toList());
  }

  /**
   * The iteration (from 1) of a source pad's first EOS frame.
   *
   * @param sourcePad the source pad's short name
   * @return the iteration, empty when the pad sent no EOS (the run failed first)
   */
  public OptionalLong eosIteration(String sourcePad) {
    frames(sourcePad);
    long iteration = eosIterations.get(sourcePad);
    return iteration == 0 ? OptionalLong.empty() : OptionalLong.of(iteration);
  }

  /**
   * The element's counts and timings in the run.
   *
   * @return the stats
   * @throws IllegalStateException for a composed element, whose inner elements have the figures:
   *     ask {@link #stats(String)} for one of them
   */
  public ElementStats stats() {
    return stats.elements().stream()
        .filter(e -> e.name().equals(element.name()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "element '%s' is composed: its inner elements have the figures; ask stats(name)"
                            .formatted(element.name())
                        + " for one of "
                        + stats.elements().stream()
                            .map(ElementStats::name)
                            .filter(n -> !n.startsWith("tester-"))
                            .toList()));
  }

  /**
   * The counts and timings of one element of the run, such as an inner element of a composed one.
   *
   * @param name the element's name
   * @return the stats
   * @throws IllegalArgumentException when the run has no such element
   */
  public ElementStats stats(String name) {
    return stats.element(name);
  }

  /**
   * How the run failed.
   *
   * @return the run's exception, empty when it completed
   */
  public Optional<PipelineException> error() {
    return Optional.ofNullable(error);
  }
}
