/**
 * HTTP control of a running sgn4j pipeline: element state read and written as JSON, run statistics
 * and the graph ({@code dev.sgn4j.control}).
 */
module dev.sgn4j.control {
  requires transitive dev.sgn4j.core;
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;

  exports dev.sgn4j.control;
}
