package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.codec.BytesTestCodec;
import dev.sgn4j.process.shm.ControlBlock.Flag;
import dev.sgn4j.sharedtests.QueueTestThreads;
import dev.sgn4j.worker.QueueClosedException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real second JVM ({@link RingEchoMain}) on the other side of a {@link WorkerChannel} in the
 * default shared-memory directory: records go there and back in order and intact, the control block
 * carries the handshake, the exit status and the child's error, and a dead child's queues can be
 * closed to release the parent. Every wait has a deadline; the child is killed in {@code finally};
 * no file of the test is left behind.
 */
final class CrossProcessTest {

  static final Duration DEADLINE = Duration.ofSeconds(60);

  private final QueueTestThreads threads = new QueueTestThreads();
  private final String tag = "xproc-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

  @TempDir Path logs;

  @AfterEach
  void nothingIsLeftBehind() throws Exception {
    threads.close();
    assertThat(filesOfThisTest()).isEmpty();
  }

  private List<Path> filesOfThisTest() throws IOException {
    String glob = SharedFile.PREFIX + ProcessHandle.current().pid() + "-" + tag + "-*";
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(SharedFile.defaultDirectory(), glob)) {
      found.forEach(files::add);
    }
    return files;
  }

  private Process startChild(WorkerChannel channel, String mode, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            RingEchoMain.class.getName(),
            channel.path().toString(),
            mode)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitReady(WorkerChannel channel, Process child, Path log) throws Exception {
    boolean ready = channel.control().await(Flag.READY, DEADLINE, () -> !child.isAlive());
    assertThat(ready).as("child ready; its output:\n%s", Files.readString(log)).isTrue();
  }

  private static int awaitExit(Process child, Path log) throws Exception {
    assertThat(child.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
        .as("child exited; its output:\n%s", Files.readString(log))
        .isTrue();
    return child.exitValue();
  }

  @RepeatedTest(3)
  void aChildJvmEchoesEveryRecordInOrderAndExitsCleanly() throws Exception {
    int records = 200_000;
    long seed = System.nanoTime();
    Path log = logs.resolve("child.log");
    Process child = null;
    try (WorkerChannel channel = WorkerChannel.create(tag, 128, 1 << 16, new BytesTestCodec())) {
      child = startChild(channel, "echo", log);
      awaitReady(channel, child, log);
      channel.unlink(); // both sides have it mapped: the name can go now
      assertThat(filesOfThisTest()).isEmpty();

      var producer =
          threads.start(
              "producer",
              () -> {
                Random random = new Random(seed);
                for (int i = 0; i < records; i++) {
                  channel.input().put(payload(i, random));
                }
                channel.input().close();
                return records;
              });
      Random expected = new Random(seed);
      for (int i = 0; i < records; i++) {
        Object echoed = channel.output().poll(DEADLINE);
        assertThat(echoed).as("record %d of seed %d", i, seed).isNotNull();
        assertThat((byte[]) echoed)
            .as("record %d of seed %d", i, seed)
            .isEqualTo(payload(i, expected));
      }
      assertThat(producer.result()).isEqualTo(records);
      assertThat(channel.output().poll(DEADLINE)).isNull(); // closed by the child, and empty
      assertThatThrownBy(channel.output()::take)
          .isExactlyInstanceOf(QueueClosedException.class)
          .hasMessage("worker output of '" + tag + "' is closed");

      assertThat(awaitExit(child, log)).as(Files.readString(log)).isZero();
      assertThat(channel.control().isSet(Flag.TERMINATED)).isTrue();
      assertThat(channel.control().exitStatus()).isZero();
      assertThat(channel.control().error()).isEmpty();
      assertThat(Files.readString(log))
          .isEqualTo("child echoed " + records + " records\nchild ends with status 0\n");
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  /** Record {@code i}: its number, then up to 3000 bytes that depend on it. */
  private static byte[] payload(int i, Random random) {
    int size = random.nextInt(8) == 0 ? random.nextInt(3000) : random.nextInt(64);
    return RingBufferConcurrencyTest.payload(i, size);
  }

  @Test
  void aFailingChildLeavesItsErrorAndExitStatusInTheControlBlock() throws Exception {
    Path log = logs.resolve("child.log");
    Process child = null;
    try (WorkerChannel channel = WorkerChannel.create(tag, 4, 4096, new BytesTestCodec())) {
      Process started = startChild(channel, "fail", log);
      child = started;
      awaitReady(channel, started, log);
      assertThat(channel.control().await(Flag.TERMINATED, DEADLINE, () -> !started.isAlive()))
          .isTrue();

      assertThat(channel.control().exitStatus()).isEqualTo(RingEchoMain.FAILED);
      assertThat(channel.control().error().orElseThrow())
          .startsWith("java.lang.IllegalStateException: the worker failed on purpose\n")
          .contains("\tat dev.sgn4j.process.shm.RingEchoMain.main(RingEchoMain.java:");
      assertThat(awaitExit(started, log)).isEqualTo(RingEchoMain.FAILED);
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @RepeatedTest(3)
  void closingTheQueuesWhenTheChildDiesReleasesAParentBlockedOnIt() throws Exception {
    Path log = logs.resolve("child.log");
    Process child = null;
    try (WorkerChannel channel = WorkerChannel.create(tag, 2, 4096, new BytesTestCodec())) {
      Process started = startChild(channel, "idle", log);
      child = started;
      awaitReady(channel, started, log);
      started
          .onExit()
          .thenRun(
              () -> { // what a launcher does when its child dies
                channel.input().close();
                channel.output().close();
              });
      channel.input().put(new byte[1]);
      channel.input().put(new byte[2]);
      var put =
          threads
              .start(
                  "putter",
                  () -> {
                    channel.input().put(new byte[3]);
                    return "added";
                  })
              .awaitParked();
      var take = threads.start("taker", channel.output()::take).awaitParked();

      started.destroyForcibly(); // kill -9

      assertThat(put.thrown())
          .isExactlyInstanceOf(QueueClosedException.class)
          .hasMessage("worker input of '" + tag + "' is closed");
      assertThat(take.thrown())
          .isExactlyInstanceOf(QueueClosedException.class)
          .hasMessage("worker output of '" + tag + "' is closed");
      assertThat(awaitExit(started, log)).isEqualTo(137);
      assertThat(channel.control().isSet(Flag.TERMINATED)).isFalse();
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void aChildOfAnotherSgn4jLayoutIsToldWhatIsWrong() throws Exception {
    try (WorkerChannel channel = WorkerChannel.create(tag, 2, 4096, new BytesTestCodec())) {
      try (SharedFile file = SharedFile.open(channel.path())) {
        file.buffer().order(ByteOrder.nativeOrder()).putInt(ControlBlock.VERSION, 99);
      }
      assertThatThrownBy(() -> WorkerChannel.open(channel.path(), new BytesTestCodec()))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              channel.path()
                  + " has layout version 99 but this sgn4j reads version 1: the parent and the"
                  + " child run different sgn4j versions; start the child with the parent's class"
                  + " path");
    }
  }
}
