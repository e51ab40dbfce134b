package dev.sgn4j.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line adds to a pipeline file: the pipeline's name, parameter values that replace
 * the file's ({@code --set element.parameter=value}) and where user element classes come from
 * ({@code --classpath}).
 *
 * @param name the pipeline's name
 * @param overrides element name to parameter name to value, in the order given
 * @param loader the class loader of user element classes
 */
record LoadOptions(String name, Map<String, Map<String, Node>> overrides, ClassLoader loader) {

  /** Copies the map; checks that nothing is null. */
  LoadOptions {
    Objects.requireNonNull(name, "name");
    overrides = Map.copyOf(overrides);
    Objects.requireNonNull(loader, "loader");
  }

  /** The file's own values, user classes from the command line's class path. */
  static LoadOptions named(String name) {
    return new LoadOptions(name, Map.of(), LoadOptions.class.getClassLoader());
  }

  /**
   * A pipeline name from a file name: its name without the extension, with every character a
   * pipeline name may not hold replaced by '-'.
   */
  static String nameOf(String file) {
    String base = java.nio.file.Path.of(file).getFileName().toString();
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    String name = stem.replaceAll("[^A-Za-z0-9._-]", "-");
    if (name.isEmpty()) {
      return "pipeline";
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  /** The element names that {@code --set} gives values to but the file does not have. */
  List<String> unknownElements(java.util.Set<String> elements) {
    return overrides.keySet().stream().filter(e -> !elements.contains(e)).sorted().toList();
  }
}
