package dev.sgn4j;

import java.util.List;

/**
 * An element that makes frames: it has source pads only. Override {@link #newFrame(SourcePad)};
 * optionally {@link #internal()}, which runs once per iteration before the frames are made.
 *
 * <pre>{@code
 * final class Counter extends SourceElement {
 *   private int count;
 *
 *   Counter() {
 *     super("counter", List.of("out"));
 *   }
 *
 *   @Override
 *   protected Frame newFrame(SourcePad pad) {
 *     count++;
 *     return Frame.of(count).withEos(count == 10 || signaledEos());
 *   }
 * }
 * }</pre>
 *
 * <p>A source keeps being called after it returned EOS (until every sink is at EOS) and should keep
 * returning EOS frames. Once a graceful stop was requested ({@link Pipeline#stop()}), the pipeline
 * marks every frame of every source as EOS itself (a {@link dev.sgn4j.elements.StatsSource} can opt
 * out).
 */
public abstract non-sealed class SourceElement extends Element {

  /**
   * Builds a source with these source pads (followed by any {@link StaticPads}).
   *
   * @param name the element name; {@code null} or blank to generate one
   * @param sourcePadNames the short names of the source pads
   * @throws IllegalArgumentException when there is no source pad or a name is invalid or repeated
   */
  protected SourceElement(String name, List<String> sourcePadNames) {
    super(name, List.of(), sourcePadNames);
  }

  @Override
  final void checkKind(List<String> sinkNames, List<String> sourceNames) {
    if (!sinkNames.isEmpty()) {
      throw new IllegalArgumentException(
          "SourceElement '%s' must not have sink pads, got %s; use a TransformElement to take input"
              .formatted(name(), sinkNames));
    }
    if (sourceNames.isEmpty()) {
      throw new IllegalArgumentException(
          "SourceElement '%s' has no source pads; give it at least one source pad name"
              .formatted(name()));
    }
  }

  /**
   * Makes this iteration's frame for {@code pad} (SGN's {@code new}). Called once per source pad
   * per iteration, after {@link #internal()}; must not return {@code null} (return {@link
   * Frame#gap()} when there is nothing to send).
   *
   * @param pad one of this element's source pads
   * @return the frame every sink pad linked to {@code pad} receives
   */
  protected abstract Frame newFrame(SourcePad pad);

  /**
   * Whether a graceful stop was requested for the running pipeline ({@link Pipeline#stop()}, or a
   * signal while a run is active): SGN's {@code signaled_eos()}. Sources that never end by
   * themselves read it to send EOS.
   *
   * @return true once the run should drain
   */
  protected final boolean signaledEos() {
    RunContext current = context;
    return current != null && current.stopRequested();
  }

  /**
   * Whether the pipeline marks this source's frames as EOS once the run drains ({@link
   * Pipeline#stop()} or a first signal). True by default; override it to return false for a source
   * that keeps sending until it ends by itself (as a {@link dev.sgn4j.elements.StatsSource} built
   * with {@code eosOnSignal(false)} does), reading {@link #signaledEos()} to decide when. Read once
   * when the run starts.
   *
   * @return whether drains end this source's stream
   */
  protected boolean endsOnDrain() {
    return true;
  }

  @Override
  final Frame runNewFrame(SourcePad pad) {
    return newFrame(pad);
  }
}
