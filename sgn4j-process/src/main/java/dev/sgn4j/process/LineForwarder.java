package dev.sgn4j.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Copies a worker process's output to this JVM's, line by line, each line prefixed with the
 * worker's name ({@code [square] ...}); for standard error it also keeps the last lines for failure
 * messages. Ends when the child closes the stream.
 *
 * <p>A line longer than {@value #MAX_LINE_CHARS} characters is forwarded in pieces of that length,
 * each a line of its own, so a worker that writes hundreds of megabytes without a newline cannot
 * make its parent hold them all.
 */
final class LineForwarder {

  /** The longest piece of a line held before it is forwarded. */
  static final int MAX_LINE_CHARS = 8192;

  private LineForwarder() {}

  static Thread start(
      InputStream stream, PrintStream to, String worker, ProcessWorker.StderrTail tail) {
    Thread thread =
        Thread.ofPlatform()
            .daemon(true)
            .name("sgn-process-output-" + worker)
            .start(() -> copy(stream, to, worker, tail));
    return thread;
  }

  static void copy(
      InputStream stream, PrintStream to, String worker, ProcessWorker.StderrTail tail) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
      StringBuilder line = new StringBuilder();
      boolean lastWasCarriageReturn = false;
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n' && lastWasCarriageReturn) {
          lastWasCarriageReturn = false;
          continue; // the second half of a \r\n
        }
        lastWasCarriageReturn = c == '\r';
        if (c == '\n' || c == '\r') {
          forward(line, to, worker, tail);
        } else {
          line.append((char) c);
          if (line.length() == MAX_LINE_CHARS) {
            forward(line, to, worker, tail);
          }
        }
      }
      if (!line.isEmpty()) {
        forward(line, to, worker, tail);
      }
    } catch (IOException e) {
      // The child is gone or its stream was closed: nothing left to forward.
    }
  }

  private static void forward(
      StringBuilder line, PrintStream to, String worker, ProcessWorker.StderrTail tail) {
    String text = line.toString();
    line.setLength(0);
    if (tail != null) {
      tail.add(text);
    }
    to.println("[" + worker + "] " + text);
  }
}
