package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.spi.BatchingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run-loop side of a parallel element's outputs: output iteration k is read from worker {@code
 * k % n} (for flatMap, from the current worker until its batch ends), so a pool's outputs come out
 * in input order whatever finishes first. The first item whose frames are all EOS ends the output;
 * after it every pad sends EOS. Used on the run thread only.
 */
final class OutputHalf {

  private final String element;
  private final List<SourcePad> pads;
  private Workers workers;

  /** Each worker's output queue if it hands over batches (thread workers), else null. */
  private BatchingQueue<Object>[] batching;

  /** Per worker, the outputs taken from its batching queue but not yet used. */
  private ReadAhead[] ahead;

  private boolean oneToOne;
  private Object current;
  private int worker;

  /** Written by the run thread only (opaque), read by statistics on any thread (opaque). */
  private long received;

  private static final java.lang.invoke.VarHandle RECEIVED;

  static {
    try {
      RECEIVED =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(OutputHalf.class, "received", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private boolean ended;

  OutputHalf(String element, List<SourcePad> pads) {
    this.element = element;
    this.pads = pads;
  }

  void reset(Workers running, boolean oneOutputPerInput) {
    this.workers = running;
    BatchingQueue<Object>[] queues = running.batching(running::output);
    this.batching = queues;
    if (queues != null) {
      this.ahead = new ReadAhead[queues.length];
      for (int i = 0; i < queues.length; i++) {
        ahead[i] = new ReadAhead();
      }
    } else {
      this.ahead = null;
    }
    this.oneToOne = oneOutputPerInput;
    this.current = null;
    this.worker = 0;
    RECEIVED.setOpaque(this, 0L);
    this.ended = false;
  }

  /**
   * Whether the next output iteration is here.
   *
   * @throws WorkerException when the worker it must come from ended without sending EOS
   */
  boolean ready() {
    if (ended || current != null) {
      return true;
    }
    while (true) {
      Object item = poll(worker);
      if (item == null && workers.terminated(worker)) {
        item = poll(worker);
        if (item == null && workers.endsWithoutEos()) {
          ended = true;
          return true;
        }
        if (item == null) {
          throw workers.stoppedBeforeEos(worker, received + 1);
        }
      }
      if (item == null) {
        return false;
      }
      if (item == Workers.BATCH_END) {
        worker = (worker + 1) % workers.count();
        continue;
      }
      if (oneToOne) {
        worker = (worker + 1) % workers.count();
      }
      current = check(item);
      return true;
    }
  }

  /** The frame of {@code pad} for this output iteration; the last pad moves to the next one. */
  Frame frame(SourcePad pad) {
    if (current == null) {
      return Frame.eos();
    }
    Frame frame =
        current instanceof Frame single
            ? single
            : (Frame) ((Map<?, ?>) current).get(pad.shortName());
    if (pad.index() == pads.size() - 1) {
      if (allEos(current)) {
        ended = true;
      }
      current = null;
      RECEIVED.setOpaque(this, received + 1);
    }
    return frame;
  }

  boolean ended() {
    return ended;
  }

  long received() {
    return (long) RECEIVED.getOpaque(this);
  }

  /**
   * After a manual shutdown, with every worker ended: removes the outputs left, in output order,
   * and ends the output, so only EOS follows.
   */
  List<Object> drain() {
    List<Object> left = new ArrayList<>();
    if (current != null) {
      left.add(current);
      current = null;
    }
    int emptyInARow = 0;
    while (emptyInARow < workers.count()) {
      Object item = poll(worker);
      if (item == null || item == Workers.BATCH_END) {
        emptyInARow = item == null ? emptyInARow + 1 : 0;
        worker = (worker + 1) % workers.count();
        continue;
      }
      emptyInARow = 0;
      left.add(item);
      if (oneToOne) {
        worker = (worker + 1) % workers.count();
      }
    }
    ended = true;
    return left;
  }

  /** The next output of worker {@code w}: read ahead when its queue takes batches. */
  private Object poll(int w) {
    return batching == null ? workers.output(w).poll() : ahead[w].poll(batching[w]);
  }

  private Object check(Object item) {
    if (pads.size() == 1 && item instanceof Frame) {
      return item;
    }
    if (item instanceof Map<?, ?> frames && frames.size() == pads.size()) {
      boolean complete = true;
      for (SourcePad pad : pads) {
        complete &= frames.get(pad.shortName()) instanceof Frame;
      }
      if (complete) {
        return item;
      }
    }
    throw new IllegalStateException(
        "the worker of '%s' put %s on its output queue; put a Frame%s"
            .formatted(
                element,
                item.getClass().getName(),
                pads.size() == 1
                    ? ""
                    : " per pad in a Map<String, Frame> with the keys "
                        + pads.stream().map(SourcePad::shortName).toList()));
  }

  private static boolean allEos(Object item) {
    if (item instanceof Frame frame) {
      return frame.isEos();
    }
    for (Object frame : ((Map<?, ?>) item).values()) {
      if (!((Frame) frame).isEos()) {
        return false;
      }
    }
    return true;
  }
}
