/**
 * SGN's streaming graphs for the JVM: build a {@link dev.sgn4j.Pipeline} of sources, transforms and
 * sinks joined through named pads, and run it frame by frame until end of stream.
 *
 * <pre>{@code
 * var numbers = IterSource.of("numbers", "out", List.of(1, 2, 3));
 * var collect = new CollectSink("collect", List.of("in"));
 * new Pipeline().connect(numbers, collect).run();
 * collect.collected("in");                       // [1, 2, 3]
 * }</pre>
 *
 * <p>Here are the model ({@link dev.sgn4j.Element} and its three kinds, {@link dev.sgn4j.Pad}s,
 * {@link dev.sgn4j.Frame}s), the {@link dev.sgn4j.Pipeline} that links them, and how a run is
 * started, watched and ended ({@link dev.sgn4j.Run}, {@link dev.sgn4j.RunOptions}, {@link
 * dev.sgn4j.Scheduler}). Executors plug in through {@link dev.sgn4j.Executor}.
 */
package dev.sgn4j;
