package dev.sgn4j;

import java.util.ArrayList;
import java.util.List;

/**
 * An output of a {@link SourceElement} or {@link TransformElement}. Once per iteration the element
 * makes one frame for it (SGN's {@code new()}, here {@code newFrame(pad)}), and every linked {@link
 * SinkPad} receives that same frame object (fan-out never copies).
 *
 * <p>Not thread-safe: pads are linked while the pipeline is built, on one thread.
 *
 * @serial exclude
 */
public final class SourcePad extends Pad {

  private static final long serialVersionUID = 1L;

  /** Links stay behind when an element is serialized: each copy travels alone, unlinked. */
  private transient List<SinkPad> downstream = new ArrayList<>(1);

  private final int index;

  SourcePad(Element element, String shortName, int index) {
    super(element, shortName, "src");
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
   * The sink pads this pad feeds, in link order.
   *
   * @return an unmodifiable snapshot
   */
  public List<SinkPad> downstream() {
    return List.copyOf(downstream);
  }

  @Override
  public boolean isLinked() {
    return !downstream.isEmpty();
  }

  void addDownstream(SinkPad sink) {
    downstream.add(sink);
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    downstream = new ArrayList<>(1);
  }
}
