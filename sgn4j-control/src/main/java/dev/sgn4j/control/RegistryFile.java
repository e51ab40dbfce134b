package dev.sgn4j.control;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a server's URL to a registry file (SGN's {@code registry.txt}). */
final class RegistryFile {

  private RegistryFile() {}

  /**
   * Writes {@code url}, without a line end, to {@code file}: through a temporary file moved over
   * it, atomically where the file system allows, so a reader never sees a half-written URL. Creates
   * the directories as needed.
   */
  static void write(Path file, URI url) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, url.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary,
            absolute,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
