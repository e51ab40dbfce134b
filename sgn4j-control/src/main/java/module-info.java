/**
 * HTTP control of a running sgn4j pipeline: element state read and written as JSON, run statistics
 * and the graph ({@code dev.sgn4j.control}).
 */
module dev.sgn4j.control {
  requires transitive dev.sgn4j.core;
  requires jdk.httpserver;
  requires java.management;
  requires com.fasterxml.jackson.databind;
  requires io.prometheus.writer.text;
  requires io.prometheus.metrics.model;
  requires io.prometheus.metrics.config;

  exports dev.sgn4j.control;
}
