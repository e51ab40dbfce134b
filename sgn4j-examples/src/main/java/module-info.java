/**
 * SGN's tutorials re-expressed as runnable, tested sgn4j programs, and the demos of the {@code
 * sgn4j} command. The package is open so that sgn4j reads the examples' {@code @WorkerParameter}
 * fields and worker processes create their worker classes.
 */
open module dev.sgn4j.examples {
  requires transitive dev.sgn4j.core;
  requires dev.sgn4j.process;
  requires dev.sgn4j.control;

  exports dev.sgn4j.examples;
}
