package dev.sgn4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Runs a program with {@code System.out} captured, for comparing example output line by line. */
final class Output {

  /** {@code System.out} is global: one capture at a time, even if tests run in parallel. */
  private static final ReentrantLock LOCK = new ReentrantLock();

  private Output() {}

  /**
   * Runs {@code program} with {@code System.out} redirected and returns what it printed, one
   * element per line (without line separators). {@code System.out} is restored afterwards, also
   * when the program throws.
   */
  static List<String> capture(Runnable program) {
    LOCK.lock();
    try {
      PrintStream original = System.out;
      var bytes = new ByteArrayOutputStream();
      var capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      try {
        program.run();
      } finally {
        System.setOut(original);
        capture.close();
      }
      return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    } finally {
      LOCK.unlock();
    }
  }

  /** {@code lines} repeated {@code times} times, in order. */
  static List<String> repeat(int times, String... lines) {
    List<String> all = new ArrayList<>(times * lines.length);
    for (int i = 0; i < times; i++) {
      all.addAll(List.of(lines));
    }
    return all;
  }
}
