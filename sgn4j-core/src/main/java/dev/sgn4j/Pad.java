package dev.sgn4j;

/**
 * A named connection point of an {@link Element}: the nodes of the pipeline graph.
 *
 * <p>Every pad has a short name, unique among the element's pads of its kind, and a full name
 * {@code <element>:<kind>:<short name>} unique in a pipeline, where kind is {@code src} for a
 * {@link SourcePad}, {@code snk} for a {@link SinkPad} and {@code inl} for the element's {@link
 * InternalPad}. Pads are created by their element; users never construct them.
 *
 * <pre>{@code
 * SourcePad out = source.sourcePad("out");
 * out.shortName();   // "out"
 * out.fullName();    // "src1:src:out"
 * }</pre>
 *
 * @serial exclude
 */
public abstract sealed class Pad implements java.io.Serializable
    permits SourcePad, SinkPad, InternalPad {

  private static final long serialVersionUID = 1L;

  private final Element element;
  private final String shortName;
  private final String fullName;

  Pad(Element element, String shortName, String kind) {
    this.element = element;
    this.shortName = shortName;
    this.fullName = element.name() + ":" + kind + ":" + shortName;
  }

  /**
   * The element that owns this pad.
   *
   * @return the owner
   */
  public final Element element() {
    return element;
  }

  /**
   * The name given when the element was built (SGN's {@code pad_name}).
   *
   * @return the short name, e.g. {@code out}
   */
  public final String shortName() {
    return shortName;
  }

  /**
   * The name unique in a pipeline (SGN's {@code name}).
   *
   * @return the full name, e.g. {@code src1:src:out}
   */
  public final String fullName() {
    return fullName;
  }

  /**
   * Whether the pad takes part in a link; internal pads are always linked.
   *
   * @return true when linked
   */
  public abstract boolean isLinked();

  /** Returns the full name. */
  @Override
  public final String toString() {
    return fullName;
  }
}
