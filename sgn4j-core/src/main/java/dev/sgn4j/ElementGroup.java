package dev.sgn4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Elements and pad selections taken together, so one {@link Pipeline#connect connect} call links
 * all of them by short pad name (SGN's {@code ElementGroup}). Made by {@link
 * Groups#group(Connectable...)}.
 *
 * <pre>{@code
 * // src1 has source pad H1, src2 has L1 and V1, the sink has H1 and L1
 * pipeline.connect(group(src1, select(src2, "L1")), sink);       // H1 -> H1, L1 -> L1
 * pipeline.connect(broadcaster, group(display1, display2));      // one source pad to both
 * }</pre>
 *
 * <p>Which pads a group offers depends on the side of {@code connect} it is on: as the source, the
 * source pads of its items; as the sink, their sink pads, merged by short name in item order. The
 * names must be unique across the group: two items offering a pad of the same name (say every
 * sensor's pad is {@code data}) is an error, since {@code connect} could not tell them apart.
 * Select the pads you want, or connect those elements one by one.
 *
 * <p>An element item that has no pads at all for the side the group is used on (a {@link
 * SinkElement} in a group used as a source, a {@link SourceElement} in a group used as a sink) is
 * an error naming it, as in SGN: {@code connect} inserts every element of the group, and that one
 * would be left with nothing linked. A {@link PadSelection} item whose selected pads are all of the
 * other kind offers nothing on that side, so a selection made from a mixed group ({@link #select})
 * works on either side. When a whole group offers no pad for its side, {@code connect}'s own
 * message says so. Immutable and safe to share.
 */
public final class ElementGroup implements Connectable {

  private final List<Connectable> items;

  /** A group of these items, each an {@link Element} or a {@link PadSelection}. */
  ElementGroup(List<Connectable> items) {
    this.items = List.copyOf(items);
  }

  /**
   * The elements and pad selections of this group, in the order given, nested groups flattened.
   *
   * @return an unmodifiable list of {@link Element}s and {@link PadSelection}s
   */
  public List<Connectable> items() {
    return items;
  }

  /**
   * Selects pads by <em>pad</em> name across the group: for each item that has pads of these names,
   * a {@link PadSelection} of those pads, in item order.
   *
   * <pre>{@code
   * group(src1, src2, src3).select("H1", "V1");   // select(src1, "H1"), select(src3, "V1")
   * }</pre>
   *
   * @param padNames short names of pads of the group's items
   * @return a group of selections
   * @throws IllegalArgumentException when no name is given or a name is not a pad of any item (an
   *     element's name is not a pad name: SGN's tutorial selects by element name and gets nothing)
   */
  public ElementGroup select(String... padNames) {
    Set<String> wanted = Groups.padNameSet("select", padNames);
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException(
          "select needs at least one pad name; the group's pads are " + padNamesOfItems());
    }
    List<Connectable> selected = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    for (Connectable item : items) {
      Element element = item.elements().get(0);
      List<String> available =
          item instanceof PadSelection selection
              ? List.copyOf(selection.padNames())
              : PadSelection.available(element);
      List<String> matching = new ArrayList<>(wanted);
      matching.retainAll(available);
      if (!matching.isEmpty()) {
        selected.add(new PadSelection(element, matching));
        found.addAll(matching);
      }
    }
    List<String> missing = new ArrayList<>(wanted);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missingMessage(missing));
    }
    return new ElementGroup(selected);
  }

  private String missingMessage(List<String> missing) {
    String message =
        "No pad named %s in the group; select takes pad names, and the group's pads are %s"
            .formatted(quoted(missing), padNamesOfItems());
    List<String> elementNames = new ArrayList<>(missing);
    elementNames.retainAll(elements().stream().map(Element::name).toList());
    if (!elementNames.isEmpty()) {
      message +=
          (" (%s %s in the group: to take all of an element's pads, put the element itself in a"
                  + " group)")
              .formatted(
                  quoted(elementNames),
                  elementNames.size() == 1 ? "is the name of an element" : "are names of elements");
    }
    return message;
  }

  private static String quoted(List<String> names) {
    return "'" + String.join("', '", names) + "'";
  }

  private List<String> padNamesOfItems() {
    Set<String> all = new LinkedHashSet<>();
    for (Connectable item : items) {
      all.addAll(
          item instanceof PadSelection selection
              ? selection.padNames()
              : PadSelection.available((Element) item));
    }
    return List.copyOf(all);
  }

  /**
   * The source pads of the items, by short name, in item order: what the group offers as the source
   * of {@code connect}.
   *
   * @return an unmodifiable map
   * @throws IllegalArgumentException when two items have a source pad of the same name, or an
   *     element item is a {@link SinkElement}
   */
  @Override
  public Map<String, SourcePad> srcs() {
    return merge("source", SinkElement.class, Connectable::srcs);
  }

  /**
   * The sink pads of the items, by short name, in item order: what the group offers as the sink of
   * {@code connect}.
   *
   * @return an unmodifiable map
   * @throws IllegalArgumentException when two items have a sink pad of the same name, or an element
   *     item is a {@link SourceElement}
   */
  @Override
  public Map<String, SinkPad> snks() {
    return merge("sink", SourceElement.class, Connectable::snks);
  }

  private <P extends Pad> Map<String, P> merge(
      String kind, Class<?> padless, Function<Connectable, Map<String, P>> padsOf) {
    Map<String, P> merged = new LinkedHashMap<>();
    for (Connectable item : items) {
      if (padless.isInstance(item)) {
        Element element = (Element) item;
        throw new IllegalArgumentException(
            ("Element '%s' is a %s and has no %s pads; a group used as the %s of connect offers"
                    + " the %s pads of its items, so leave '%s' out of this group")
                .formatted(
                    element.name(), padless.getSimpleName(), kind, kind, kind, element.name()));
      }
      padsOf
          .apply(item)
          .forEach(
              (name, pad) -> {
                P earlier = merged.putIfAbsent(name, pad);
                if (earlier != null && earlier != pad) {
                  throw new IllegalArgumentException(
                      ("Duplicate pad name '%s' in group: '%s' and '%s' both have a %s pad '%s';"
                              + " select the pads you want with select(...) or connect them one"
                              + " by one")
                          .formatted(
                              name, earlier.element().name(), pad.element().name(), kind, name));
                }
              });
    }
    return Collections.unmodifiableMap(merged);
  }

  /**
   * The elements of the items, each once, in item order: what {@code connect} inserts.
   *
   * @return an unmodifiable list
   */
  @Override
  public List<Element> elements() {
    Set<Element> unique = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> elements = new ArrayList<>();
    for (Connectable item : items) {
      Element element = item.elements().get(0);
      if (unique.add(element)) {
        elements.add(element);
      }
    }
    return Collections.unmodifiableList(elements);
  }

  /** The items, e.g. {@code group(src1, select(src2, [L1]))}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Connectable item : items) {
      parts.add(item instanceof Element element ? element.name() : item.toString());
    }
    return "group(" + String.join(", ", parts) + ")";
  }
}
