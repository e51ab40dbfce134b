package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.LaunchRequest;
import dev.sgn4j.parallel.spi.LaunchedWorker;
import dev.sgn4j.process.codec.FrameCodecs;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.process.codec.TaggedItemCodec;
import dev.sgn4j.process.shm.ControlBlock;
import dev.sgn4j.process.shm.WorkerChannel;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerQueue;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One worker in a child JVM: the shared file with its control block and queues, the child process,
 * the threads that forward its output, and the watch on its exit.
 *
 * <p>Start-up: the parent creates the file, starts the child with the path as argument, writes the
 * launch record (codecs, logic class, parameters, shared memory) to the child's standard input and
 * waits, with a deadline, for the child to set READY; then it unlinks the file's name, so nothing
 * is left behind even if both processes are killed. The child's standard input stays open: when it
 * reaches end of file, the parent is gone and the child exits.
 *
 * <p>End: the child sets TERMINATED (with an error text when its logic threw) and exits; the
 * parent's exit watch turns that, or a death without TERMINATED (killed, crashed, {@code
 * System.exit}), into the worker's end: a rebuilt exception, or the exit status and the last lines
 * of its standard error.
 */
final class ProcessWorker implements LaunchedWorker {

  /** How long a child may take to start and set READY. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final int STDERR_LINES = 20;

  /** How long {@link #close()} waits for an exited child's exit to be handled. */
  private static final Duration EXIT_HANDLING_TIMEOUT = Duration.ofSeconds(10);

  private final LaunchRequest request;
  private final TaggedItemCodec codec;
  private final WorkerChannel channel;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final StderrTail stderr = new StderrTail(STDERR_LINES);
  private Process process;
  private List<Thread> forwarders = List.of();
  private volatile boolean stopRequested;

  /** Whether {@link #onExit} will run: the child started and its exit is watched. */
  private volatile boolean watched;

  private volatile boolean ended;
  private long lastHeartbeat;
  private long lastHeartbeatSeenNanos;
  private long lastHeartbeatAge = -1;

  /** Set before the channel is closed: statistics then report the last heartbeat age. */
  private boolean closed;

  ProcessWorker(LaunchRequest request) {
    this.request = request;
    this.codec =
        new TaggedItemCodec(FrameCodecs.registry(), "element '" + request.elementName() + "'");
    this.channel =
        WorkerChannel.create(
            request.workerName(), request.queueCapacity(), request.queueBytes(), codec);
  }

  @Override
  public WorkerQueue<Object> input() {
    return channel.input();
  }

  @Override
  public WorkerQueue<Object> output() {
    return channel.output();
  }

  @Override
  public void start() {
    byte[] launch = launchRecord();
    try {
      process = ChildJvm.command(WorkerMain.class, channel.path().toString()).start();
    } catch (IOException e) {
      channel.close();
      throw new UncheckedIOException(
          "cannot start the worker process of element '" + request.elementName() + "'", e);
    }
    forwarders =
        List.of(
            LineForwarder.start(process.getInputStream(), System.out, request.workerName(), null),
            LineForwarder.start(
                process.getErrorStream(), System.err, request.workerName(), stderr));
    try {
      DataOutputStream in = new DataOutputStream(process.getOutputStream());
      List<String> codecs = FrameCodecs.registry().codecNames();
      in.writeInt(codecs.size());
      for (String name : codecs) {
        in.writeUTF(name);
      }
      in.writeInt(launch.length);
      in.write(launch);
      in.flush();
      awaitReady();
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
      channel.close();
      throw new IllegalStateException(
          "the worker process of element '%s' did not start: %s%s"
              .formatted(request.elementName(), e.getMessage(), stderr.describe(process)),
          e);
    }
    channel.unlink();
    watched = true;
    process.onExit().thenRun(this::onExit);
  }

  private byte[] launchRecord() {
    checkParameters();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("element", request.elementName());
    record.put("worker", request.workerName());
    record.put("index", request.workerIndex());
    if (request.function() != null) {
      record.put("function", request.function().getName());
    } else {
      record.put("logic", request.logic().getName());
    }
    record.put("parameters", new LinkedHashMap<>(request.parameters()));
    Map<String, Object> segments = new LinkedHashMap<>();
    for (Map.Entry<String, SharedMemory> segment : request.sharedMemory().entrySet()) {
      segments.put(
          segment.getKey(),
          List.of(segment.getValue().path().toString(), segment.getValue().size()));
    }
    record.put("segments", segments);
    ItemCodec.Encoded encoded = codec.encode(record);
    ByteBuffer bytes = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(bytes);
    return bytes.array();
  }

