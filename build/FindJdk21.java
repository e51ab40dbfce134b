import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by the root build before maven-toolchains-plugin picks a JDK 21+: when no JDK that may be
 * 21 or newer is found where that plugin's discovery looks, says so and what to do (the plugin's
 * own failure does not), and exits 1. Unknown versions and any ~/.m2/toolchains.xml count as
 * found: then the plugin decides.
 */
final class FindJdk21 {

  private FindJdk21() {}

  public static void main(String[] args) {
    if (!found()) {
      System.err.println(
          "sgn4j needs a JDK 21 or newer to compile and test (Maven itself may run on JDK 17),"
              + " and none was found; install one (e.g. apt-get install openjdk-21-jdk) or set"
              + " JAVA_HOME to a JDK 21+. Searched: JAVA_HOME and other JAVA*_HOME variables,"
              + " Maven's own JDK, ~/.m2/toolchains.xml, /usr/lib/jvm/*, /opt/java/*,"
              + " /usr/java/*, ~/.sdkman/candidates/java/*, ~/.jdks/*, ~/.m2/jdks/*,"
              + " ~/.gradle/jdks/*, ~/.asdf/installs/java/*.");
      System.exit(1);
    }
  }

  private static boolean found() {
    String home = System.getProperty("user.home");
    if (Files.isRegularFile(Path.of(home, ".m2", "toolchains.xml"))) {
      return true;
    }
    List<Path> homes = new ArrayList<>();
    homes.add(Path.of(System.getProperty("java.home")));
    for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
      if (variable.getKey().startsWith("JAVA") && variable.getKey().endsWith("_HOME")) {
        homes.add(Path.of(variable.getValue()));
      }
    }
    String[] roots = {
      "/usr/lib/jvm", "/opt/java", "/usr/java", "/usr/jdk", "/Library/Java/JavaVirtualMachines",
      "C:\\Program Files\\Java", home + "/Library/Java/JavaVirtualMachines", home + "/.jdks",
      home + "/.sdkman/candidates/java", home + "/.gradle/jdks", home + "/.jenv/versions",
      home + "/.jbang/cache/jdks", home + "/.asdf/installs/java", home + "/.jabba/jdk",
      home + "/.m2/jdks"
    };
    for (String root : roots) {
      try (Stream<Path> kids = Files.list(Path.of(root))) {
        kids.forEach(
            kid -> {
              homes.add(kid);
              homes.add(kid.resolve("Contents/Home"));
            });
      } catch (IOException | RuntimeException e) {
        // No such directory here.
      }
    }
    for (Path candidate : homes) {
      try {
        if (mayBeJdk21(candidate)) {
          return true;
        }
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayBeJdk21(Path home) throws IOException {
    if (!Files.isRegularFile(home.resolve("bin/javac"))
        && !Files.isRegularFile(home.resolve("bin/javac.exe"))) {
      return false;
    }
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return true;
    }
    String version =
        Files.readAllLines(release).stream()
            .filter(line -> line.startsWith("JAVA_VERSION="))
            .map(line -> line.substring(13).replace("\"", "").trim())
            .findFirst()
            .orElse(null);
    if (version == null) {
      return true;
    }
    if (version.startsWith("1.")) {
      return false;
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 || Integer.parseInt(version.substring(0, end)) >= 21;
  }
}
