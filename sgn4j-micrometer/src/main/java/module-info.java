/**
 * A Micrometer binder for sgn4j pipelines ({@code dev.sgn4j.micrometer}): the figures of {@code GET
 * /metrics} as meters in any Micrometer registry.
 */
module dev.sgn4j.micrometer {
  requires transitive dev.sgn4j.core;
  requires micrometer.core;

  exports dev.sgn4j.micrometer;
}
