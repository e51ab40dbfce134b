package dev.sgn4j.process.shm;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.process.codec.ItemCodec;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a parent and one worker process share, in one {@link SharedFile}: a {@link
 * ControlBlock}, the worker's input ring (parent → child) and its output ring (child → parent). The
 * parent {@linkplain #create creates} the file and owns it; the child {@linkplain #open opens} it
 * by path.
 *
 * <pre>{@code
 * // parent
 * try (WorkerChannel channel = WorkerChannel.create("square", 64, 1 << 20, codec)) {
 *   Process child = start(channel.path());       // the child calls WorkerChannel.open(path, codec)
 *   channel.control().await(Flag.READY, Duration.ofSeconds(30), () -> !child.isAlive());
 *   channel.unlink();                            // both have it mapped: the name can go
 *   channel.input().put(frame);
 *   Object result = channel.output().take();
 * }
 * // child
 * try (WorkerChannel channel = WorkerChannel.open(path, codec)) {
 *   channel.control().set(Flag.READY);
 *   Object frame = channel.input().take();
 *   channel.output().put(process(frame));
 * }
 * }</pre>
 *
 * <p><b>Layout</b> of the file (offsets in bytes; {@code R} is the ring size):
 *
 * <pre>
 *   0                  control block        {@value ControlBlock#BYTES} bytes
 *   4096               input ring           {@value RingBuffer#HEADER_BYTES} header + R data
 *   4096 + 512 + R     output ring          512 header + R data
 *   4096 + 2(512 + R)  end of file
 * </pre>
 *
 * <p>Both rings start on a 512-byte boundary of a page-aligned mapping. Each ring's header records
 * its own size and item capacity, so {@link #open} needs only the path.
 *
 * <p>{@link #close()} releases this side's mapping and, on the parent's side, deletes the file and
 * unmaps the memory at once where the JDK can ({@link SharedFile#createScoped}): the parent must
 * not touch the channel after closing it. It does not close the queues (their closed flags are how
 * the two sides end the stream). Thread safety: the accessors and {@link #close()} are safe from
 * any thread; each queue has the threading rules of {@link ShmWorkerQueue}.
 */
public final class WorkerChannel implements AutoCloseable {

  /** Where the control block starts. */
  static final int CONTROL_OFFSET = 0;

  /** Where the input ring starts. */
  static final int INPUT_OFFSET = CONTROL_OFFSET + ControlBlock.BYTES;

  private final SharedFile file;
  private final ControlBlock control;
  private final ShmWorkerQueue input;
  private final ShmWorkerQueue output;

  private WorkerChannel(
      SharedFile file, ControlBlock control, RingBuffer input, RingBuffer output, ItemCodec codec) {
    this.file = file;
    this.control = control;
    String worker = control.name();
    this.input = new ShmWorkerQueue("worker input of '" + worker + "'", input, codec, null, null);
    this.output =
        new ShmWorkerQueue("worker output of '" + worker + "'", output, codec, null, null);
  }

  /** Where the output ring starts, after an input ring of {@code ringBytes} data bytes. */
  static int outputOffset(int ringBytes) {
    return Math.toIntExact(INPUT_OFFSET + RingBuffer.regionBytes(ringBytes));
  }

  /** The size of a channel's file with rings of {@code ringBytes} data bytes each. */
  static long fileBytes(int ringBytes) {
    return INPUT_OFFSET + 2 * RingBuffer.regionBytes(ringBytes);
  }

  /**
   * Creates a channel's file in the {@linkplain SharedFile#defaultDirectory() default directory}:
   * control block, then two empty, open rings. This side owns the file.
   *
   * @param worker the worker's name (an element's name): in the file name, the queue names and the
   *     control block
   * @param itemCapacity the most items each queue holds, 1 to {@value WorkerQueues#MAX_CAPACITY}
   * @param ringBytes the data bytes of each ring, a power of two from {@value
   *     RingBuffer#MIN_DATA_BYTES} to {@value RingBuffer#MAX_DATA_BYTES}; an item can have up to
   *     {@code ringBytes - 4} bytes
   * @param codec turns items into bytes and back
   */
  public static WorkerChannel create(
      String worker, int itemCapacity, int ringBytes, ItemCodec codec) {
    return create(SharedFile.defaultDirectory(), worker, itemCapacity, ringBytes, codec);
  }

  /** {@link #create(String, int, int, ItemCodec)} in the given directory. */
  public static WorkerChannel create(
      Path directory, String worker, int itemCapacity, int ringBytes, ItemCodec codec) {
    Objects.requireNonNull(worker, "worker name must not be null");
    Objects.requireNonNull(codec, "codec must not be null");
    if (itemCapacity < 1 || itemCapacity > WorkerQueues.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "item capacity of the queues of '"
              + worker
              + "' must be between 1 and "
              + WorkerQueues.MAX_CAPACITY
              + " but it was "
              + itemCapacity);
    }
    if (Integer.bitCount(ringBytes) != 1
        || ringBytes < RingBuffer.MIN_DATA_BYTES
        || ringBytes > RingBuffer.MAX_DATA_BYTES) {
      throw new IllegalArgumentException(
          "byte size of the queues of '"
              + worker
              + "' must be a power of two from "
              + RingBuffer.MIN_DATA_BYTES
              + " to "
              + RingBuffer.MAX_DATA_BYTES
              + " but it was "
              + ringBytes);
    }
    SharedFile file = SharedFile.createScoped(directory, worker, fileBytes(ringBytes));
    try {
      MappedByteBuffer memory = file.buffer();
      RingBuffer in = RingBuffer.create(memory, INPUT_OFFSET, ringBytes, itemCapacity);
      RingBuffer out = RingBuffer.create(memory, outputOffset(ringBytes), ringBytes, itemCapacity);
      ControlBlock control = ControlBlock.create(memory, CONTROL_OFFSET, worker); // magic last
      return new WorkerChannel(file, control, in, out, codec);
    } catch (RuntimeException | Error e) {
      file.close();
      throw e;
    }
  }

  /**
   * Opens a channel that {@link #create} made, by its file's path: the child's side. Closing it
   * leaves the file in place.
   *
   * @throws IllegalStateException when the file is not a channel of this sgn4j version
   */
  public static WorkerChannel open(Path path, ItemCodec codec) {
    Objects.requireNonNull(codec, "codec must not be null");
    SharedFile file = SharedFile.open(path);
    try {
      MappedByteBuffer memory = file.buffer();
      if (file.size() < INPUT_OFFSET + RingBuffer.HEADER_BYTES) {
        throw new IllegalStateException(
            path + " is too small for an sgn4j worker file: " + file.size() + " bytes");
      }
      ControlBlock control = ControlBlock.open(memory, CONTROL_OFFSET, path.toString());
      if (control.fileSize() != file.size()) {
        throw new IllegalStateException(
            path + " has " + file.size() + " bytes but was created with " + control.fileSize());
      }
      RingBuffer in = RingBuffer.open(memory, INPUT_OFFSET);
      RingBuffer out = RingBuffer.open(memory, outputOffset(in.dataBytes()));
      return new WorkerChannel(file, control, in, out, codec);
    } catch (RuntimeException | Error e) {
      file.close();
      throw e;
    }
  }

  /** The control block. */
  public ControlBlock control() {
    return control;
  }

  /** The worker's input queue: the parent puts, the child takes. No hooks. */
  public ShmWorkerQueue input() {
    return input;
  }

  /** The worker's output queue: the child puts, the parent takes. No hooks. */
  public ShmWorkerQueue output() {
    return output;
  }

  /** The worker's name, from the control block. */
  String worker() {
    return control.name();
  }

  /** The shared file's path: what the child needs to {@link #open} the channel. */
  public Path path() {
    return file.path();
  }

  /** Whether this side created the file (the parent). */
  boolean isOwner() {
    return file.isOwner();
  }

  /**
   * Deletes the file's name while both sides keep their mappings; parent only. Call it once the
   * child has opened the channel (after {@link ControlBlock.Flag#READY}): from then on nothing is
   * left behind even if both processes are killed.
   */
  public void unlink() {
    file.unlink();
  }

  /** Drops this side's mapping; the parent's side also deletes the file. Idempotent. */
  @Override
  public void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "WorkerChannel[" + file.path() + ", " + input + ", " + output + "]";
  }
}
