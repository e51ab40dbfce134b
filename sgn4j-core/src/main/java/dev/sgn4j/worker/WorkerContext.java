package dev.sgn4j.worker;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What a worker gets (SGN's {@code WorkerContext}): its queues, the stop and shutdown flags, state
 * kept across calls, the scope's shared memory and the element's worker parameters. One context
 * exists per worker for its whole life.
 *
 * <pre>{@code
 * public void process(WorkerContext context) throws Exception {
 *   int calls = (int) context.state().merge("calls", 1, (a, b) -> (int) a + (int) b);
 *   Object item = context.input().poll(Duration.ofMillis(100));
 *   ...
 * }
 * }</pre>
 *
 * <p>Used by the worker's own thread only.
 */
public interface WorkerContext {

  /**
   * The queue the element fills with its input frames (empty and closed for sources).
   *
   * @return the input queue
   */
  WorkerQueue<Object> input();

  /**
   * The queue the element takes this worker's results from (never filled by sinks).
   *
   * @return the output queue
   */
  WorkerQueue<Object> output();

  /**
   * Whether the worker must stop now (SGN's {@code worker_stop}): the run ended or failed.
   *
   * @return true once told to stop
   */
  boolean shouldStop();

  /**
   * Whether the worker should finish what is queued and end (SGN's {@code worker_shutdown}): the
   * input reached EOS or a graceful stop was requested.
   *
   * @return true once shutting down
   */
  boolean shouldShutdown();

  /**
   * A map kept for this worker across calls, for state of the worker's own.
   *
   * @return the mutable state map
   */
  Map<String, Object> state();

  /**
   * The shared memory segment of this name.
   *
   * @param name the name given to {@link dev.sgn4j.parallel.Parallelize#toShm}
   * @return the segment
   * @throws IllegalArgumentException naming the segments there are when there is none
   */
  SharedMemory sharedMemory(String name);

  /**
   * A view of the bytes a slice refers to, in the segment it names: read and written in place.
   *
   * @param slice a slice received in a frame, e.g. {@code (SharedSlice) frame.data()}
   * @return a new view, position 0, limit the slice's length
   * @throws IllegalArgumentException naming the segments there are when the slice's is unknown
   * @throws IndexOutOfBoundsException when the range is not inside the segment
   */
  default ByteBuffer view(SharedSlice slice) {
    return sharedMemory(slice.segment()).view(slice);
  }

  /**
   * All shared memory segments of the scope, by name.
   *
   * @return an unmodifiable map
   */
  Map<String, SharedMemory> sharedMemory();

  /**
   * The worker parameters, copied when the run started.
   *
   * @return an unmodifiable map
   */
  Map<String, Object> parameters();

  /**
   * One worker parameter.
   *
   * @param name the parameter name
   * @param <T> the expected type
   * @return the value
   * @throws IllegalArgumentException naming the parameters there are when there is none
   */
  <T> T parameter(String name);

  /**
   * The name of the element this worker works for.
   *
   * @return the element name
   */
  String elementName();

  /**
   * This worker's index in the element's pool, from 0.
   *
   * @return the index
   */
  int workerIndex();
}
