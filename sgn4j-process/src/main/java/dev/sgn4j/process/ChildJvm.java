package dev.sgn4j.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a worker process: this JVM's {@code java}, its class path, the options that
 * shape a JVM's behaviour (heap, garbage collector, system properties, module flags), and the main
 * class with its arguments. Options that would clash in a second JVM (debug agents, JMX ports,
 * flight recordings, heap dumps to fixed files) are left out.
 */
final class ChildJvm {

  private static final List<String> KEPT_PREFIXES =
      List.of(
          "-Xmx",
          "-Xms",
          "-Xss",
          "-XX:+Use",
          "-XX:MaxRAM",
          "-XX:ActiveProcessorCount",
          "-D",
          "--add-opens",
          "--add-exports",
          "--add-modules",
          "--enable-preview",
          "--enable-native-access",
          "-ea",
          "-enableassertions",
          "-Dfile.encoding");

  private static final List<String> DROPPED_PREFIXES =
      List.of("-Dcom.sun.management.jmxremote", "-Djava.rmi.server", "-Dsurefire", "-Dbasedir");

  private ChildJvm() {}

  static ProcessBuilder command(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(options());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static List<String> options() {
    List<String> kept = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (keep(option)) {
        kept.add(option);
      }
    }
    return kept;
  }

  static boolean keep(String option) {
    for (String dropped : DROPPED_PREFIXES) {
      if (option.startsWith(dropped)) {
        return false;
      }
    }
    for (String prefix : KEPT_PREFIXES) {
      if (option.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
