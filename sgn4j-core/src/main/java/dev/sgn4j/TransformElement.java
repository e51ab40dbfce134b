package dev.sgn4j;

import java.util.List;

/**
 * An element with inputs and outputs. In each iteration the pipeline calls {@link #pull(SinkPad,
 * Frame)} for every sink pad, then {@link #internal()}, then {@link #newFrame(SourcePad)} for every
 * source pad, so a frame made in iteration k can depend on all inputs of iteration k.
 *
 * <pre>{@code
 * final class Doubler extends TransformElement {
 *   private Frame input;
 *
 *   Doubler() {
 *     super("doubler", List.of("in"), List.of("out"));
 *   }
 *
 *   @Override
 *   protected void pull(SinkPad pad, Frame frame) {
 *     input = frame;
 *   }
 *
 *   @Override
 *   protected Frame newFrame(SourcePad pad) {
 *     return input.isGap() ? input : input.withData((int) input.data() * 2);
 *   }
 * }
 * }</pre>
 *
 * <p>EOS is not propagated for you: copy it from the inputs into the outputs (as above, where the
 * output keeps the input's flags).
 */
public abstract non-sealed class TransformElement extends Element {

  /**
   * Builds a transform with these pads (each list followed by any {@link StaticPads}).
   *
   * @param name the element name; {@code null} or blank to generate one
   * @param sinkPadNames the short names of the inputs
   * @param sourcePadNames the short names of the outputs
   * @throws IllegalArgumentException when either kind is missing or a name is invalid or repeated
   */
  protected TransformElement(String name, List<String> sinkPadNames, List<String> sourcePadNames) {
    super(name, sinkPadNames, sourcePadNames);
  }

  @Override
  final void checkKind(List<String> sinkNames, List<String> sourceNames) {
    if (sinkNames.isEmpty() || sourceNames.isEmpty()) {
      throw new IllegalArgumentException(
          "TransformElement '%s' needs both sink and source pads, got sink pads %s and source pads %s"
              .formatted(name(), sinkNames, sourceNames));
    }
  }

  /**
   * Receives this iteration's frame on {@code pad}. Called once per sink pad per iteration.
   *
   * @param pad one of this element's sink pads
   * @param frame the frame made by the upstream source pad
   */
  protected abstract void pull(SinkPad pad, Frame frame);

  /**
   * Makes this iteration's frame for {@code pad} (SGN's {@code new}); must not return {@code null}.
   *
   * @param pad one of this element's source pads
   * @return the frame every sink pad linked to {@code pad} receives
   */
  protected abstract Frame newFrame(SourcePad pad);

  @Override
  final Frame runNewFrame(SourcePad pad) {
    return newFrame(pad);
  }

  @Override
  final void runPull(SinkPad pad, Frame frame) {
    pull(pad, frame);
  }
}
