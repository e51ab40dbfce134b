package dev.sgn4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a reusable element from a sub-graph (SGN's {@code Compose}): connect elements as in a
 * pipeline, then freeze them with {@link #asSource}, {@link #asTransform} or {@link #asSink}. The
 * pads left open inside become the composed element's pads, under the same short names.
 *
 * <pre>{@code
 * ComposedSourceElement numbers = new Compose()
 *     .connect(IterSource.of("numbers", "out", List.of(1, 2, 3, 4, 5)), doubler)
 *     .connect(doubler, plusTen)
 *     .asSource("numbers-plus");
 *
 * new Pipeline().connect(numbers, sink).run();   // 12, 14, 16, 18, 20
 * }</pre>
 *
 * <p>A composed element runs no code of its own: its inner elements run in its place, in the same
 * iterations, with their own {@code start()}/{@code stop()}, and {@link Pipeline#check()} checks
 * them too. Composed elements nest. An element can be part of one composition only, so to use a
 * sub-graph twice, build it twice (a factory method returning a new {@code Compose}). Two open pads
 * with the same short name are an error (SGN silently keeps one).
 */
public final class Compose {

  private final List<Element> elements = new ArrayList<>();
  private boolean built;

  /** Starts an empty composition. */
  public Compose() {}

  /**
   * Starts a composition with one element.
   *
   * @param first the first element
   */
  public Compose(Element first) {
    insert(first);
  }

  /**
   * Adds elements to the sub-graph.
   *
   * @param toInsert the elements
   * @return this composition
   * @throws IllegalArgumentException when an element is already in a pipeline or a composition, or
   *     its name is taken here
   */
  public Compose insert(Element... toInsert) {
    requireOpen();
    for (Element element : toInsert) {
      Objects.requireNonNull(element, "element");
      if (element.container == this) {
        continue;
      }
      if (element.owner != null || element.container != null) {
        throw new IllegalArgumentException(
            "Element '%s' is already in a pipeline or another composition; build a new one for this composition"
                .formatted(element.name()));
      }
      for (Element other : elements) {
        if (other.name().equals(element.name())) {
          throw new IllegalArgumentException(
              "Element name '%s' is already in use in this composition".formatted(element.name()));
        }
      }
      element.container = this;
      elements.add(element);
    }
    return this;
  }

  /**
   * Links two pads of elements in this composition.
   *
   * @param sink the sink pad
   * @param source the source pad
   * @return this composition
   * @throws IllegalArgumentException when a pad's element is not in this composition or the sink
   *     pad is already linked
   */
  public Compose link(SinkPad sink, SourcePad source) {
    requireOpen();
    for (Pad pad : List.of(sink, source)) {
      if (pad.element().container != this) {
        throw new IllegalArgumentException(
            "Element '%s' of pad '%s' is not in this composition; insert it first (connect inserts by itself)"
                .formatted(pad.element().name(), pad.fullName()));
      }
    }
    Links.link(sink, source);
    return this;
  }

  /**
   * Inserts and links by short pad names, with the same strategies as {@link
   * Pipeline#connect(Connectable, Connectable)}.
   *
   * @param source the upstream side
   * @param sink the downstream side
   * @return this composition
   */
  public Compose connect(Connectable source, Connectable sink) {
    return connect(source, sink, Map.of());
  }

  /**
   * Like {@link #connect(Connectable, Connectable)} with an explicit map of short names, sink pad
   * name to source pad name.
   *
   * @param source the upstream side
   * @param sink the downstream side
   * @param linkMap sink pad short name to source pad short name
   * @return this composition
   */
  public Compose connect(Connectable source, Connectable sink, Map<String, String> linkMap) {
    requireOpen();
    Map<SinkPad, SourcePad> plan = new LinkedHashMap<>(Connector.plan(source, sink, linkMap));
    plan.forEach(Links::requireUnlinked);
    List<Element> toInsert = new ArrayList<>(source.elements());
    toInsert.addAll(sink.elements());
    insert(toInsert.toArray(Element[]::new));
    plan.forEach(this::link);
    return this;
  }

  /**
   * Freezes the sub-graph as a source: it must hold at least one source, no sink, and every inner
   * sink pad must be linked inside.
   *
   * @param name the composed element's name
   * @return the composed source, whose pads are the open inner source pads
   */
  public ComposedSourceElement asSource(String name) {
    String kind = "ComposedSourceElement";
    requireParts(kind, name, SourceElement.class, SinkElement.class);
    Boundary boundary = Boundary.of(kind, name, elements);
    requireNoOpen(kind, name, "sink", boundary.sinks.values(), "has no inputs");
    built = true;
    return new ComposedSourceElement(name, elements, boundary);
  }

  /**
   * Freezes the sub-graph as a transform: it must hold transforms only.
   *
   * @param name the composed element's name
   * @return the composed transform, whose pads are the open inner pads
   */
  public ComposedTransformElement asTransform(String name) {
    String kind = "ComposedTransformElement";
    requireNonEmpty(kind, name);
    for (Element element : elements) {
      if (!(element instanceof TransformElement)) {
        throw new IllegalArgumentException(
            "%s '%s' can only contain TransformElements, got '%s' (%s)"
                .formatted(kind, name, element.name(), element.getClass().getSimpleName()));
      }
    }
    Boundary boundary = Boundary.of(kind, name, elements);
    built = true;
    return new ComposedTransformElement(name, elements, boundary);
  }

  /**
   * Freezes the sub-graph as a sink: it must hold at least one sink, no source, and every inner
   * source pad must be linked inside.
   *
   * @param name the composed element's name
   * @return the composed sink, whose pads are the open inner sink pads
   */
  public ComposedSinkElement asSink(String name) {
    String kind = "ComposedSinkElement";
    requireParts(kind, name, SinkElement.class, SourceElement.class);
    Boundary boundary = Boundary.of(kind, name, elements);
    requireNoOpen(kind, name, "source", boundary.sources.values(), "has no outputs");
    built = true;
    return new ComposedSinkElement(name, elements, boundary);
  }

  private void requireOpen() {
    if (built) {
      throw new IllegalStateException(
          "this composition was already turned into an element; start a new Compose");
    }
  }

  private void requireNonEmpty(String kind, String name) {
    requireOpen();
    if (elements.isEmpty()) {
      throw new IllegalArgumentException(
          "%s '%s' requires at least one element".formatted(kind, name));
    }
  }

  private void requireParts(
      String kind, String name, Class<? extends Element> needed, Class<? extends Element> banned) {
    requireNonEmpty(kind, name);
    if (elements.stream().noneMatch(needed::isInstance)) {
      throw new IllegalArgumentException(
          "%s '%s' requires at least one %s".formatted(kind, name, needed.getSimpleName()));
    }
    for (Element element : elements) {
      if (banned.isInstance(element)) {
        throw new IllegalArgumentException(
            "%s '%s' cannot contain %s, got '%s'"
                .formatted(kind, name, banned.getSimpleName(), element.name()));
      }
    }
  }

  private static void requireNoOpen(
      String kind, String name, String side, java.util.Collection<? extends Pad> open, String why) {
    if (!open.isEmpty()) {
      throw new IllegalArgumentException(
          "%s '%s' %s, but %s pads %s are not linked inside the composition; link them"
              .formatted(kind, name, why, side, open.stream().map(Pad::fullName).toList()));
    }
  }
}
