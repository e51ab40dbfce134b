package dev.sgn4j.engine;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunOptions;
import dev.sgn4j.Scheduler;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;

/**
 * A child JVM's program for {@link PipelinedMemoryTest}: {@code FRAMES} frames of 1 MiB each from a
 * fast source through a slower sink (it reads every byte), pipelined with links of {@code CAPACITY}
 * frames; prints {@code FRAMES frames, BYTES bytes, checksum SUM}.
 */
public final class SlowSinkMain {

  static final int FRAME_BYTES = 1 << 20;

  private SlowSinkMain() {}

  /**
   * Runs the pipeline.
   *
   * @param args FRAMES and CAPACITY
   */
  public static void main(String[] args) throws InterruptedException {
    long frames = Long.parseLong(args[0]);
    int capacity = Integer.parseInt(args[1]);
    var source =
        new SourceElement("bytes", List.of("out")) {
          private long sent;

          @Override
          protected Frame newFrame(SourcePad pad) {
            if (sent == frames) {
              return Frame.eos();
            }
            byte[] payload = new byte[FRAME_BYTES];
            payload[(int) (sent % FRAME_BYTES)] = 1;
            sent++;
            return Frame.of(payload);
          }
        };
    long[] totals = new long[3];
    var sink =
        new SinkElement("slow", List.of("in")) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            if (frame.isEos()) {
              markEos(pad);
              return;
            }
            byte[] payload = (byte[]) frame.data();
            long sum = 0;
            for (byte b : payload) {
              sum += b;
            }
            totals[0]++;
            totals[1] += payload.length;
            totals[2] += sum;
          }
        };
    new Pipeline()
        .connect(source, sink)
        .start(
            RunOptions.defaults().scheduler(Scheduler.PIPELINED).threads(2).linkCapacity(capacity))
        .await();
    System.out.println(totals[0] + " frames, " + totals[1] + " bytes, checksum " + totals[2]);
  }
}
