package dev.sgn4j.worker;

/**
 * Worker code in the seed's style (SGN's {@code worker_process}): the framework calls {@link
 * #process(WorkerContext)} in a loop, on the worker, until it is told to stop, and once shutting
 * down while the input queue still holds items. Each call should do one unit of work, typically
 * take an item from the input queue and put results on the output queue.
 *
 * <pre>{@code
 * public final class Echo implements WorkerLogic {
 *   public void process(WorkerContext context) throws Exception {
 *     Object item = context.input().poll(Duration.ofMillis(100));
 *     if (item != null) {
 *       context.output().put(item);   // frames, EOS included, travel on
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations are named by class and need a public no-argument constructor: each worker
 * creates its own instance (in its own JVM in process mode), so the element itself never reaches
 * the worker. Values the worker needs come from {@link WorkerContext#parameters()}.
 *
 * <p>Items: an element with one sink pad puts each iteration's {@code Frame} on the input queue;
 * one with several puts a {@code Map<String, Frame>} by pad name. The worker puts, per output
 * iteration, a {@code Frame} (one source pad) or a {@code Map<String, Frame>} holding every source
 * pad. A transform or source worker must pass EOS on: the element's output ends with the first item
 * whose frames are all EOS.
 */
@FunctionalInterface
public interface WorkerLogic {

  /**
   * Does one unit of work.
   *
   * @param context the worker's queues, flags, state and parameters
   * @throws Exception to fail the run: the pipeline ends with a {@link
   *     dev.sgn4j.parallel.WorkerException} whose cause is this exception
   */
  void process(WorkerContext context) throws Exception;
}
