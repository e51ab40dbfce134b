/**
 * The worker's side of a parallel element, the same in a worker thread and in a worker process: the
 * {@link dev.sgn4j.worker.WorkerContext} with its input and output {@link
 * dev.sgn4j.worker.WorkerQueue}s, parameters and shared memory, and the two forms of work, a {@link
 * dev.sgn4j.worker.WorkerLogic} loop (the seed's style) or a {@link dev.sgn4j.worker.FrameMap}.
 *
 * <pre>{@code
 * public final class Square implements FrameMap {
 *   public Frame apply(Frame frame) {
 *     return frame.withData((int) frame.data() * (int) frame.data());
 *   }
 * }
 * }</pre>
 */
package dev.sgn4j.worker;
