package dev.sgn4j;

/**
 * Run-time progress of one stage of an element: which of its pad calls comes next and how many
 * iterations it completed. An element is one stage (pulls, internal, frames); an asynchronous
 * transform is two, its inputs and its outputs, so its outputs may lag its inputs. Stages advance
 * independently, which lets elements run ahead of each other by the capacity of the links between
 * them without ever mixing frames of two iterations.
 */
final class Stage {

  final Element element;

  /** Whether the element's readiness must be asked before each iteration of this stage. */
  final boolean gated;

  /** Whether this stage pulls (asks readyToPull) rather than only makes frames (readyToProduce). */
  boolean pulls;

  int steps;
  int pc;
  long iterations;

  Stage(Element element, boolean gated) {
    this.element = element;
    this.gated = gated;
  }

  /** Whether the element is ready for this stage's next iteration; called when {@code pc == 0}. */
  boolean ready() {
    return !gated || (pulls ? element.readyToPull() : element.readyToProduce());
  }

  void advance() {
    if (++pc == steps) {
      pc = 0;
      iterations++;
    }
  }
}
