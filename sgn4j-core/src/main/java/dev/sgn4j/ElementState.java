package dev.sgn4j;

/**
 * Run-time progress of one element: which of its pad calls comes next and how many iterations it
 * completed. Each element advances independently, which is what lets elements run ahead of each
 * other by the capacity of the links between them without ever mixing frames of two iterations.
 */
final class ElementState {

  final Element element;
  int steps;
  int pc;
  long iterations;

  ElementState(Element element) {
    this.element = element;
  }

  void advance() {
    if (++pc == steps) {
      pc = 0;
      iterations++;
    }
  }
}
