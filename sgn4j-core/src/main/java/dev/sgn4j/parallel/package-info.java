/**
 * SGN's parallel module: elements that do their work in worker threads, virtual threads or (with
 * sgn4j-process) worker processes, fed through bounded queues, inside a {@link
 * dev.sgn4j.parallel.Parallelize} scope that owns their workers and shared memory.
 *
 * <pre>{@code
 * var square = ParallelTransformElement.builder("square")
 *     .workers(4)                                  // outputs keep the input order
 *     .map(frame -> frame.withData((int) frame.data() * (int) frame.data()))
 *     .build();
 * }</pre>
 */
package dev.sgn4j.parallel;
