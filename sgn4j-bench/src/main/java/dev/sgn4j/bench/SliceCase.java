package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.Parallelize;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.SharedSlice;
import dev.sgn4j.worker.WorkerMode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The {@code process_slices} case: the payloads of {@code process_bytes} (1 MiB per frame) through
 * a worker process and back, but as {@link SharedSlice} references to a shared segment instead of
 * {@code byte[]} copies. The source writes each payload once into its slot of a ring of slots; the
 * worker ({@link StampWorker}) reads it in place and stamps its last byte; the sink checks the
 * first and the stamped byte. The figure shows what passing large payloads by reference saves.
 */
final class SliceCase implements BenchCase {

  /** The payload of each frame, as in {@code process_bytes}. */
  static final int FRAME_BYTES = BytesCase.FRAME_BYTES;

  /** Slots in the segment: more than can be in flight (queue capacities 4 + 4, links, worker). */
  static final int SLOTS = 32;

  private final String name;

  SliceCase(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run(long frames) {
    var source = new Payloads(frames);
    var stamp =
        ParallelTransformElement.builder("stamp")
            .mode(WorkerMode.PROCESS)
            .queueCapacity(4)
            .worker(StampWorker.class)
            .build();
    var sink = new Check();
    Pipeline pipeline = new Pipeline().connect(source, stamp).connect(stamp, sink);
    long started = System.nanoTime();
    try (var scope = new Parallelize(pipeline)) {
      SharedMemory segment = scope.toShm("payloads", SLOTS * FRAME_BYTES);
      source.segment = segment;
      sink.segment = segment;
      scope.run();
    }
    long nanos = System.nanoTime() - started;
    if (sink.received != frames) {
      throw new IllegalStateException(
          "sink received %d frames; expected %d".formatted(sink.received, frames));
    }
    return new Result(frames, nanos, Map.of(), FRAME_BYTES);
  }

  /** Writes frame n's payload (every byte n) into slot n % SLOTS and sends a slice of it. */
  private static final class Payloads extends SourceElement {
    private final long frames;
    private final byte[] template = template();
    SharedMemory segment;
    private long sent;

    Payloads(long frames) {
      super("payloads", List.of("out"));
      this.frames = frames;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (sent == frames) {
        return Frame.eos();
      }
      sent++;
      SharedSlice slice = segment.slice((int) (sent % SLOTS) * FRAME_BYTES, FRAME_BYTES);
      ByteBuffer payload = segment.view(slice);
      payload.put(0, template); // the payload is made once, in shared memory
      payload.put(0, (byte) sent);
      return Frame.of(slice);
    }

    private static byte[] template() {
      byte[] bytes = new byte[FRAME_BYTES];
      new java.util.Random(42).nextBytes(bytes);
      return bytes;
    }
  }

  /** Checks each payload in place: first byte the frame number, last byte the worker's stamp. */
  private static final class Check extends SinkElement {
    SharedMemory segment;
    long received;

    Check() {
      super("check", List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      if (!(frame.data() instanceof SharedSlice slice)) {
        return;
      }
      received++;
      ByteBuffer payload = segment.view(slice);
      if (payload.get(0) != (byte) received
          || payload.get(FRAME_BYTES - 1) != StampWorker.stamp((byte) received)) {
        throw new IllegalStateException("frame " + received + " came back without its stamp");
      }
    }
  }
}
