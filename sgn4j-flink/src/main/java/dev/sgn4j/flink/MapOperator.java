package dev.sgn4j.flink;

import dev.sgn4j.Frame;
import dev.sgn4j.PipelineException;
import dev.sgn4j.parallel.spi.FrameFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * One instance of a parallel transform's map, on Flink: the element's N workers become N parallel
 * instances of this operator, each mapping the frames it receives as a worker would. Outputs keep
 * their input's iteration, so the consumers, which order each pad's frames by iteration, see them
 * in input order whatever instance finished first: an ordered parallel map.
 */
final class MapOperator extends AbstractStreamOperator<FrameRecord>
    implements OneInputStreamOperator<FrameRecord, FrameRecord>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  private final byte[] shipped;
  private final int index;
  private final String padName;

  private transient FrameFunction function;

  /** This instance's counts: pads {@code out}, {@code in} and the internal pad, as in pads(). */
  private transient Figures figures;

  private transient long startNanos;

  /** The one record this operator hands to Flink, refilled for each output. */
  private transient StreamRecord<FrameRecord> reused;

  /**
   * @param shipped the element's {@link FrameFunction}, serialized
   * @param index the element's index
   * @param padName its sink pad's full name, for messages
   */
  MapOperator(byte[] shipped, int index, String padName) {
    this.shipped = shipped;
    this.index = index;
    this.padName = padName;
  }

  @Override
  public void open() throws Exception {
    super.open();
    function = (FrameFunction) Shipping.unpack(shipped, getUserCodeClassloader());
    figures = new Figures(3);
    reused = new StreamRecord<>(null);
    startNanos = System.nanoTime();
  }

  @Override
  public void endInput() {
    emit(FrameRecord.stats(index, figures));
  }

  @Override
  public void processElement(StreamRecord<FrameRecord> streamRecord) {
    FrameRecord record = streamRecord.getValue();
    if (record.kind() == FrameRecord.Kind.STATS) {
      output.collect(streamRecord);
      return;
    }
    if (record.kind() == FrameRecord.Kind.END) {
      emit(FrameRecord.end(index, record.iteration()));
      return;
    }
    figures.count(1, record.frame());
    Frame out;
    try {
      out = function.apply(record.frame());
    } catch (Exception e) {
      throw new PipelineException(
          "element '%s' failed at pad '%s' in iteration %d: %s"
              .formatted(function.element(), padName, record.iteration(), e),
          function.element(),
          padName,
          record.iteration(),
          e);
    }
    figures.count(0, out);
    figures.iteration(record.iteration());
    if (out.isEos()) {
      figures.eos(record.iteration(), System.nanoTime() - startNanos);
    }
    emit(FrameRecord.frame(index, 0, record.iteration(), out));
  }

  private void emit(FrameRecord record) {
    output.collect(reused.replace(record));
  }
}
