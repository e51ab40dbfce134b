/**
 * Worker processes: with this module on the class path, {@code mode(WorkerMode.PROCESS)} runs a
 * parallel element's worker in a child JVM, for isolation, native code that is not thread-safe, or
 * a heap of its own. Frames cross through rings in shared memory, encoded by {@code
 * dev.sgn4j.process.codec}; a worker that dies fails the run with its exit status and the end of
 * its standard error.
 *
 * <pre>{@code
 * ParallelTransformElement.builder("square")
 *     .mode(WorkerMode.PROCESS)
 *     .map(Square.class)                           // a public FrameMap class
 *     .build();
 * }</pre>
 */
package dev.sgn4j.process;
