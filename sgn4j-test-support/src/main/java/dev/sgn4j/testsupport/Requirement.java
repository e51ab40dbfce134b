package dev.sgn4j.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine that a JDK alone does not give: Graphviz's {@code dot},
 * or signals that reach the JVM. {@link #check()} lets the test run when it is there; when it is
 * not, the test is skipped with the reason printed on the console, unless the environment variable
 * {@code SGN4J_REQUIRE} (a comma-separated list of {@linkplain #id() ids}, as {@code .ci/run} sets
 * it: {@code SGN4J_REQUIRE=dot,signals,chromium}) says the machine must have it: then the test
 * fails.
 *
 * <pre>{@code
 * @Test
 * void rendersAnSvg() {
 *   Requirement.DOT.check();
 *   ...
 * }
 * }</pre>
 */
public enum Requirement {

  /** Graphviz's {@code dot} program on PATH, for SVG/PNG/PDF rendering. */
  DOT("dot", "Graphviz's dot program is not on PATH (install the graphviz package)") {
    @Override
    boolean present() {
      return onPath("dot");
    }
  },

  /**
   * Chromium and its WebDriver, {@code chromium} (or {@code chromium-browser}) and {@code
   * chromedriver} on PATH, for the tests that load the control server's page in a real browser.
   */
  CHROMIUM(
      "chromium",
      "Chromium or chromedriver is not on PATH (install the chromium and chromium-driver"
          + " packages)") {
    @Override
    boolean present() {
      return (onPath("chromium") || onPath("chromium-browser")) && onPath("chromedriver");
    }
  },

  /**
   * SIGINT and SIGTERM reach this JVM: its parent did not start it with them ignored, as a
   * background job of a non-interactive shell or {@code nohup} does (then no handler can be
   * installed, a raised signal is discarded, and child JVMs inherit that).
   */
  SIGNALS(
      "signals",
      "SIGINT or SIGTERM is ignored by this JVM's parent (started under nohup or"
          + " as a background job?)") {
    @Override
    boolean present() {
      return Signals.deliverable("INT") && Signals.deliverable("TERM");
    }
  };

  /** The environment variable that lists what the machine must have. */
  public static final String ENVIRONMENT = "SGN4J_REQUIRE";

  private final String id;
  private final String missing;

  Requirement(String id, String missing) {
    this.id = id;
    this.missing = missing;
  }

  /**
   * The name of this requirement in {@value #ENVIRONMENT}.
   *
   * @return e.g. {@code dot}
   */
  public String id() {
    return id;
  }

  abstract boolean present();

  /**
   * The path of a program on PATH.
   *
   * @param program its name
   * @return the path of the first executable with that name, if any
   */
  public static java.util.Optional<Path> find(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return java.util.Optional.of(Path.of(dir, program));
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean onPath(String program) {
    return find(program).isPresent();
  }

  /**
   * Returns when the requirement is met; otherwise fails the test if {@value #ENVIRONMENT} names
   * it, else skips it with the reason (printed to the console too, so a skip is never silent).
   *
   * @throws AssertionError when the requirement is missing but required
   * @throws org.opentest4j.TestAbortedException when it is missing and optional
   */
  public void check() {
    if (present()) {
      return;
    }
    if (required().contains(this)) {
      throw new AssertionError(
          missing + "; " + ENVIRONMENT + "=" + System.getenv(ENVIRONMENT) + " requires it");
    }
    String reason =
        "skipped: " + missing + "; set " + ENVIRONMENT + "=" + id + " to make this a failure";
    System.err.println("[sgn4j] " + caller() + " " + reason);
    Assumptions.abort(reason);
  }

  /** What {@value #ENVIRONMENT} requires; an unknown id is an error naming the known ones. */
  static Set<Requirement> required() {
    String value = System.getenv(ENVIRONMENT);
    Set<Requirement> required = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return required;
    }
    for (String part : value.split(",")) {
      String wanted = part.trim().toLowerCase(Locale.ROOT);
      if (wanted.isEmpty()) {
        continue;
      }
      Requirement match =
          Arrays.stream(values())
              .filter(r -> r.id.equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          ENVIRONMENT
                              + " names '"
                              + wanted
                              + "', which is not one of "
                              + Arrays.stream(values())
                                  .map(Requirement::id)
                                  .collect(Collectors.joining(", "))));
      required.add(match);
    }
    return required;
  }

  /** The test method that asked, as {@code Class.method}. */
  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(Requirement.class.getName()))
                    .filter(f -> !f.getClassName().startsWith(Requirement.class.getName() + "$"))
                    .findFirst()
                    .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
                    .orElse("a test"));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
