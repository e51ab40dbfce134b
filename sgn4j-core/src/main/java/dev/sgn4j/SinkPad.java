package dev.sgn4j;

import java.util.Optional;

/**
 * An input of a {@link TransformElement} or {@link SinkElement}. Once per iteration it takes the
 * frame of its one upstream {@link SourcePad} and hands it to the element's {@code pull(pad,
 * frame)}.
 *
 * <p>A sink pad has exactly one upstream pad: linking a second one (fan-in) or relinking is an
 * error, because frames from two sources on one pad cannot keep iteration alignment (use a merging
 * transform with one sink pad per input). The first frame of a run fixes the pad's {@link
 * DataSpec}; a later frame with another spec fails the run.
 *
 * <p>Not thread-safe: pads are linked while the pipeline is built, on one thread.
 *
 * @serial exclude
 */
public final class SinkPad extends Pad {

  private static final long serialVersionUID = 1L;

  /** Links stay behind when an element is serialized: each copy travels alone, unlinked. */
  private transient SourcePad upstream;

  private transient volatile DataSpec dataSpec;

  private final int index;

  SinkPad(Element element, String shortName, int index) {
    super(element, shortName, "snk");
    this.index = index;
  }

  /**
   * The position of this pad among its element's pads of this kind, from 0, in declaration order.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * The source pad this pad is linked to.
   *
   * @return the upstream pad, empty when not linked yet
   */
  public Optional<SourcePad> upstream() {
    return Optional.ofNullable(upstream);
  }

  /**
   * The spec fixed by the first frame of the current or last run.
   *
   * @return the spec, empty before the first frame arrived
   */
  public Optional<DataSpec> dataSpec() {
    return Optional.ofNullable(dataSpec);
  }

  @Override
  public boolean isLinked() {
    return upstream != null;
  }

  SourcePad upstreamOrNull() {
    return upstream;
  }

  void setUpstream(SourcePad source) {
    this.upstream = source;
  }

  DataSpec dataSpecOrNull() {
    return dataSpec;
  }

  void setDataSpec(DataSpec spec) {
    this.dataSpec = spec;
  }
}
