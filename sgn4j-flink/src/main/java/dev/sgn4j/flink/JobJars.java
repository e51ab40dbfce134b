package dev.sgn4j.flink;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.TaggedItemCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a job on a remote cluster needs: those holding sgn4j and every class the shipped
 * elements named (found where each class was loaded from), plus the user's. A class directory (as
 * in a build's {@code target/classes}) is packed into a temporary jar, deleted when the run ends.
 * Flink's own classes and the JDK's are the cluster's and never shipped.
 */
final class JobJars implements AutoCloseable {

  private final List<Path> paths;
  private final List<Path> temporary;

  private JobJars(List<Path> paths, List<Path> temporary) {
    this.paths = paths;
    this.temporary = temporary;
  }

  static JobJars none() {
    return new JobJars(List.of(), List.of());
  }

  static JobJars of(Set<Class<?>> classes, List<String> codecNames, List<Path> extra) {
    Set<Class<?>> needed = new LinkedHashSet<>(classes);
    needed.add(Frame.class);
    needed.add(TaggedItemCodec.class);
    needed.add(JobJars.class);
    for (String entry : codecNames) {
      for (String name : entry.substring(entry.indexOf(':') + 1).split("=")) {
        try {
          needed.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException(
              "codec class " + name + " is not on the class path", e);
        }
      }
    }
    Set<Path> locations = new LinkedHashSet<>();
    for (Class<?> type : needed) {
      if (type.getName().startsWith("org.apache.flink.")) {
        continue;
      }
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        continue;
      }
      try {
        locations.add(Path.of(source.getLocation().toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot ship class " + type.getName() + " loaded from " + source.getLocation(), e);
      }
    }
    List<Path> paths = new ArrayList<>();
    List<Path> temporary = new ArrayList<>();
    try {
      for (Path location : locations) {
        if (Files.isDirectory(location)) {
          Path jar = Files.createTempFile("sgn4j-flink-job-", ".jar");
          temporary.add(jar);
          pack(location, jar);
          paths.add(jar);
        } else {
          paths.add(location);
        }
      }
    } catch (IOException e) {
      temporary.forEach(JobJars::deleteTree);
      throw new UncheckedIOException(e);
    }
    paths.addAll(extra);
    return new JobJars(List.copyOf(paths), List.copyOf(temporary));
  }

  /** The jar files, for {@code createRemoteEnvironment}. */
  String[] paths() {
    return paths.stream().map(Path::toString).toArray(String[]::new);
  }

  private static void pack(Path directory, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(path)) {
          out.putNextEntry(new JarEntry(directory.relativize(path).toString().replace('\\', '/')));
          Files.copy(path, out);
          out.closeEntry();
        }
      }
    }
  }

  /** Deletes a file or a directory tree; what cannot be deleted is left. */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Best effort: the run's result stands.
    }
  }

  @Override
  public void close() {
    temporary.forEach(JobJars::deleteTree);
  }
}
