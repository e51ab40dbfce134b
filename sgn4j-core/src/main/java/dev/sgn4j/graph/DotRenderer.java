package dev.sgn4j.graph;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text to a file with Graphviz's {@code dot} program: behind {@link
 * dev.sgn4j.Pipeline#render(java.nio.file.Path, String)}. The format comes from the file's
 * extension; the DOT text goes to {@code dot}'s standard input. {@code dot} writes a hidden file
 * next to the target first, which replaces the target only on success, so a failed render leaves no
 * partial file. A render that takes longer than its deadline is stopped.
 */
public final class DotRenderer {

  /** The formats {@code render} writes, by file extension. */
  static final List<String> FORMATS = List.of("svg", "png", "pdf");

  /** How long {@code dot} may run before it is stopped. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final String NOT_FOUND =
      "rendering needs Graphviz's dot program, which was not found on PATH; install it (e.g."
          + " apt-get install graphviz) or render the text of toDot() elsewhere";

  /** How long to wait for a stopped {@code dot} to exit, and for its error output to be read. */
  private static final long CLEANUP_SECONDS = 10;

  private DotRenderer() {}

  /**
   * Renders {@code dot} into {@code path} with the {@code dot} program found on PATH, in the format
   * of the file's extension (svg, png or pdf).
   *
   * @param dot the DOT text
   * @param path the file to write
   * @throws IOException when {@code dot} fails or times out (with its error output), or on I/O
   * @throws IllegalArgumentException for an extension other than svg, png or pdf
   * @throws IllegalStateException when {@code dot} is not on PATH
   */
  public static void render(String dot, Path path) throws IOException {
    render(dot, path, "dot", TIMEOUT);
  }

  /**
   * Renders with {@code executable} (a name looked up on PATH, or a path) as {@code dot}.
   *
   * @throws IllegalArgumentException when the extension is not a known format
   * @throws IllegalStateException when the executable is not found
   * @throws IOException when {@code dot} fails or times out (with its error output), or on I/O
   *     errors
   */
  static void render(String dot, Path path, String executable, Duration timeout)
      throws IOException {
    String format = format(path);
    Path program = locate(executable).orElseThrow(() -> new IllegalStateException(NOT_FOUND));
    Path target = path.toAbsolutePath();
    Path partial =
        target.resolveSibling(
            "." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8));
    String command = "dot -T" + format;
    try {
      run(program, format, partial, dot, timeout, command, target);
      if (!Files.exists(partial)) {
        throw new IOException(
            "%s exited normally but wrote nothing for %s".formatted(command, target));
      }
      move(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Runs {@code dot}, which writes {@code output}; throws unless it exits with 0 in time. */
  private static void run(
      Path program,
      String format,
      Path output,
      String dot,
      Duration timeout,
      String command,
      Path target)
      throws IOException {
    Process process =
        new ProcessBuilder(program.toString(), "-T" + format, "-o", output.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Thread reader = Thread.ofVirtual().name("dot-stderr").start(() -> drain(process, errors));
    Thread writer = Thread.ofVirtual().name("dot-stdin").start(() -> feed(process, dot));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        throw new IOException(
            ("%s did not finish within %s rendering %s; it was stopped. Render a smaller graph,"
                    + " or the text of toDot() elsewhere")
                .formatted(command, seconds(timeout), target));
      }
      writer.join(TimeUnit.SECONDS.toMillis(CLEANUP_SECONDS));
      reader.join(TimeUnit.SECONDS.toMillis(CLEANUP_SECONDS));
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while %s was rendering %s; it was stopped".formatted(command, target));
    }
    int exit = process.exitValue();
    if (exit != 0) {
      String stderr = errors.toString(StandardCharsets.UTF_8).strip();
      throw new IOException(
          "%s failed with exit code %d rendering %s: %s"
              .formatted(command, exit, target, stderr.isEmpty() ? "(no error output)" : stderr));
    }
  }

  /** Copies dot's error output into {@code errors} (whose methods are synchronized). */
  private static void drain(Process process, ByteArrayOutputStream errors) {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getErrorStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        errors.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // The process was stopped: what was read so far is all there is.
    }
  }

  private static void feed(Process process, String dot) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(dot.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // dot exited without reading everything; its exit code and error output tell why.
    }
  }

  private static void stop(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(CLEANUP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The format named by the file's extension. */
  static String format(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(extension)) {
      throw new IllegalArgumentException(
          "cannot render '%s': the format comes from the file name's extension, which must be one of %s"
              .formatted(path, FORMATS));
    }
    return extension;
  }

  /** The executable: a path as given, or the first match on PATH. */
  static Optional<Path> locate(String executable) {
    if (executable.contains("/") || executable.contains(File.separator)) {
      Path path = Path.of(executable);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    }
    String searchPath = System.getenv("PATH");
    if (searchPath == null) {
      return Optional.empty();
    }
    boolean windows = File.separatorChar == '\\';
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String name : windows ? List.of(executable + ".exe", executable) : List.of(executable)) {
        Path candidate = Path.of(directory, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }
}
