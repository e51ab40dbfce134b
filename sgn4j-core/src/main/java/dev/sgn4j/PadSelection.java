package dev.sgn4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Some pads of one element, chosen by short name, to {@link Pipeline#connect connect} only those
 * (SGN's {@code PadSelection}). Made by {@link Groups#select(Element, String...)}; a name may pick
 * a source pad, a sink pad or both when the element has one of each with that name.
 *
 * <pre>{@code
 * // the sensor has source pads temp, humidity and co2
 * pipeline.connect(select(sensor, "temp"), converter);
 * pipeline.connect(select(sensor, "humidity", "co2"), airQuality);
 * }</pre>
 *
 * <p>As the source of {@code connect} a selection offers its selected source pads, as the sink its
 * selected sink pads; either may be empty. Immutable and safe to share.
 */
public final class PadSelection implements Connectable {

  private final Element element;
  private final Set<String> padNames;
  private final Map<String, SourcePad> srcs;
  private final Map<String, SinkPad> snks;

  /**
   * Selects the pads of {@code element} named {@code padNames} (not null: {@link Groups} checks).
   *
   * @throws IllegalArgumentException when no name is given or a name is not a pad of the element
   */
  PadSelection(Element element, Collection<String> padNames) {
    if (element == null) {
      throw new IllegalArgumentException("select: the element is null");
    }
    this.element = element;
    List<String> available = available(element);
    if (padNames.isEmpty()) {
      throw new IllegalArgumentException(
          "select needs at least one pad name; the pads of element '%s' are %s"
              .formatted(element.name(), available));
    }
    Set<String> names = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : padNames) {
      if (!available.contains(name)) {
        unknown.add(name);
      }
      names.add(name);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Pad names %s not found on element '%s'; the pads available are %s"
              .formatted(unknown, element.name(), available));
    }
    this.padNames = Collections.unmodifiableSet(names);
    this.srcs = Collections.unmodifiableMap(filter(element.srcs(), names));
    this.snks = Collections.unmodifiableMap(filter(element.snks(), names));
  }

  /** The short names of the element's source pads, then of its sink pads, each once. */
  static List<String> available(Element element) {
    Set<String> all = new LinkedHashSet<>(element.srcs().keySet());
    all.addAll(element.snks().keySet());
    return List.copyOf(all);
  }

  private static <P extends Pad> Map<String, P> filter(Map<String, P> pads, Set<String> names) {
    Map<String, P> selected = new LinkedHashMap<>();
    pads.forEach(
        (name, pad) -> {
          if (names.contains(name)) {
            selected.put(name, pad);
          }
        });
    return selected;
  }

  /**
   * The element the pads belong to.
   *
   * @return the element
   */
  public Element element() {
    return element;
  }

  /**
   * The selected short names, in the order they were given, each once.
   *
   * @return an unmodifiable set
   */
  public Set<String> padNames() {
    return padNames;
  }

  /**
   * The selected source pads, by short name, in the element's pad order.
   *
   * @return an unmodifiable map, empty when no source pad was selected
   */
  @Override
  public Map<String, SourcePad> srcs() {
    return srcs;
  }

  /**
   * The selected sink pads, by short name, in the element's pad order.
   *
   * @return an unmodifiable map, empty when no sink pad was selected
   */
  @Override
  public Map<String, SinkPad> snks() {
    return snks;
  }

  /**
   * The one element of this selection.
   *
   * @return a list holding {@link #element()}
   */
  @Override
  public List<Element> elements() {
    return List.of(element);
  }

  /** Equal when both select the same pad names of the same element (the same object). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PadSelection that
        && that.element == element
        && that.padNames.equals(padNames);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(element) * 31 + padNames.hashCode();
  }

  /** How it was made, e.g. {@code select(src2, [L1])}. */
  @Override
  public String toString() {
    return "select(" + element.name() + ", " + padNames + ")";
  }
}
