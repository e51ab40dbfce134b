package dev.sgn4j.bench;

import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.shm.ControlBlock.Flag;
import dev.sgn4j.process.shm.RingBuffer;
import dev.sgn4j.process.shm.ShmWorkerQueue;
import dev.sgn4j.process.shm.WorkerChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * 8-byte messages from this JVM to a child JVM through the shared-memory ring of worker processes,
 * measured by wall clock (JMH measures one JVM). The parent creates a {@link WorkerChannel}, starts
 * a child with the same {@code java} and class path, and sends rounds of sequence numbers through
 * the input ring; the child checks every number and answers each round through the output ring, so
 * a round's time covers the last message's arrival.
 *
 * <p>Modes: {@code ring} — {@link RingBuffer#tryWrite}/{@link RingBuffer#tryRead} with a reused
 * item; {@code queue} — {@link ShmWorkerQueue#put}/{@link ShmWorkerQueue#take} with boxed {@code
 * Long}s. Both sides wait with {@link IdleStrategy#POLLING}, as the queues do.
 *
 * <pre>{@code
 * java -cp sgn4j-bench/target/benchmarks.jar dev.sgn4j.bench.ShmRingTwoJvm [messages] [rounds] [ring|queue]
 * }</pre>
 */
public final class ShmRingTwoJvm {

  private static final int RING_BYTES = 1 << 16;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private ShmRingTwoJvm() {}

  /**
   * Runs the parent (or, with {@code child} first, the child).
   *
   * @param args messages per round (default 20,000,000), rounds (default 5), mode (default ring)
   * @throws Exception when the child fails or a wait times out
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]), args[4]);
      return;
    }
    long messages = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String mode = args.length > 2 ? args[2] : "ring";
    if (!mode.equals("ring") && !mode.equals("queue")) {
      throw new IllegalArgumentException("mode must be ring or queue, not " + mode);
    }
    parent(messages, rounds, mode);
  }

  private static void parent(long messages, int rounds, String mode) throws Exception {
    SharedFile.removeStale();
    Process child = null;
    try (WorkerChannel channel =
        WorkerChannel.create(
            "bench-2jvm", RING_BYTES / 16, RING_BYTES, ShmRingBenchmark.LongItems.INSTANCE)) {
      child = start(channel.path(), messages, rounds, mode);
      Process started = child;
      if (!channel.control().await(Flag.READY, DEADLINE, () -> !started.isAlive())) {
        throw new IllegalStateException("the child did not get ready: " + started);
      }
      channel.unlink();
      ShmRingBenchmark.LongItem item = new ShmRingBenchmark.LongItem();
      IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(channel);
      long next = 0;
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        for (long end = next + messages; next < end; next++) {
          if (mode.equals("ring")) {
            item.value = next;
            while (!channel.input().ring().tryWrite(item)) {
              backoff.pause(0, false);
            }
            backoff.reset();
          } else {
            channel.input().put(next);
          }
        }
        Object answer = channel.output().poll(DEADLINE);
        long nanos = System.nanoTime() - start;
        if (!Long.valueOf(next - 1).equals(answer)) {
          throw new IllegalStateException("round " + round + ": the child answered " + answer);
        }
        System.out.printf(
            Locale.ROOT,
            "%s, round %d: %,d messages in %.1f ms = %.2f M messages/s%n",
            mode,
            round,
            messages,
            nanos / 1e6,
            messages * 1e3 / nanos);
      }
      channel.input().close();
      if (!started.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          || started.exitValue() != 0) {
        throw new IllegalStateException("the child did not end well: " + started);
      }
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  private static Process start(Path path, long messages, int rounds, String mode)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ShmRingTwoJvm.class.getName(),
            "child",
            path.toString(),
            Long.toString(messages),
            Integer.toString(rounds),
            mode)
        .inheritIO()
        .start();
  }

  private static void child(Path path, long messages, int rounds, String mode)
      throws InterruptedException {
    try (WorkerChannel channel = WorkerChannel.open(path, ShmRingBenchmark.LongItems.INSTANCE)) {
      channel.control().set(Flag.READY);
      RingBuffer ring = channel.input().ring();
      IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(channel);
      long expected = 0;
      for (int round = 0; round < rounds; round++) {
        for (long end = expected + messages; expected < end; expected++) {
          long value;
          if (mode.equals("ring")) {
            ByteBuffer record;
            while ((record = ring.tryRead()) == null) {
              backoff.pause(0, false);
            }
            backoff.reset();
            value = record.getLong(0);
            ring.release();
          } else {
            value = (Long) channel.input().take();
          }
          if (value != expected) {
            throw new IllegalStateException("expected message " + expected + " but got " + value);
          }
        }
        channel.output().put(expected - 1);
      }
      channel.control().set(Flag.TERMINATED);
    }
  }
}
