package dev.sgn4j;

import java.util.List;
import java.util.Objects;

/**
 * An element that consumes frames: it has sink pads only. Override {@link #pull(SinkPad, Frame)}
 * and call {@link #markEos(SinkPad)} when a frame with EOS arrives; the run ends once every sink of
 * the pipeline is {@link #atEos() at EOS}.
 *
 * <pre>{@code
 * final class Printer extends SinkElement {
 *   Printer() {
 *     super("printer", List.of("in"));
 *   }
 *
 *   @Override
 *   protected void pull(SinkPad pad, Frame frame) {
 *     if (frame.isEos()) {
 *       markEos(pad);
 *     }
 *     if (!frame.isGap()) {
 *       System.out.println(frame.data());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>With several pads a sink is at EOS when any pad saw EOS (SGN's rule); {@link
 * #setEosPolicy(EosPolicy) setEosPolicy(EosPolicy.ALL)} waits for every pad. EOS marks are cleared
 * when a run starts.
 *
 * @serial exclude
 */
public abstract non-sealed class SinkElement extends Element {

  private final boolean[] eos;
  private int eosCount;
  private EosPolicy eosPolicy = EosPolicy.ANY;

  /**
   * Builds a sink with these sink pads (followed by any {@link StaticPads}).
   *
   * @param name the element name; {@code null} or blank to generate one
   * @param sinkPadNames the short names of the sink pads
   * @throws IllegalArgumentException when there is no sink pad or a name is invalid or repeated
   */
  protected SinkElement(String name, List<String> sinkPadNames) {
    super(name, sinkPadNames, List.of());
    this.eos = new boolean[sinkPads().size()];
  }

  @Override
  final void checkKind(List<String> sinkNames, List<String> sourceNames) {
    if (!sourceNames.isEmpty()) {
      throw new IllegalArgumentException(
          "SinkElement '%s' must not have source pads, got %s; use a TransformElement to emit frames"
              .formatted(name(), sourceNames));
    }
    if (sinkNames.isEmpty()) {
      throw new IllegalArgumentException(
          "SinkElement '%s' has no sink pads; give it at least one sink pad name"
              .formatted(name()));
    }
  }

  /**
   * Receives this iteration's frame on {@code pad}. Called once per sink pad per iteration, also
   * after the sink is at EOS (until every sink of the pipeline is).
   *
   * @param pad one of this element's sink pads
   * @param frame the frame made by the upstream source pad
   */
  protected abstract void pull(SinkPad pad, Frame frame);

  /**
   * Records that {@code pad} reached end of stream.
   *
   * @param pad one of this element's sink pads
   * @throws IllegalArgumentException when the pad belongs to another element
   */
  protected final void markEos(SinkPad pad) {
    if (pad.element() != this) {
      throw new IllegalArgumentException(
          "markEos(%s): the pad belongs to element '%s', not '%s'"
              .formatted(pad, pad.element().name(), name()));
    }
    if (!eos[pad.index()]) {
      eos[pad.index()] = true;
      eosCount++;
    }
  }

  /**
   * Whether {@code pad} was marked with {@link #markEos(SinkPad)} in this run.
   *
   * @param pad one of this element's sink pads
   * @return true once marked
   */
  public final boolean isEos(SinkPad pad) {
    return pad.element() == this && eos[pad.index()];
  }

  /**
   * Whether this sink is at end of stream, by its {@link EosPolicy}. Read by the pipeline between
   * iterations: the run ends after the iteration in which the last sink reached EOS, once every
   * sink completed it and is {@linkplain #drained() drained}.
   *
   * @return true when at end of stream
   */
  public boolean atEos() {
    return eosPolicy == EosPolicy.ANY ? eosCount > 0 : eosCount == eos.length;
  }

  /**
   * Whether work this sink handed to other threads is done: the run ends only when every sink is at
   * EOS and drained. True by default; a sink that writes through a worker (a {@code
   * ParallelSinkElement}) says false until its worker consumed the last frame and ended, so a run
   * never ends before its last frame was written. Called on the run thread; may be called from any
   * thread for statistics.
   *
   * @return true when nothing this sink started is still going on
   */
  protected boolean drained() {
    return true;
  }

  /**
   * The rule {@link #atEos()} applies.
   *
   * @return the policy, {@link EosPolicy#ANY} unless changed
   */
  public final EosPolicy eosPolicy() {
    return eosPolicy;
  }

  /**
   * Chooses when this sink counts as being at EOS; call it before the run.
   *
   * @param policy {@link EosPolicy#ANY} (default) or {@link EosPolicy#ALL}
   * @return this sink
   */
  public final SinkElement setEosPolicy(EosPolicy policy) {
    this.eosPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  @Override
  final void runPull(SinkPad pad, Frame frame) {
    pull(pad, frame);
  }

  @Override
  void resetForRun() {
    java.util.Arrays.fill(eos, false);
    eosCount = 0;
  }
}
