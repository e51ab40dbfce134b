package dev.sgn4j.examples;

import dev.sgn4j.testsupport.Requirement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An example's {@code main} running in a child JVM, for tests that send it a real signal: its
 * standard output is read line by line as it comes, so a test can wait for some output (with a
 * deadline) before signalling. {@link #close()} kills the child if it is still alive and ends the
 * reader threads.
 */
final class ChildProgram implements AutoCloseable {

  private final Process process;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder errors = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;
  private boolean outEnded;

  private ChildProgram(Process process) {
    this.process = process;
    this.outReader = Thread.ofPlatform().daemon().name("child-stdout").start(this::readOut);
    this.errReader = Thread.ofPlatform().daemon().name("child-stderr").start(this::readErr);
  }

  /** Starts {@code main} of {@code program} with this test JVM's java and class path. */
  static ChildProgram start(Class<?> program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), program.getName()));
    command.addAll(List.of(args));
    return new ChildProgram(new ProcessBuilder(command).start());
  }

  /**
   * Skips the test when this JVM was started with SIGINT ignored (a background job of a
   * non-interactive shell): a child inherits that, and then its JVM cannot handle SIGINT either.
   */
  static void assumeSigintDeliverable() {
    Requirement.SIGNALS.check();
  }

  private void readOut() {
    read(process.getInputStream(), line -> lines.add(line));
    lock.lock();
    try {
      outEnded = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void readErr() {
    read(process.getErrorStream(), line -> errors.append(line).append('\n'));
  }

  private void read(InputStream stream, java.util.function.Consumer<String> sink) {
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lock.lock();
        try {
          sink.accept(line);
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the output so far satisfies {@code condition}, failing after {@code deadline} or
   * when the output ends first.
   */
  void awaitOutput(Predicate<List<String>> condition, Duration deadline, String what)
      throws InterruptedException {
    long left = deadline.toNanos();
    lock.lock();
    try {
      while (!condition.test(lines)) {
        if (outEnded || left <= 0) {
          throw new AssertionError(
              "%s: not within %s; output so far: %s; errors: %s"
                  .formatted(what, deadline, lines, errors));
        }
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Sends {@code signal} (e.g. {@code INT}) to the child with {@code kill}. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  /** Waits for the child to exit and its output to be read; returns its exit status. */
  int awaitExit(Duration deadline) throws InterruptedException {
    if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the child did not exit within " + deadline + "; errors: " + errors());
    }
    outReader.join(deadline.toMillis());
    errReader.join(deadline.toMillis());
    return process.exitValue();
  }

  /** What the child printed on standard output so far, one element per line. */
  List<String> lines() {
    lock.lock();
    try {
      return List.copyOf(lines);
    } finally {
      lock.unlock();
    }
  }

  /** What the child printed on standard error so far. */
  String errors() {
    lock.lock();
    try {
      return errors.toString();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    outReader.join(10_000);
    errReader.join(10_000);
  }
}
