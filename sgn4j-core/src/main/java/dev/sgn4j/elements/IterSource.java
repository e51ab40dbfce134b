package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source that sends the items of one iterable per source pad, one item per iteration, then EOS.
 *
 * <pre>{@code
 * IterSource.of("numbers", "out", List.of(1, 2, 3));           // 1, 2, 3, then EOS frames
 *
 * IterSource.builder("sensors")
 *     .pad("temp", List.of(20.5, 21.0))
 *     .pad("humidity", List.of(50, 55, 60))
 *     .build();                                              // each pad ends on its own
 * }</pre>
 *
 * <p>Each item becomes {@link Frame#of(Object)}; a {@code null} item is data, not the end (SGN ends
 * the stream on {@code None}). When a pad's iterator is exhausted it sends {@link Frame#eos()}
 * frames, or {@link Frame#gap()} frames if {@code eosOnEmpty} is false for that pad. Iterators are
 * created when the element is built, so one instance runs through its items once. Override {@link
 * #update(SourcePad)} to do something before every item is read (SGN's hook).
 *
 * <p>Serializing the element (as sgn4j-flink does to run it on a cluster) writes the items each pad
 * has left, which must then be finite and serializable; the element itself goes on with the same
 * items.
 *
 * @serial exclude
 */
public class IterSource extends SourceElement {

  private static final long serialVersionUID = 1L;

  /** Rebuilt from the remaining items when the element is serialized (see writeObject). */
  private transient Iterator<?>[] iterators;

  private final boolean[] eosOnEmpty;

  /**
   * Builds a source with one iterable per pad, keyed by pad name, in the order of {@code padNames}.
   *
   * @param name the element name
   * @param padNames the source pad names
   * @param iterables the items of each pad; the key set must equal the pad names
   * @param eosOnEmpty send EOS (true) or gaps (false) once a pad's items are used up
   * @throws IllegalArgumentException when the iterables do not match the pads
   */
  public IterSource(
      String name,
      List<String> padNames,
      Map<String, ? extends Iterable<?>> iterables,
      boolean eosOnEmpty) {
    super(name, padNames);
    List<String> extra = new ArrayList<>(iterables.keySet());
    extra.removeAll(srcs().keySet());
    if (!extra.isEmpty()) {
      throw new IllegalArgumentException(
          "IterSource '%s' has items for pads that do not exist: %s; its source pads are %s"
              .formatted(name(), extra, srcs().keySet()));
    }
    List<String> missing = new ArrayList<>(srcs().keySet());
    missing.removeAll(iterables.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "IterSource '%s' needs one iterable per source pad; missing: %s"
              .formatted(name(), missing));
    }
    this.iterators = new Iterator<?>[sourcePads().size()];
    this.eosOnEmpty = new boolean[sourcePads().size()];
    for (SourcePad pad : sourcePads()) {
      Iterable<?> items =
          Objects.requireNonNull(iterables.get(pad.shortName()), "items of pad " + pad.shortName());
      iterators[pad.index()] = items.iterator();
      this.eosOnEmpty[pad.index()] = eosOnEmpty;
    }
  }

  /**
   * A source with a single pad.
   *
   * @param name the element name
   * @param padName the source pad name
   * @param items the items to send
   * @return the source, which sends EOS after the last item
   */
  public static IterSource of(String name, String padName, Iterable<?> items) {
    return new IterSource(name, List.of(padName), Map.of(padName, items), true);
  }

  /**
   * Starts a builder for a source with several pads.
   *
   * @param name the element name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Called before each item is read for {@code pad}; does nothing by default.
   *
   * @param pad the pad about to read its next item
   */
  protected void update(SourcePad pad) {}

  @Override
  protected Frame newFrame(SourcePad pad) {
    update(pad);
    Iterator<?> items = iterators[pad.index()];
    if (items.hasNext()) {
      return Frame.of(items.next());
    }
    return eosOnEmpty[pad.index()] ? Frame.eos() : Frame.gap();
  }

  /** Collects pads and their items in order; {@link #build()} makes the source. */
  public static final class Builder {
    private final String name;
    private final Map<String, Iterable<?>> pads = new LinkedHashMap<>();
    private boolean eosOnEmpty = true;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Adds a source pad and its items.
     *
     * @param padName the pad name
     * @param items the items
     * @return this builder
     */
    public Builder pad(String padName, Iterable<?> items) {
      if (pads.putIfAbsent(padName, Objects.requireNonNull(items, "items")) != null) {
        throw new IllegalArgumentException("pad '" + padName + "' is added twice");
      }
      return this;
    }

    /**
     * Chooses what exhausted pads send: EOS (true, the default) or gap frames (false).
     *
     * @param eos the choice
     * @return this builder
     */
    public Builder eosOnEmpty(boolean eos) {
      this.eosOnEmpty = eos;
      return this;
    }

    /**
     * Builds the source.
     *
     * @return a new source
     */
    public IterSource build() {
      return new IterSource(name, List.copyOf(pads.keySet()), pads, eosOnEmpty);
    }
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    for (int i = 0; i < iterators.length; i++) {
      List<Object> rest = new ArrayList<>();
      iterators[i].forEachRemaining(rest::add);
      iterators[i] = rest.iterator();
      out.writeObject(rest);
    }
  }

  private void readObject(java.io.ObjectInputStream in)
      throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    iterators = new Iterator<?>[eosOnEmpty.length];
    for (int i = 0; i < iterators.length; i++) {
      iterators[i] = ((List<?>) in.readObject()).iterator();
    }
  }
}
