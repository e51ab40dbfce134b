package dev.sgn4j.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader of {@code --classpath}: the user's element jars and class directories, in front
 * of nothing but the command line's own classes (sgn4j's, which the elements extend). It lives as
 * long as the command.
 */
final class UserClassPath {

  private UserClassPath() {}

  /**
   * A loader of the classes under {@code paths}.
   *
   * @param paths jars and directories separated by the platform's path separator
   * @param parent the loader of sgn4j's own classes
   * @throws IllegalArgumentException naming a path that does not exist
   */
  static ClassLoader loader(String paths, ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (String entry : paths.split(File.pathSeparator, -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException(
            "--classpath: no such jar or directory: "
                + entry
                + " (separate entries with '"
                + File.pathSeparator
                + "')");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--classpath: not a usable path: " + entry, e);
      }
    }
    return new URLClassLoader("sgn4j-user-elements", urls.toArray(URL[]::new), parent);
  }
}
