/**
 * HTTP control of a running pipeline (SGN's {@code sgn.control}): {@link
 * dev.sgn4j.control.HttpControl} serves the state of the pipeline's {@link dev.sgn4j.Controllable}
 * elements as JSON, applies posted changes, and exports the graph, for as long as the run.
 *
 * <pre>{@code
 * try (var control = HttpControl.start(pipeline)) {
 *   control.run();      // curl <url>/get/<element>, curl -d '{"key":1}' <url>/post/<element>
 * }
 * }</pre>
 */
package dev.sgn4j.control;
