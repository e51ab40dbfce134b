/**
 * sgn4j's testing kit ({@code dev.sgn4j.test}): drives one element with scripted frames and checks
 * what it makes, in users' tests.
 */
module dev.sgn4j.test {
  requires transitive dev.sgn4j.core;
  requires transitive org.opentest4j;

  exports dev.sgn4j.test;
}
