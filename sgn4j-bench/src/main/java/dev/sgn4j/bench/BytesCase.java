package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.WorkerMode;
import java.util.List;
import java.util.Map;

/**
 * The {@code process_bytes} case: frames of 1 MiB {@code byte[]} through a worker process and back
 * (an echo), so the figure is the round trip of large payloads through the shared-memory queues.
 * The sink checks every frame's size and its first and last byte, which the source sets to the
 * frame number.
 */
final class BytesCase implements BenchCase {

  /** The payload of each frame. */
  static final int FRAME_BYTES = 1 << 20;

  private final String name;

  BytesCase(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run(long frames) {
    var source =
        new SourceElement("bytes", List.of("out")) {
          private long sent;

          @Override
          protected void start() {
            sent = 0;
          }

          @Override
          protected Frame newFrame(SourcePad pad) {
            if (sent == frames) {
              return Frame.eos();
            }
            sent++;
            byte[] payload = new byte[FRAME_BYTES];
            payload[0] = (byte) sent;
            payload[FRAME_BYTES - 1] = (byte) sent;
            return Frame.of(payload);
          }
        };
    var echo =
        ParallelTransformElement.builder("echo")
            .mode(WorkerMode.PROCESS)
            .queueCapacity(4)
            .worker(EchoWorker.class)
            .build();
    var sink =
        new SinkElement("check", List.of("in")) {
          private long received;

          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (frame.isEos()) {
              markEos(pad);
            }
            if (frame.isGap()) {
              return;
            }
            byte[] payload = (byte[]) frame.data();
            received++;
            if (payload.length != FRAME_BYTES
                || payload[0] != (byte) received
                || payload[FRAME_BYTES - 1] != (byte) received) {
              throw new IllegalStateException("frame " + received + " came back changed");
            }
          }
        };
    Pipeline pipeline = new Pipeline().connect(source, echo).connect(echo, sink);
    long started = System.nanoTime();
    pipeline.run();
    long nanos = System.nanoTime() - started;
    if (sink.received != frames) {
      throw new IllegalStateException(
          "sink received %d frames; expected %d".formatted(sink.received, frames));
    }
    return new Result(frames, nanos, Map.of(), FRAME_BYTES);
  }
}
