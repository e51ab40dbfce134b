package dev.sgn4j;

import java.util.List;
import java.util.Map;

/**
 * Something {@link Pipeline#connect(Connectable, Connectable)} can link: an element, or (see the
 * grouping API) a selection of pads or a group of elements. It offers source and sink pads by short
 * name and the elements to insert.
 *
 * <pre>{@code
 * pipeline.connect(source, transform).connect(transform, sink);
 * }</pre>
 */
public interface Connectable {

  /**
   * The source pads offered for linking, by short name, in pad order.
   *
   * @return an unmodifiable map, empty when there are none
   */
  Map<String, SourcePad> srcs();

  /**
   * The sink pads offered for linking, by short name, in pad order.
   *
   * @return an unmodifiable map, empty when there are none
   */
  Map<String, SinkPad> snks();

  /**
   * The elements that own the offered pads; {@code connect} inserts those not yet in the pipeline.
   *
   * @return the elements, without duplicates
   */
  List<Element> elements();
}
