package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/** Large payloads cross to a worker process and back as references to shared memory. */
class SharedSliceProcessTest {

  private static final int SLOTS = 16;
  private static final int SLOT_BYTES = 64 << 10;
  private static final int FRAMES = 100;

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  /** Reads each payload in place and writes its bitwise complement to the same range of results. */
  public static final class Invert implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (!(item instanceof Frame frame)) {
        return;
      }
      if (!(frame.data() instanceof SharedSlice in)) {
        context.output().put(frame);
        return;
      }
      ByteBuffer payload = context.view(in);
      SharedSlice out = context.sharedMemory("results").slice(in.offset(), in.length());
      ByteBuffer result = context.view(out);
      for (int i = 0; i < in.length(); i += Long.BYTES) {
        result.putLong(i, ~payload.getLong(i));
      }
      context.output().put(frame.withData(out));
    }
  }

  /** Writes frame n's payload (every byte n) into slot n % SLOTS and sends a slice of it. */
  private static final class Payloads extends SourceElement {
    SharedMemory frames;
    private int sent;

    Payloads() {
      super("payloads", List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (sent == FRAMES) {
        return Frame.eos();
      }
      int offset = (sent % SLOTS) * SLOT_BYTES;
      SharedSlice slice = frames.slice(offset, SLOT_BYTES);
      ByteBuffer view = frames.view(slice);
      byte value = (byte) sent;
      for (int i = 0; i < SLOT_BYTES; i++) {
        view.put(i, value);
      }
      sent++;
      return Frame.of(slice);
    }
  }

  /** Checks each result in place, in order: every byte is the complement of the frame number. */
  private static final class Check extends SinkElement {
    SharedMemory results;
    final List<String> problems = new ArrayList<>();
    int received;

    Check() {
      super("check", List.of("out"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      if (!(frame.data() instanceof SharedSlice slice)) {
        return;
      }
      ByteBuffer view = results.view(slice);
      byte expected = (byte) ~received;
      if (slice.offset() != (received % SLOTS) * SLOT_BYTES
          || view.get(0) != expected
          || view.get(SLOT_BYTES - 1) != expected) {
        problems.add("frame " + received + ": " + slice + " holds " + view.get(0));
      }
      received++;
    }
  }

  @RepeatedTest(3)
  void payloadsTravelAsSlicesAndTheWorkerProcessWritesItsResultsInPlace() {
    var source = new Payloads();
    var invert =
        ParallelTransformElement.builder("invert")
            .mode(WorkerMode.PROCESS)
            .queueCapacity(2) // at most ~7 slices in flight: 16 slots are never overwritten early
            .worker(Invert.class)
            .build();
    var check = new Check();
    Pipeline pipeline = new Pipeline().connect(source, invert).connect(invert, check);
    try (var scope = new Parallelize(pipeline)) {
      source.frames = scope.toShm("frames", SLOTS * SLOT_BYTES);
      check.results = scope.toShm("results", SLOTS * SLOT_BYTES);
      scope.run();
    }

    assertThat(check.problems).isEmpty();
    assertThat(check.received).isEqualTo(FRAMES);
  }
}
