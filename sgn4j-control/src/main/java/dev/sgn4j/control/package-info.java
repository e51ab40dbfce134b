/**
 * HTTP control of a running pipeline (SGN's {@code sgn.control}): {@link
 * dev.sgn4j.control.HttpControl} serves the state of the pipeline's {@link dev.sgn4j.Controllable}
 * elements as JSON, applies posted changes, and exports the graph, for as long as the run.
 *
 * <pre>{@code
 * try (var control = HttpControl.start(pipeline)) {
 *   control.run();      // curl <url>/get/<element>
 * }                     // curl -H 'Content-Type: application/json' -d '{"key":1}' <url>/post/<element>
 * }</pre>
 *
 * <p>The server binds to 127.0.0.1 unless told otherwise and refuses, with a JSON error saying what
 * is allowed: a {@code Host} header that does not name it (403, against DNS rebinding), a POST from
 * a web page of another origin (403), a POST that is not {@code application/json} (415, against
 * form posts from any web page), and, when it listens beyond loopback, a request without its random
 * token (401). Each request has a thread of its own, up to 128, and deadlines for its headers and
 * body, so slow clients cannot keep others waiting. {@link dev.sgn4j.control.HttpControl} says
 * more.
 */
package dev.sgn4j.control;
