package dev.sgn4j.parallel.spi;

/**
 * Passes an item through the encoding that worker processes use, for the encodability check of
 * thread mode (spec X5): with it on, every item crossing a thread worker's queues is encoded and
 * decoded as a process worker's queue would, so switching the element to {@code WorkerMode.PROCESS}
 * never fails for the first time in production. The sgn4j-process module provides it; it is found
 * with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * // META-INF/services/dev.sgn4j.parallel.spi.EncodabilityCheck
 * dev.sgn4j.process.ProcessEncodabilityCheck
 * }</pre>
 *
 * <p>Implementations are called from the run thread and from worker threads at once.
 */
public interface EncodabilityCheck {

  /**
   * Encodes and decodes {@code item}.
   *
   * @param item what a queue carries: a frame, a map of frames by pad name, or a worker's own value
   * @param context what the item belongs to, used in messages, e.g. {@code "element 'square'"}, as
   *     a worker process's queues say
   * @return the decoded copy, which travels on in place of {@code item}
   * @throws IllegalArgumentException naming the context, the field path and the class of a value
   *     that cannot be encoded
   */
  Object roundTrip(Object item, String context);
}
