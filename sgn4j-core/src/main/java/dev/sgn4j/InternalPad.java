package dev.sgn4j;

/**
 * The pad of an element's {@link Element#internal()} step, full name {@code <element>:inl:inl}.
 * Every element has exactly one. In an iteration it runs after all of the element's sink pads and
 * before any of its source pads.
 */
public final class InternalPad extends Pad {

  InternalPad(Element element) {
    super(element, "inl", "inl");
  }

  @Override
  public boolean isLinked() {
    return true;
  }
}
