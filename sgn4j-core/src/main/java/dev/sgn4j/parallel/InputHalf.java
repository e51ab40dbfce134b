package dev.sgn4j.parallel;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkPad;
import dev.sgn4j.parallel.spi.BatchingQueue;
import dev.sgn4j.worker.WorkerQueue;
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

  private final List<SinkPad> pads;
  private final Frame[] pending;
  private final java.util.function.BooleanSupplier drained;
  private EosPolicy policy = EosPolicy.ANY;
  private Workers workers;

  /** Each worker's input queue if it takes batches (thread workers), else null. */
  private BatchingQueue<Object>[] batching;

  /** Whether frames were sent since the last {@link #ready()}: if not, the stream paused. */
  private boolean sentSinceReady;

  /** Written by the run thread only (opaque), read by statistics on any thread (opaque). */
  private long sent;

  private static final java.lang.invoke.VarHandle SENT;

  static {
    try {
      SENT =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(InputHalf.class, "sent", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private boolean ended;
  private Object held;
  private boolean heldEndsStream;

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
    this.batching = running.batching(running::input);
    this.policy = eosPolicy;
    SENT.setOpaque(this, 0L);
    this.ended = false;
    this.held = null;
  }

  /**
   * Whether this iteration's frames can be taken: the next worker's queue has room, and nothing is
   * held back. After the end of stream, frames are taken (and dropped) once the workers are done
   * with it; waiting until then keeps the elements upstream in step instead of spinning through
   * iterations.
   */
  boolean ready() {
    if (held != null && !offerHeld()) {
      return false;
    }
    if (ended) {
      return drained.getAsBoolean();
    }
    if (batching != null) {
      if (!sentSinceReady) {
        flush(); // asked again with nothing sent in between: the frames held back go now
      }
      sentSinceReady = false;
      BatchingQueue<Object> queue = batching[index(sent)];
      return queue.isClosed() || queue.hasRoom();
    }
    WorkerQueue<Object> queue = workers.input(index(sent));
    return queue.isClosed() || queue.size() < queue.capacity();
  }

  /**
   * Publishes the frames handed to thread workers in batches; on the thread that made the pad
   * calls, before it waits or turns to other work (see {@code Element.flush()}).
   */
  void flush() {
    BatchingQueue<Object>[] queues = batching;
    if (queues != null && !ended) {
      for (BatchingQueue<Object> queue : queues) {
        if (!queue.isClosed()) {
          queue.publish();
        }
      }
    }
  }

  void pull(SinkPad pad, Frame frame) {
    pending[pad.index()] = frame;
  }

  /**
   * Hands the iteration's frames to the worker. {@link #ready()} counts items, but a queue bounded
   * by bytes as well (a process worker's ring) can be full of large items with item room left: then
   * the item is held, and offered again by {@link #ready()}, which says no until it is in. The run
   * loop never blocks here, so it keeps taking the worker's outputs, which is what makes room.
   */
  void send() {
    if (ended) {
      return;
    }
    WorkerQueue<Object> queue = workers.input(index(sent));
    if (queue.isClosed()) {
      // The workers were shut down by hand: what follows is dropped, as after EOS.
      ended = true;
      return;
    }
    Object item = pending.length == 1 ? pending[0] : framesByPad();
    boolean endOfStream = endOfStream();
    // The end of the stream is published at once (with everything before it); other frames go to
    // a thread worker in batches, published when a batch is full, when the worker waits, or when
    // the run loop flushes the element.
    boolean in =
        batching != null && !endOfStream
            ? batching[index(sent)].offerBatched(item)
            : queue.offer(item);
    sentSinceReady = true;
    if (in) {
      accepted(endOfStream);
    } else {
      held = item;
      heldEndsStream = endOfStream;
    }
  }

  /** Offers the held item again; true once it is in (or the workers were shut down meanwhile). */
  private boolean offerHeld() {
    WorkerQueue<Object> queue = workers.input(index(sent));
    if (queue.isClosed()) {
      held = null;
      ended = true;
      return true;
    }
    if (!queue.offer(held)) {
      return false;
    }
    held = null;
    accepted(heldEndsStream);
    return true;
  }

  private void accepted(boolean endOfStream) {
    SENT.setOpaque(this, sent + 1);
    if (endOfStream) {
      ended = true;
      workers.endInput();
    }
  }

  boolean ended() {
    return ended;
  }

  long sent() {
    return (long) SENT.getOpaque(this);
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
