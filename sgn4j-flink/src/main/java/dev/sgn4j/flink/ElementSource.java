package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.Frame;
import dev.sgn4j.SourcePad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source element as a Flink source of parallelism 1: each poll runs one iteration of the element
 * (a frame from every source pad, tagged with the iteration), until an iteration in which every pad
 * sent EOS; then it sends its end and finishes. Its one split stands for the element.
 */
final class ElementSource implements Source<FrameRecord, ElementSource.Split, Integer> {

  private static final long serialVersionUID = 1L;

  private final byte[] shipped;
  private final int index;
  private final RunSettings settings;

  ElementSource(byte[] shipped, int index, RunSettings settings) {
    this.shipped = shipped;
    this.index = index;
    this.settings = settings;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<Split, Integer> createEnumerator(SplitEnumeratorContext<Split> context) {
    return new Enumerator(context, false);
  }

  @Override
  public SplitEnumerator<Split, Integer> restoreEnumerator(
      SplitEnumeratorContext<Split> context, Integer assigned) {
    return new Enumerator(context, assigned != null && assigned == 1);
  }

  @Override
  public SimpleVersionedSerializer<Split> getSplitSerializer() {
    return new SplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
    return new AssignedSerializer();
  }

  @Override
  public SourceReader<FrameRecord, Split> createReader(SourceReaderContext context) {
    return new Reader(this, context.getUserCodeClassLoader().asClassLoader());
  }

  /** The element's one split. */
  record Split(String splitId) implements SourceSplit {}

  /** Hands the one split to the first reader. */
  private static final class Enumerator implements SplitEnumerator<Split, Integer> {
    private final SplitEnumeratorContext<Split> context;
    private boolean assigned;

    Enumerator(SplitEnumeratorContext<Split> context, boolean assigned) {
      this.context = context;
      this.assigned = assigned;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String host) {}

    @Override
    public void addSplitsBack(List<Split> splits, int subtask) {
      assigned = false;
    }

    /**
     * Gives the split to the first reader, and tells any other that there is none. The reader with
     * the split is sent nothing more: it ends by itself with its element, and an event that reached
     * a task which had just failed (an element's exception in its first iterations) would fail the
     * job a second time, with a "task is not running" failure that could stand in for the
     * element's.
     */
    @Override
    public void addReader(int subtask) {
      if (!assigned) {
        assigned = true;
        context.assignSplit(new Split("element"), subtask);
      } else {
        context.signalNoMoreSplits(subtask);
      }
    }

    @Override
    public Integer snapshotState(long checkpointId) {
      return assigned ? 1 : 0;
    }

    @Override
    public void close() {}
  }

  /** Runs the element's iterations, one per poll. */
  private static final class Reader implements SourceReader<FrameRecord, Split> {
    private final ElementSource source;
    private final ClassLoader loader;
    private final CompletableFuture<Void> splitArrived = new CompletableFuture<>();
    private Split split;
    private ElementCalls calls;
    private SourcePad[] pads;
    private long iteration;
    private boolean ended;

    Reader(ElementSource source, ClassLoader loader) {
      this.source = source;
      this.loader = loader;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<FrameRecord> output) throws Exception {
      if (ended) {
        return InputStatus.END_OF_INPUT;
      }
      if (split == null) {
        return InputStatus.NOTHING_AVAILABLE;
      }
      if (calls == null) {
        Element element = (Element) Shipping.unpack(source.shipped, loader);
        calls = new ElementCalls(element, source.settings);
        pads = element.sourcePads().toArray(SourcePad[]::new);
        calls.start();
      }
      iteration++;
      calls.internal(iteration);
      boolean allEos = true;
      for (SourcePad pad : pads) {
        Frame frame = calls.produce(pad, iteration);
        allEos &= frame.isEos();
        output.collect(FrameRecord.frame(source.index, pad.index(), iteration, frame));
      }
      if (allEos) {
        ended = true;
        calls.eos(iteration);
        output.collect(FrameRecord.end(source.index, iteration));
        output.collect(FrameRecord.stats(source.index, calls.figures()));
        calls.stop(iteration, null);
        return InputStatus.END_OF_INPUT;
      }
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<Split> snapshotState(long checkpointId) {
      return split == null || ended ? List.of() : List.of(split);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return splitArrived;
    }

    @Override
    public void addSplits(List<Split> splits) {
      if (!splits.isEmpty()) {
        split = splits.get(0);
        splitArrived.complete(null);
      }
    }

    @Override
    public void notifyNoMoreSplits() {
      if (split == null) {
        // Another subtask has the element (never with parallelism 1): this one has nothing to do.
        ended = true;
        splitArrived.complete(null);
      }
    }

    @Override
    public void close() {
      if (calls != null) {
        calls.stop(iteration, null);
      }
    }
  }

  private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Split split) {
      return split.splitId().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Split deserialize(int version, byte[] bytes) {
      return new Split(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static final class AssignedSerializer implements SimpleVersionedSerializer<Integer> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Integer assigned) {
      return new byte[] {assigned.byteValue()};
    }

    @Override
    public Integer deserialize(int version, byte[] bytes) throws IOException {
      if (bytes.length != 1) {
        throw new IOException("expected one byte, got " + bytes.length);
      }
      return (int) bytes[0];
    }
  }
}
