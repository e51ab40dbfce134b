package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.PipelineException;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A transform or sink element as a Flink operator of parallelism 1. Its input is the union of its
 * upstream elements' records; it keeps each sink pad's frames apart and runs iteration k (each
 * pull, then {@code internal()}, then each source pad's frame) only when every sink pad has its
 * frame of iteration k: alignment as in a local run, whatever order the records arrive in.
 *
 * <p>A pad whose producer ended sees EOS frames for the later iterations. A transform ends after an
 * iteration in which every source pad sent EOS and every producer had ended; a sink ends at EOS
 * once every producer ended, and then sends its state back to the client in pieces. An element that
 * cannot end is reported after {@code stuckAfter} frames with nothing new, as locally.
 */
final class ElementOperator extends AbstractStreamOperator<FrameRecord>
    implements OneInputStreamOperator<FrameRecord, FrameRecord>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  /** Largest piece of a sink's state in one record. */
  static final int STATE_PIECE = 1 << 20;

  private final byte[] shipped;
  private final int index;
  private final RunSettings settings;

  /** For each producer index, for each of its source pads, the sink pads it feeds. */
  private final Map<Integer, int[][]> routes;

  /** For each producer index, the sink pads it feeds (for its end). */
  private final Map<Integer, int[]> producerPads;

  /** The producers' element names by index, for messages. */
  private final Map<Integer, String> producerNames;

  /** {@link #routes} and {@link #producerPads} as arrays by producer index, for each record. */
  private transient int[][][] routeTable;

  private transient int[][] endTable;

  private transient ElementCalls calls;
  private transient Element element;
  private transient SinkPad[] sinkPads;
  private transient SourcePad[] sourcePads;

  /** The one record this operator hands to Flink, refilled for each output (Flink copies it). */
  private transient StreamRecord<FrameRecord> reused;

  private transient PadBuffer[] buffers;
  private transient Frame[] pulled;
  private transient long iteration;
  private transient boolean done;
  private transient boolean warnedStreaming;
  private transient long streamingAfterEos;
  private transient boolean outputsEos;

  ElementOperator(
      byte[] shipped,
      int index,
      RunSettings settings,
      Map<Integer, int[][]> routes,
      Map<Integer, int[]> producerPads,
      Map<Integer, String> producerNames) {
    this.shipped = shipped;
    this.index = index;
    this.settings = settings;
    this.routes = routes;
    this.producerPads = producerPads;
    this.producerNames = producerNames;
  }

  @Override
  public void open() throws Exception {
    super.open();
    element = (Element) Shipping.unpack(shipped, getUserCodeClassloader());
    sinkPads = element.sinkPads().toArray(SinkPad[]::new);
    sourcePads = element.sourcePads().toArray(SourcePad[]::new);
    reused = new StreamRecord<>(null);
    int producers = 1 + routes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    routeTable = new int[producers][][];
    endTable = new int[producers][];
    routes.forEach((producer, byPad) -> routeTable[producer] = byPad);
    producerPads.forEach((producer, pads) -> endTable[producer] = pads);
    buffers = new PadBuffer[sinkPads.length];
    Arrays.setAll(buffers, i -> new PadBuffer());
    pulled = new Frame[sinkPads.length];
    calls = new ElementCalls(element, settings);
    calls.start();
  }

  @Override
  public void processElement(StreamRecord<FrameRecord> streamRecord) {
    FrameRecord record = streamRecord.getValue();
    if (record.kind() == FrameRecord.Kind.STATS) {
      output.collect(streamRecord);
      return;
    }
    if (record.kind() == FrameRecord.Kind.END) {
      for (int pad : endTable[record.producer()]) {
        buffers[pad].end(record.iteration());
      }
    } else {
      for (int pad : routeTable[record.producer()][record.pad()]) {
        buffers[pad].add(record.iteration(), record.frame());
      }
    }
    if (!done) {
      runReadyIterations();
      if (record.kind() == FrameRecord.Kind.END) {
        finishIfEnded();
      }
    }
  }

  /** Runs every iteration whose frames are all there, with at least one the producers sent. */
  private void runReadyIterations() {
    while (!done) {
      boolean any = false;
      for (PadBuffer buffer : buffers) {
        if (buffer.hasFrame()) {
          any = true;
        } else if (!buffer.pastEnd()) {
          return;
        }
      }
      if (!any) {
        return;
      }
      runIteration();
    }
  }

  @Override
  public void endInput() {
    for (PadBuffer buffer : buffers) {
      buffer.endNow();
    }
    runReadyIterations();
    finishIfEnded();
    long idle = 0;
    while (!done) {
      if (idle++ == settings.stuckAfter()) {
        stuck();
        return;
      }
      runIteration();
    }
  }

  private void runIteration() {
    long current = ++iteration;
    for (int i = 0; i < buffers.length; i++) {
      pulled[i] = buffers[i].take();
    }
    for (int i = 0; i < buffers.length; i++) {
      calls.pull(sinkPads[i], pulled[i], current);
    }
    calls.internal(current);
    boolean allEos = true;
    for (SourcePad pad : sourcePads) {
      Frame frame = calls.produce(pad, current);
      allEos &= frame.isEos();
      emit(FrameRecord.frame(index, pad.index(), current, frame));
    }
    outputsEos = allEos;
    if (element instanceof SinkElement sink ? sink.atEos() : allEos) {
      calls.eos(current);
    }
    if (finishIfEnded()) {
      return;
    }
    if (element instanceof SinkElement sink) {
      if (sink.atEos() && !warnedStreaming && ++streamingAfterEos > settings.stuckAfter()) {
        warnedStreaming = true;
        log(
            "sink '%s' reached EOS, but %s still send frames %d iterations later; on Flink a run"
                + " ends when its sources end: give them an end, set maxIterations, or stop() the"
                + " run",
            element.name(), streamingProducers(), settings.stuckAfter());
      }
    }
  }

  /**
   * Ends the element once every producer ended and it is done: a sink at EOS, a transform whose
   * last frames were all EOS (its end goes downstream).
   *
   * @return whether it ended
   */
  private boolean finishIfEnded() {
    if (done || iteration == 0) {
      return done;
    }
    for (PadBuffer buffer : buffers) {
      if (!buffer.pastEnd()) {
        return false;
      }
    }
    if (element instanceof SinkElement sink) {
      if (sink.atEos()) {
        finish(iteration);
      }
    } else if (outputsEos) {
      emit(FrameRecord.end(index, iteration));
      finish(iteration);
    }
    return done;
  }

  private String streamingProducers() {
    StringBuilder names = new StringBuilder();
    for (Map.Entry<Integer, int[]> producer : producerPads.entrySet()) {
      boolean streaming = false;
      for (int pad : producer.getValue()) {
        streaming |= !buffers[pad].ended();
      }
      if (streaming) {
        names.append(names.isEmpty() ? "" : ", ").append('\'');
        names.append(producerNames.get(producer.getKey())).append('\'');
      }
    }
    return names.isEmpty() ? "its producers" : names.toString();
  }

  /**
   * Every pad pulled {@code stuckAfter} EOS frames after its producer ended and the element is not
   * done: reported in a local run's words, or the run fails when it fails when stuck. A warned
   * element ends here (on Flink nothing else would end it).
   */
  private void stuck() {
    String message;
    if (element instanceof SinkElement sink) {
      List<String> unmarked = new ArrayList<>();
      for (SinkPad pad : sinkPads) {
        if (!sink.isEos(pad)) {
          unmarked.add("'" + pad.fullName() + "'");
        }
      }
      message =
          "sink '%s' has pulled EOS on every pad %d times and is still not at EOS, so the run"
                  .formatted(element.name(), settings.stuckAfter())
              + " cannot end; pads not marked: %s; a sink calls markEos(pad) when a pad's frame"
                  .formatted(String.join(", ", unmarked))
              + " is EOS";
    } else {
      List<String> outputs = new ArrayList<>();
      for (SourcePad pad : sourcePads) {
        outputs.add("'" + pad.fullName() + "'");
      }
      message =
          ("transform '%s' has pulled EOS on every sink pad %d times and sent no EOS on %s, so"
                  + " the run cannot end; a transform sends EOS on its source pads once its"
                  + " inputs end")
              .formatted(element.name(), settings.stuckAfter(), String.join(", ", outputs));
    }
    if (settings.failWhenStuck()) {
      throw new PipelineException(message, element.name(), null, iteration, null);
    }
    System.getLogger("sgn.pipeline").log(Level.WARNING, message);
    finish(iteration);
  }

  private void log(String format, Object... arguments) {
    System.getLogger("sgn." + element.name()).log(Level.WARNING, format.formatted(arguments));
  }

  /**
   * The element is done: its figures go downstream, it is stopped, and a sink sends its state back
   * (not when stop() failed: the run fails with that).
   */
  private void finish(long last) {
    done = true;
    emit(FrameRecord.stats(index, calls.figures()));
    calls.stop(last, null);
    if (element instanceof SinkElement) {
      sendState();
    }
  }

  private void sendState() {
    byte[] state = Shipping.pack(element, "the state of sink '" + element.name() + "'").bytes();
    int pieces = Math.max(1, (state.length + STATE_PIECE - 1) / STATE_PIECE);
    for (int piece = 0; piece < pieces; piece++) {
      int from = piece * STATE_PIECE;
      byte[] bytes = Arrays.copyOfRange(state, from, Math.min(state.length, from + STATE_PIECE));
      emit(FrameRecord.state(index, piece, pieces, bytes));
    }
  }

  private void emit(FrameRecord record) {
    output.collect(reused.replace(record));
  }

  @Override
  public void close() throws Exception {
    try {
      if (calls != null && !done) {
        calls.stop(iteration, null);
      }
    } finally {
      super.close();
    }
  }
}
