package dev.sgn4j.process.shm;

import dev.sgn4j.process.codec.BytesTestCodec;
import dev.sgn4j.process.shm.ControlBlock.Flag;
import dev.sgn4j.worker.QueueClosedException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link CrossProcessTest}: maps a {@link WorkerChannel} by path and, by mode,
 * echoes every input record to the output until the input is closed ({@code echo}), fails with an
 * exception ({@code fail}), or takes nothing and waits to be killed ({@code idle}). It reports
 * through the control block as a worker process does: ready after the handshake; error, exit status
 * and terminated at the end. It also ends when its parent dies, and after five minutes in any case.
 *
 * <pre>{@code
 * java -cp <class path> dev.sgn4j.process.shm.RingEchoMain /dev/shm/sgn4j-123-echo-ab echo
 * }</pre>
 */
final class RingEchoMain {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final int FAILED = 3;

  private RingEchoMain() {}

  /**
   * Runs the child.
   *
   * @param args the channel's path and the mode
   */
  public static void main(String[] args) {
    long deadline = System.nanoTime() + LIFETIME.toNanos();
    try (WorkerChannel channel = WorkerChannel.open(Path.of(args[0]), new BytesTestCodec())) {
      ControlBlock control = channel.control();
      int status = 0;
      try {
        control.set(Flag.READY);
        switch (args[1]) {
          case "echo" -> echo(channel, deadline);
          case "fail" -> throw new IllegalStateException("the worker failed on purpose");
          case "idle" -> idle(control, deadline);
          default -> throw new IllegalArgumentException("unknown mode " + args[1]);
        }
      } catch (Throwable e) {
        control.setError(ControlBlock.describe(e));
        status = FAILED;
      }
      control.setExitStatus(status);
      control.set(Flag.TERMINATED);
      System.out.println("child ends with status " + status);
      System.exit(status);
    }
  }

  private static void echo(WorkerChannel channel, long deadline) throws InterruptedException {
    long records = 0;
    try {
      while (true) {
        Object item = channel.input().poll(Duration.ofMillis(100));
        if (item != null) {
          while (!channel.output().put(item, Duration.ofMillis(100))) {
            checkAlive(channel.control(), deadline);
          }
          records++;
        } else {
          checkAlive(channel.control(), deadline);
          if (channel.input().isClosed() && channel.input().isEmpty()) {
            break;
          }
        }
      }
    } catch (QueueClosedException closed) {
      // the parent closed a queue
    }
    channel.output().close();
    System.out.println("child echoed " + records + " records");
  }

  private static void idle(ControlBlock control, long deadline) throws InterruptedException {
    while (!control.await(Flag.STOP, Duration.ofMillis(100))) {
      checkAlive(control, deadline);
    }
  }

  /** Ends the child when the parent is gone or the child has lived too long. */
  private static void checkAlive(ControlBlock control, long deadline) {
    boolean parentAlive =
        ProcessHandle.of(control.parentPid()).map(ProcessHandle::isAlive).orElse(false);
    if (!parentAlive || System.nanoTime() - deadline > 0) {
      System.out.println(parentAlive ? "child lived too long" : "parent is gone");
      System.exit(2);
    }
  }
}
