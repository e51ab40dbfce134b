package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.SharedFile;
import java.io.IOException;

/**
 * A JVM that dies in a parent's start window: it creates a shared file as a parent does for a
 * worker's channel, prints its path, then waits for its standard input, never deleting the file;
 * tests kill it with SIGKILL.
 */
public final class FileHolder {

  private FileHolder() {}

  /**
   * Creates the file and waits.
   *
   * @param args ignored
   * @throws IOException never in practice
   */
  public static void main(String[] args) throws IOException {
    SharedFile file = SharedFile.create("channel", 1 << 16);
    System.out.println("path " + file.path());
    System.out.flush();
    System.in.read();
  }
}
