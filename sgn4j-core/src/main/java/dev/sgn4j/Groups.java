package dev.sgn4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups of elements and selections of pads, to link many pads with one {@link Pipeline#connect
 * connect} call (SGN's {@code sgn.groups}). Use them with static imports:
 *
 * <pre>{@code
 * import static dev.sgn4j.Groups.group;
 * import static dev.sgn4j.Groups.select;
 *
 * // src1 has source pad H1, src2 has L1 and V1, the sink has sink pads H1 and L1
 * pipeline.connect(group(src1, select(src2, "L1")), sink);   // H1 -> H1, L1 -> L1
 * pipeline.connect(select(src2, "V1"), logger);              // V1 -> the logger's one pad
 * }</pre>
 *
 * <p>{@code connect} links what a group or selection offers by short pad name with its usual
 * strategies, and inserts every element involved. See {@link ElementGroup} for how a group offers
 * pads on each side and when pad names clash.
 */
public final class Groups {

  private Groups() {}

  /**
   * Groups elements, pad selections and other groups; nested groups are flattened into their items.
   *
   * @param items {@link Element}s, {@link PadSelection}s and {@link ElementGroup}s
   * @return the group
   * @throws IllegalArgumentException when an item is null or another kind of {@link Connectable}
   */
  public static ElementGroup group(Connectable... items) {
    List<Connectable> flat = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      Connectable item = items[i];
      switch (item) {
        case null -> throw new IllegalArgumentException("group: item " + i + " is null");
        case Element element -> flat.add(element);
        case PadSelection selection -> flat.add(selection);
        case ElementGroup nested -> flat.addAll(nested.items());
        default -> throw new IllegalArgumentException(unsupported("group: item " + i, item));
      }
    }
    return new ElementGroup(flat);
  }

  /**
   * Selects some pads of an element by short name.
   *
   * <pre>{@code
   * select(sensor, "temp");               // only the pad temp
   * select(sensor, "humidity", "co2");
   * }</pre>
   *
   * @param element the element
   * @param padNames short names of its source or sink pads
   * @return the selection
   * @throws IllegalArgumentException when no name is given or a name is not a pad of the element,
   *     listing the pads it has
   */
  public static PadSelection select(Element element, String... padNames) {
    return new PadSelection(element, padNameSet("select", padNames));
  }

  /**
   * Narrows a selection to the requested names it holds.
   *
   * @param selection the selection to narrow
   * @param padNames short names
   * @return a selection of the names both have
   * @throws IllegalArgumentException when none of the names is in the selection
   */
  public static PadSelection select(PadSelection selection, String... padNames) {
    Set<String> wanted = padNameSet("select", padNames);
    List<String> matching = new ArrayList<>(wanted);
    matching.retainAll(selection.padNames());
    if (matching.isEmpty()) {
      throw new IllegalArgumentException(
          "No matching pads found in %s. Requested: %s, Available: %s"
              .formatted(selection, wanted, selection.padNames()));
    }
    return new PadSelection(selection.element(), matching);
  }

  /**
   * Selects pads by pad name across a group; the same as {@link ElementGroup#select(String...)}.
   *
   * @param group the group
   * @param padNames short names of pads of the group's items
   * @return a group of selections
   * @throws IllegalArgumentException when a name is not a pad of any item
   */
  public static ElementGroup select(ElementGroup group, String... padNames) {
    return group.select(padNames);
  }

  /**
   * Selects pads of an element, a selection or a group, whichever {@code target} is: for code that
   * holds a {@link Connectable}.
   *
   * @param target an {@link Element}, {@link PadSelection} or {@link ElementGroup}
   * @param padNames short pad names
   * @return a {@link PadSelection} for an element or selection, an {@link ElementGroup} for a group
   * @throws IllegalArgumentException as the overload for that kind, or when {@code target} is null
   *     or another kind of {@link Connectable}
   */
  public static Connectable select(Connectable target, String... padNames) {
    return switch (target) {
      case null -> throw new IllegalArgumentException("select: the target is null");
      case Element element -> select(element, padNames);
      case PadSelection selection -> select(selection, padNames);
      case ElementGroup group -> group.select(padNames);
      default -> throw new IllegalArgumentException(unsupported("select: the target", target));
    };
  }

  private static String unsupported(String what, Connectable item) {
    return "%s is %s (%s); expected an Element, a PadSelection (from select) or an ElementGroup (from group)"
        .formatted(what, item, item.getClass().getName());
  }

  /** The names, each once, in order; null names are rejected. */
  static Set<String> padNameSet(String operation, String... padNames) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < padNames.length; i++) {
      if (padNames[i] == null) {
        throw new IllegalArgumentException(operation + ": pad name " + i + " is null");
      }
      names.add(padNames[i]);
    }
    return names;
  }
}