  /**
   * Encodes and decodes each worker parameter on its own first, as the worker process would, so
   * that one that cannot cross to a process fails here, named as a parameter, before a process
   * starts.
   */
  private void checkParameters() {
    for (Map.Entry<String, Object> parameter : request.parameters().entrySet()) {
      FrameCodecs.registry()
          .checkEncodable(
              parameter.getValue(),
              "element '%s', worker parameter '%s'"
                  .formatted(request.elementName(), parameter.getKey()));
    }
  }

  private void awaitReady() {
    try {
      if (!channel
          .control()
          .await(ControlBlock.Flag.READY, START_TIMEOUT, () -> !process.isAlive())) {
        throw new IllegalStateException(
            process.isAlive()
                ? "it did not get ready within " + START_TIMEOUT
                : "it exited with status " + process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for it", e);
    }
  }

  /** The child exited: work out how, report it, then mark the worker ended. */
  private void onExit() {
    try {
      joinForwarders();
      request.onEnd().accept(failure());
    } finally {
      ended = true;
      exited.countDown();
      request.wakeUp().run();
    }
  }

  private Throwable failure() {
    java.util.Optional<String> error = channel.control().error();
    if (error.isPresent()) {
      return RemoteFailure.rebuild(error.get());
    }
    boolean clean =
        channel.control().isSet(ControlBlock.Flag.TERMINATED) && process.exitValue() == 0;
    if (clean || stopRequested) {
      return null;
    }
    return new WorkerProcessException(
        "exit",
        "worker process %d of element '%s' exited with status %d before EOS%s"
            .formatted(
                process.pid(),
                request.elementName(),
                process.exitValue(),
                stderr.describe(process)));
  }

  private void joinForwarders() {
    for (Thread forwarder : forwarders) {
      try {
        forwarder.join(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void shutdown() {
    channel.control().set(ControlBlock.Flag.SHUTDOWN);
    channel.input().close();
  }

  @Override
  public void stop() {
    stopRequested = true;
    channel.control().set(ControlBlock.Flag.STOP);
    channel.input().close();
    channel.output().close();
  }

  /**
   * Waits for the worker to end; after a {@link #stop()}, a process still alive at the deadline is
   * killed, which always ends it.
   */
  @Override
  public boolean join(Duration timeout) throws InterruptedException {
    if (process == null) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      if (!stopRequested) {
        return false;
      }
      process.destroyForcibly();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        return false;
      }
    }
    long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(2));
    return exited.await(left, TimeUnit.NANOSECONDS);
  }

  private void awaitExit(Duration timeout) {
    try {
      process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Compares the child's heartbeat with the one seen before, on this process's own clock (the two
   * processes' clocks need not agree).
   */
  @Override
  public synchronized long heartbeatAgeMillis() {
    if (closed) {
      return lastHeartbeatAge;
    }
    long beat = channel.control().childHeartbeat();
    if (beat == 0) {
      return -1;
    }
    long now = System.nanoTime();
    if (beat != lastHeartbeat) {
      lastHeartbeat = beat;
      lastHeartbeatSeenNanos = now;
    }
    lastHeartbeatAge = (now - lastHeartbeatSeenNanos) / 1_000_000;
    return lastHeartbeatAge;
  }

  @Override
  public boolean hasEnded() {
    return ended;
  }

  @Override
  public boolean wakesRunLoop() {
    return false;
  }

  @Override
  public String describe() {
    return process == null
        ? "worker process of '" + request.workerName() + "'"
        : "worker process " + process.pid() + " of '" + request.workerName() + "'";
  }

  /**
   * Kills the process if it is still alive, waits until its exit was handled (which reads the
   * channel), and deletes the shared file, unmapping it: nothing reads the channel afterwards.
   */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(5));
    }
    if (watched && !process.isAlive()) {
      awaitExitHandled();
    }
    synchronized (this) {
      closed = true;
    }
    channel.close();
  }

  /**
   * Waits, bounded, for {@link #onExit} to finish reading the channel; past the bound (output
   * forwarders held open by a grandchild) the channel closes anyway, and a late read fails in
   * {@link #onExit} without touching unmapped memory.
   */
  private void awaitExitHandled() {
    try {
      exited.await(EXIT_HANDLING_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines a child wrote to its standard error, for failure messages. */
  static final class StderrTail {
    private final int limit;
    private final List<String> lines = new ArrayList<>();

    StderrTail(int limit) {
      this.limit = limit;
    }

    synchronized void add(String line) {
      lines.add(line);
      if (lines.size() > limit) {
        lines.remove(0);
      }
    }

    synchronized String describe(Process process) {
      if (lines.isEmpty()) {
        return "; it wrote nothing to standard error";
      }
      return "; last lines of its standard error:\n  " + String.join("\n  ", lines);
    }
  }
}
