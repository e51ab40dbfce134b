package dev.sgn4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Runs the command line in-process with stdout and stderr captured. */
final class Cli {

  /** System.out and System.err are global: one run at a time. */
  private static final ReentrantLock LOCK = new ReentrantLock();

  /** The outcome of one command line. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private Cli() {}

  static Result execute(String... args) {
    LOCK.lock();
    PrintStream out = System.out;
    PrintStream err = System.err;
    var outBytes = new ByteArrayOutputStream();
    var errBytes = new ByteArrayOutputStream();
    try (var capturedOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        var capturedErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capturedOut);
      System.setErr(capturedErr);
      int exitCode = Main.commandLine().execute(args);
      capturedOut.flush();
      capturedErr.flush();
      return new Result(
          exitCode,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      LOCK.unlock();
    }
  }
}
