/**
 * The built-in elements, as in SGN's {@code sgn.sources}, {@code sgn.transforms} and {@code
 * sgn.sinks}: sources of lists, deques and nothing ({@code IterSource}, {@code DequeSource}, {@code
 * NullSource}), transforms from a function ({@code CallableTransform}), sinks that collect or drop
 * ({@code CollectSink}, {@code NullSink}), and a source of the run's own figures ({@code
 * StatsSource}).
 *
 * <pre>{@code
 * var square = CallableTransform.fromCallable(
 *     "square", frames -> (int) frames.get(0).data() * (int) frames.get(0).data(),
 *     "out", List.of("in"));
 * }</pre>
 */
package dev.sgn4j.elements;
