package dev.sgn4j.process.shm;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.parallel.spi.SharedFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The first {@value #BYTES} bytes of a worker's shared file: how the parent and the child process
 * tell each other about the worker's life — handshake, stop and shutdown requests, heartbeats, the
 * end and its exit status, and the error that ended it.
 *
 * <pre>{@code
 * // child
 * control.set(Flag.READY);                      // handshake done
 * ...
 * control.setError(ControlBlock.describe(e));   // if the worker failed
 * control.setExitStatus(1);
 * control.set(Flag.TERMINATED);                 // last: everything above is visible now
 * // parent
 * if (!control.await(Flag.READY, Duration.ofSeconds(30), () -> !child.isAlive())) { ... }
 * ...
 * if (control.isSet(Flag.TERMINATED)) {
 *   control.error().ifPresent(text -> ...);
 * }
 * }</pre>
 *
 * <p><b>Layout</b> (offsets from the block's start):
 *
 * <pre>
 *     0  magic             long   "SGN4JCTL"; written last by {@link #create}, checked by open
 *     8  layout version    int    {@value #LAYOUT_VERSION}; a mismatch fails {@link #open}
 *    16  file size         long   the whole shared file's size, for checks
 *    24  parent pid        long   the creating process
 *   128  ready             int    flags, 0 or 1, each written once: see {@link Flag}
 *   132  stop              int
 *   136  shutdown          int
 *   140  terminated        int
 *   144  exit status       int    the child's, written before terminated
 *   256  parent heartbeat  long   a line of its own: written periodically
 *   384  child heartbeat   long   a line of its own
 *   512  name length       int    the worker's name, UTF-8, at most {@value #MAX_NAME_BYTES} bytes
 *   516  name bytes
 *   768  error length      int    0 = no error; written (release) after the text
 *   772  error text               UTF-8, at most {@value #MAX_ERROR_BYTES} bytes
 * </pre>
 *
 * <p><b>Memory ordering.</b> Flags, the exit status and heartbeats are written and read with
 * volatile {@link VarHandle} accesses. The error text is written with plain stores and published by
 * a release store of its length; {@link #error()} reads the length with an acquire load first. A
 * child that sets {@link Flag#TERMINATED} last (after its error and exit status) makes them all
 * visible to a parent that has seen the flag.
 *
 * <p><b>Heartbeats.</b> {@link System#nanoTime()} has a different origin in each process, so a
 * heartbeat stores {@link System#currentTimeMillis()}, made strictly increasing by its writer: a
 * watcher compares a heartbeat with the one it saw before, on its own {@code nanoTime} clock ("it
 * has not changed for 2 s"), which stays right when the wall clock jumps; the value itself tells a
 * human roughly when the other side was last alive.
 *
 * <p>Thread safety: every method is safe from any thread of either process; each flag and field has
 * one writing side as documented.
 */
public final class ControlBlock {

  /** The block's size: one page. */
  static final int BYTES = 4096;

  /** The layout version this code writes and reads. */
  static final int LAYOUT_VERSION = 1;

  /** "SGN4JCTL" in ASCII. */
  static final long CONTROL_MAGIC = 0x53474E344A43544CL;

  /** The longest worker name kept, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 252;

  /** The longest error text kept, in UTF-8 bytes. */
  static final int MAX_ERROR_BYTES = BYTES - 772;

  /** What ends a cut error text; the number of bytes dropped goes in. */
  static final String TRUNCATED = "\n[... %d more bytes truncated]";

  static final int MAGIC = 0;
  static final int VERSION = 8;
  static final int FILE_SIZE = 16;
  static final int PARENT_PID = 24;
  static final int EXIT_STATUS = 144;
  static final int PARENT_HEARTBEAT = 256;
  static final int CHILD_HEARTBEAT = 384;
  static final int NAME_LENGTH = 512;
  static final int NAME = 516;
  static final int ERROR_LENGTH = 768;
  static final int ERROR = 772;

  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

  /** The flags; each is set once, by one side, and never cleared. */
  public enum Flag {
    /** Set by the child when its handshake is done: it mapped the file and is about to work. */
    READY(128),
    /** Set by the parent: stop now (SGN's stop event). */
    STOP(132),
    /** Set by the parent: finish what is queued, then end (SGN's shutdown event). */
    SHUTDOWN(136),
    /** Set by the child last, after its exit status and error: it is about to exit. */
    TERMINATED(140);

    final int offset;

    Flag(int offset) {
      this.offset = offset;
    }
  }

  private final ByteBuffer memory;
  private final int base;

  private ControlBlock(ByteBuffer memory, int base) {
    this.memory = memory;
    this.base = base;
  }

  /**
   * Lays out a fresh block at {@code offset}: all flags clear, no error.
   *
   * @param memory a direct buffer, in practice a {@link SharedFile}'s
   * @param offset where the block starts, 8-byte aligned
   * @param name the worker's name, for messages on both sides; cut to {@value #MAX_NAME_BYTES}
   *     bytes
   */
  static ControlBlock create(ByteBuffer memory, int offset, String name) {
    checkRegion(memory, offset);
    Objects.requireNonNull(name, "name must not be null");
    for (int i = 0; i < BYTES; i += Long.BYTES) {
      LONGS.set(memory, offset + i, 0L);
    }
    INTS.set(memory, offset + VERSION, LAYOUT_VERSION);
    LONGS.set(memory, offset + FILE_SIZE, (long) memory.capacity());
    LONGS.set(memory, offset + PARENT_PID, ProcessHandle.current().pid());
    byte[] bytes = Utf8.truncate(name, MAX_NAME_BYTES, "");
    memory.put(offset + NAME, bytes);
    INTS.set(memory, offset + NAME_LENGTH, bytes.length);
    LONGS.setVolatile(memory, offset + MAGIC, CONTROL_MAGIC);
    return new ControlBlock(memory, offset);
  }

  /**
   * Opens the block that {@link #create} laid out at {@code offset} of the same memory.
   *
   * @param source what the memory is, for messages: the shared file's path
   * @throws IllegalStateException when the magic or the layout version does not match
   */
  static ControlBlock open(ByteBuffer memory, int offset, String source) {
    checkRegion(memory, offset);
    long magic = (long) LONGS.getVolatile(memory, offset + MAGIC);
    if (magic != CONTROL_MAGIC) {
      throw new IllegalStateException(
          source
              + " is not an sgn4j worker file: it starts with 0x"
              + Long.toHexString(magic)
              + " instead of 0x"
              + Long.toHexString(CONTROL_MAGIC));
    }
    int version = (int) INTS.getVolatile(memory, offset + VERSION);
    if (version != LAYOUT_VERSION) {
      throw new IllegalStateException(
          source
              + " has layout version "
              + version
              + " but this sgn4j reads version "
              + LAYOUT_VERSION
              + ": the parent and the child run different sgn4j versions; start the child with"
              + " the parent's class path");
    }
    return new ControlBlock(memory, offset);
  }

  private static void checkRegion(ByteBuffer memory, int offset) {
    Objects.requireNonNull(memory, "memory must not be null");
    if (!memory.isDirect() || memory.isReadOnly()) {
      throw new IllegalArgumentException(
          "a control block needs a writable direct buffer, not " + memory);
    }
    if (offset < 0 || memory.alignmentOffset(offset, Long.BYTES) != 0) {
      throw new IllegalArgumentException(
          "a control block must start at an 8-byte aligned offset but it was " + offset);
    }
    if ((long) offset + BYTES > memory.capacity()) {
      throw new IllegalArgumentException(
          "a control block at offset "
              + offset
              + " needs "
              + ((long) offset + BYTES)
              + " bytes but the buffer has "
              + memory.capacity());
    }
  }

  // ---------------------------------------------------------------- flags

  /** Sets a flag (volatile store); idempotent. */
  public void set(Flag flag) {
    INTS.setVolatile(memory, base + flag.offset, 1);
  }

  /** Whether a flag is set (volatile load). */
  public boolean isSet(Flag flag) {
    return (int) INTS.getVolatile(memory, base + flag.offset) != 0;
  }

  /**
   * Waits until {@code flag} is set, at most {@code timeout}.
   *
   * @return true when the flag is set, false on timeout
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean await(Flag flag, Duration timeout) throws InterruptedException {
    return await(flag, timeout, () -> false);
  }

  /**
   * Waits until {@code flag} is set, at most {@code timeout}, and gives up early when {@code
   * giveUp} says so (checked between pauses), e.g. {@code () -> !child.isAlive()}.
   *
   * @return true when the flag is set (also when it was set as {@code giveUp} became true), false
   *     on timeout or giving up
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean await(Flag flag, Duration timeout, BooleanSupplier giveUp)
      throws InterruptedException {
    Objects.requireNonNull(flag, "flag must not be null");
    Objects.requireNonNull(giveUp, "giveUp must not be null");
    long deadline = System.nanoTime() + toNanos(timeout);
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    while (!isSet(flag)) {
      if (giveUp.getAsBoolean() || !backoff.pause(deadline, true)) {
        return isSet(flag);
      }
    }
    return true;
  }

  private static long toNanos(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** Records the child's exit status; child only, before {@link Flag#TERMINATED}. */
  public void setExitStatus(int status) {
    INTS.setVolatile(memory, base + EXIT_STATUS, status);
  }

  /** The exit status the child recorded; meaningful once {@link Flag#TERMINATED} is set. */
  int exitStatus() {
    return (int) INTS.getVolatile(memory, base + EXIT_STATUS);
  }

  // ---------------------------------------------------------------- heartbeats

  /** The parent says it is alive; parent only. Returns the value stored. */
  long beatParent() {
    return beat(PARENT_HEARTBEAT);
  }

  /** The child says it is alive; child only. Returns the value stored. */
  public long beatChild() {
    return beat(CHILD_HEARTBEAT);
  }

  /** The parent's last heartbeat: wall-clock milliseconds, 0 before the first. */
  long parentHeartbeat() {
    return (long) LONGS.getVolatile(memory, base + PARENT_HEARTBEAT);
  }

  /** The child's last heartbeat: wall-clock milliseconds, 0 before the first. */
  public long childHeartbeat() {
    return (long) LONGS.getVolatile(memory, base + CHILD_HEARTBEAT);
  }

  private long beat(int offset) {
    long previous = (long) LONGS.getVolatile(memory, base + offset); // only this side writes it
    long now = Math.max(previous + 1, System.currentTimeMillis());
    LONGS.setVolatile(memory, base + offset, now);
    return now;
  }

  // ---------------------------------------------------------------- identity

  /** The worker's name, as the parent gave it. */
  String name() {
    int length = (int) INTS.getVolatile(memory, base + NAME_LENGTH);
    return readUtf8(base + NAME, Math.max(0, Math.min(length, MAX_NAME_BYTES)));
  }

  /** The process that created the block. */
  long parentPid() {
    return (long) LONGS.getVolatile(memory, base + PARENT_PID);
  }

  /** The size of the shared file when the block was created. */
  long fileSize() {
    return (long) LONGS.getVolatile(memory, base + FILE_SIZE);
  }

  // ---------------------------------------------------------------- error

  /**
   * Records the error that ends the worker; child only, before {@link Flag#TERMINATED}. The first
   * error stays: a later call changes nothing (the first is the cause, and a reader may be reading
   * it). Text longer than {@value #MAX_ERROR_BYTES} UTF-8 bytes is cut, and a marker saying how
   * much was dropped ends it; an empty text is recorded as {@code (no error text)}.
   *
   * @param text the error, e.g. from {@link #describe(Throwable)}
   * @return true when recorded, false when an error was already there
   */
  public boolean setError(String text) {
    Objects.requireNonNull(text, "error text must not be null");
    if ((int) INTS.getVolatile(memory, base + ERROR_LENGTH) != 0) {
      return false;
    }
    byte[] bytes =
        Utf8.truncate(text.isEmpty() ? "(no error text)" : text, MAX_ERROR_BYTES, TRUNCATED);
    memory.put(base + ERROR, bytes);
    INTS.setRelease(memory, base + ERROR_LENGTH, bytes.length);
    return true;
  }

  /** The recorded error, if any. Complete once the child set {@link Flag#TERMINATED}. */
  public Optional<String> error() {
    int length = (int) INTS.getAcquire(memory, base + ERROR_LENGTH);
    if (length <= 0) {
      return Optional.empty();
    }
    return Optional.of(readUtf8(base + ERROR, Math.min(length, MAX_ERROR_BYTES)));
  }

  /**
   * The text a child records for an exception: its class, message and stack trace, causes included,
   * as {@link Throwable#printStackTrace()} prints them.
   */
  public static String describe(Throwable error) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      error.printStackTrace(out);
    }
    return text.toString();
  }

  private String readUtf8(int offset, int length) {
    byte[] bytes = new byte[length];
    memory.get(offset, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ControlBlock[").append(name());
    for (Flag flag : Flag.values()) {
      if (isSet(flag)) {
        out.append(", ").append(flag.name().toLowerCase(Locale.ROOT));
      }
    }
    return out.append(']').toString();
  }

  /** UTF-8 encoding with a byte limit that never splits a character. */
  static final class Utf8 {

    private Utf8() {}

    /**
     * The text's UTF-8 bytes, at most {@code limit} of them: when longer, cut at a character
     * boundary and ended by {@code marker} (formatted with the number of bytes dropped).
     */
    static byte[] truncate(String text, int limit, String marker) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (bytes.length <= limit) {
        return bytes;
      }
      // The marker's length depends on the count, and the count on the marker: take the widest.
      byte[] widest =
          String.format(Locale.ROOT, marker, bytes.length).getBytes(StandardCharsets.UTF_8);
      int keep = boundary(bytes, Math.max(0, limit - widest.length));
      byte[] tail =
          String.format(Locale.ROOT, marker, bytes.length - keep).getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[keep + tail.length];
      System.arraycopy(bytes, 0, out, 0, keep);
      System.arraycopy(tail, 0, out, keep, tail.length);
      return out;
    }

    /** The largest index ≤ {@code end} that does not fall inside a multi-byte character. */
    private static int boundary(byte[] bytes, int end) {
      int i = end;
      while (i > 0 && (bytes[i] & 0xC0) == 0x80) {
        i--;
      }
      return i;
    }
  }
}
