package dev.sgn4j.parallel;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run-loop side of a parallel element's inputs: each iteration's frames become one item on the
 * input queue of worker {@code k % n}, the end-of-stream item included; after it the inputs are
 * closed and later frames are dropped. Used on the run thread only.
 */
final class InputHalf {

  /** How long one wait for room lasts before the worker's health is checked again. */
  private static final java.time.Duration ROOM_WAIT_SLICE = java.time.Duration.ofMillis(20);

  private final List<SinkPad> pads;
  private final Frame[] pending;
  private final java.util.function.BooleanSupplier drained;
  private EosPolicy policy = EosPolicy.ANY;
  private Workers workers;
  private long sent;
  private boolean ended;

  /**
   * @param pads the element's sink pads
   * @param drained whether the workers are done with the last input (the output passed EOS on, or
   *     the sink's workers ended): until then, inputs after the end are not taken, so upstream
   *     elements wait instead of running on
   */
  InputHalf(List<SinkPad> pads, java.util.function.BooleanSupplier drained) {
    this.pads = pads;
    this.drained = drained;
    this.pending = new Frame[pads.size()];
  }

  void reset(Workers running, EosPolicy eosPolicy) {
    this.workers = running;
    this.policy = eosPolicy;
    this.sent = 0;
    this.ended = false;
  }

  /**
   * Whether this iteration's frames can be taken: the next worker's queue has room. After the end
   * of stream, frames are taken (and dropped) once the workers are done with it; waiting until then
   * keeps the elements upstream in step instead of spinning through iterations.
   */
  boolean ready() {
    if (ended) {
      return drained.getAsBoolean();
    }
    WorkerQueue<Object> queue = workers.input(index(sent));
    return queue.isClosed() || queue.size() < queue.capacity();
  }

  void pull(SinkPad pad, Frame frame) {
    pending[pad.index()] = frame;
  }

  /** Hands the iteration's frames to the worker; returns true on the end-of-stream item. */
  boolean send() {
    if (ended) {
      return false;
    }
    WorkerQueue<Object> queue = workers.input(index(sent));
    if (queue.isClosed()) {
      // The workers were shut down by hand: what follows is dropped, as after EOS.
      ended = true;
      return true;
    }
    Object item = pending.length == 1 ? pending[0] : framesByPad();
    if (!queue.offer(item) && !awaitRoom(queue, item)) {
      ended = true; // the workers were shut down while we waited: as above
      return true;
    }
    sent++;
    if (endOfStream()) {
      ended = true;
      workers.endInput();
    }
    return ended;
  }

  /**
   * Waits until the item fits. {@link #ready()} counts items, but a queue bounded by bytes as well
   * (a process worker's ring) can be full of large items with item room left: the frames are
   * already taken, so wait for the worker to make room, in slices, failing at once if the worker
   * ends meanwhile.
   *
   * @return false when the queue was closed (the workers shut down) while waiting
   */
  private boolean awaitRoom(WorkerQueue<Object> queue, Object item) {
    int worker = index(sent);
    try {
      while (!queue.put(item, ROOM_WAIT_SLICE)) {
        if (workers.terminated(worker)) {
          throw workers.stoppedBeforeEos(worker, sent + 1);
        }
      }
      return true;
    } catch (QueueClosedException closed) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting for room in the input queue of worker " + worker, e);
    }
  }

  boolean ended() {
    return ended;
  }

  long sent() {
    return sent;
  }

  private int index(long iteration) {
    int count = workers.count();
    return count == 1 ? 0 : (int) (iteration % count);
  }

  private boolean endOfStream() {
    boolean any = false;
    boolean all = true;
    for (Frame frame : pending) {
      any |= frame.isEos();
      all &= frame.isEos();
    }
    return policy == EosPolicy.ALL ? all : any;
  }

  private Map<String, Frame> framesByPad() {
    Map<String, Frame> frames = new LinkedHashMap<>();
    for (SinkPad pad : pads) {
      frames.put(pad.shortName(), pending[pad.index()]);
    }
    return Collections.unmodifiableMap(frames);
  }
}
