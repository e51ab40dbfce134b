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
 */
final class LineForwarder {

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

  private static void copy(
      InputStream stream, PrintStream to, String worker, ProcessWorker.StderrTail tail) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (tail != null) {
          tail.add(line);
        }
        to.println("[" + worker + "] " + line);
      }
    } catch (IOException e) {
      // The child is gone or its stream was closed: nothing left to forward.
    }
  }
}
