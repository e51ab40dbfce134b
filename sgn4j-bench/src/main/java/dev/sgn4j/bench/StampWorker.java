package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.SharedSlice;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import java.nio.ByteBuffer;

/**
 * The worker of the {@code process_slices} case: reads each payload in place through its slice and
 * stamps its last byte (the bitwise complement of the first), then sends the same slice back.
 */
public final class StampWorker implements WorkerLogic {

  /** Creates the worker; the worker process calls it. */
  public StampWorker() {}

  static byte stamp(byte first) {
    return (byte) ~first;
  }

  @Override
  public void process(WorkerContext context) throws Exception {
    Object item = context.input().take();
    if (item instanceof Frame frame && frame.data() instanceof SharedSlice slice) {
      ByteBuffer payload = context.view(slice);
      payload.put(slice.length() - 1, stamp(payload.get(0)));
    }
    context.output().put(item);
  }
}
