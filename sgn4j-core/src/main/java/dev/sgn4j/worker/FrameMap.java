package dev.sgn4j.worker;

import dev.sgn4j.Frame;

/**
 * The work of a parallel transform as a named class: one output frame per input frame. A lambda
 * given to {@code map(...)} lives in this JVM only; a {@code FrameMap} class is created by name in
 * each worker, so the same element runs in worker threads or worker processes, switched by one
 * setting, and in pools of either ({@code workers(n)}), outputs in input order.
 *
 * <pre>{@code
 * public final class Square implements FrameMap {
 *   public Frame apply(Frame frame) {
 *     return frame.withData((int) frame.data() * (int) frame.data());
 *   }
 * }
 *
 * ParallelTransformElement.builder("square").map(Square.class).workers(4).mode(WorkerMode.PROCESS);
 * }</pre>
 *
 * <p>The class must be public, with a public no-argument constructor; each worker makes one
 * instance and calls it from one thread. Gap frames pass through without a call; an EOS input gives
 * an EOS output even if {@link #apply} drops the flag.
 */
@FunctionalInterface
public interface FrameMap {

  /**
   * Maps one frame that is not a gap.
   *
   * @param frame the input frame
   * @return the output frame, never null
   * @throws Exception anything; it fails the run, naming the element
   */
  Frame apply(Frame frame) throws Exception;
}
