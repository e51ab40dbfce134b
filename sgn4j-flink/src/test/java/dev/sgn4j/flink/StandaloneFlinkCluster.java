package dev.sgn4j.flink;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster of separate JVMs on loopback: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a number of TaskManagers ({@code TaskManagerRunner}),
 * each a JVM of its own started from the jars of the test class path, without a Flink distribution.
 *
 * <p>Why: the mini-cluster runs everything in the test's JVM, so it cannot show what only a real
 * cluster shows: operators and records serialized across JVMs, the job jar loaded through Flink's
 * user-code class loader, data exchanged over the network between TaskManagers, a client that
 * reaches the cluster only by its REST address.
 *
 * <p>{@link #start} writes a generated {@code conf/config.yaml} into the work directory (every
 * address on 127.0.0.1, free ports, small memory, two slots per TaskManager), starts the JVMs with
 * their output in {@code jobmanager.log}, {@code taskmanager-1.log}, ... of the work directory, and
 * returns once the REST endpoint reports every TaskManager registered. {@link #close} stops the
 * TaskManagers, then the JobManager, and returns when none of their processes is left. A JVM
 * shutdown hook kills the cluster if the test JVM ends without closing it.
 *
 * <pre>{@code
 * try (StandaloneFlinkCluster cluster =
 *     StandaloneFlinkCluster.start(tempDir, 2, Duration.ofSeconds(120))) {
 *   StreamExecutionEnvironment env =
 *       StreamExecutionEnvironment.createRemoteEnvironment(
 *           cluster.host(), cluster.restPort(), jobJar.toString());
 *   // build the job, then env.executeAndCollect() ...
 * }
 * }</pre>
 */
final class StandaloneFlinkCluster implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final String JOB_MANAGER_MAIN =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  private static final String TASK_MANAGER_MAIN =
      "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String JOB_MANAGER = "jobmanager";
  private static final String TASK_MANAGER = "taskmanager-";
  private static final int SLOTS_PER_TASK_MANAGER = 2;

  /** How long the readiness loop waits for a JVM to exit between two requests. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** How long a JVM may take to stop after SIGTERM, and after SIGKILL. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static final int LOG_TAIL_LINES = 30;
  private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");

  /** Flink 2.x's own {@code env.java.opts.all} (flink-dist's default config.yaml). */
  private static final List<String> FLINK_JAVA_OPTS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /** The JobManager's JVM: its heap, and Flink's default metaspace. */
  private static final List<String> JOB_MANAGER_JVM =
      List.of("-Xmx512m", "-XX:MaxMetaspaceSize=256m");

  /**
   * The TaskManagers' memory, every component explicit: a TaskManager started without Flink's
   * scripts does not derive them from a process size. The JVM flags below must match: heap =
   * framework heap + task heap, direct = framework off-heap + task off-heap + network.
   */
  private static final Map<String, String> TASK_MANAGER_MEMORY =
      orderedMap(
          "taskmanager.cpu.cores", String.valueOf(SLOTS_PER_TASK_MANAGER),
          "taskmanager.memory.framework.heap.size", "128m",
          "taskmanager.memory.task.heap.size", "256m",
          "taskmanager.memory.framework.off-heap.size", "128m",
          "taskmanager.memory.task.off-heap.size", "0m",
          "taskmanager.memory.managed.size", "64m",
          "taskmanager.memory.network.min", "64m",
          "taskmanager.memory.network.max", "64m",
          "taskmanager.memory.jvm-metaspace.size", "256m",
          "taskmanager.memory.jvm-overhead.min", "192m",
          "taskmanager.memory.jvm-overhead.max", "192m");

  private static final List<String> TASK_MANAGER_JVM =
      List.of("-Xmx384m", "-Xms384m", "-XX:MaxDirectMemorySize=192m", "-XX:MaxMetaspaceSize=256m");

  /** One cluster JVM: its name (also its log's), its process and its log file. */
  private record Node(String name, Process process, Path log) {}

  private final Path workDir;
  private final int restPort;

  /** The JVMs in start order, the JobManager first; read by the shutdown hook too. */
  private final List<Node> nodes;

  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StandaloneFlinkCluster(Path workDir, int restPort, List<Node> nodes, Thread hook) {
    this.workDir = workDir;
    this.restPort = restPort;
    this.nodes = nodes;
    this.shutdownHook = hook;
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers, and waits until all of them are
   * registered. On any failure every JVM already started is stopped before the exception is thrown.
   *
   * @param workDir where the configuration, the logs and Flink's temporary files go
   * @param taskManagers how many TaskManagers, each with two slots
   * @param timeout how long the cluster may take to come up
   * @return the running cluster
   * @throws IOException when the files cannot be written, a JVM cannot start or dies, or the
   *     cluster is not ready within {@code timeout}; the message ends with the failed JVM's log
   * @throws InterruptedException when interrupted while waiting for the cluster
   */
  static StandaloneFlinkCluster start(Path workDir, int taskManagers, Duration timeout)
      throws IOException, InterruptedException {
    if (taskManagers < 1) {
      throw new IllegalArgumentException("taskManagers must be positive: " + taskManagers);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Path confDir = Files.createDirectories(workDir.resolve("conf"));
    Path tmpDir = Files.createDirectories(workDir.resolve("tmp"));
    Path pluginsDir = Files.createDirectories(workDir.resolve("plugins"));
    int rpcPort = freePort();
    int restPort = freePort();
    while (restPort == rpcPort) {
      restPort = freePort();
    }
    writeConfig(confDir.resolve("config.yaml"), rpcPort, restPort, tmpDir);

    List<Node> nodes = new CopyOnWriteArrayList<>();
    Thread hook = new Thread(() -> killAll(nodes), "standalone-flink-cluster-kill");
    Runtime.getRuntime().addShutdownHook(hook);
    StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(workDir, restPort, nodes, hook);
    try {
      nodes.add(
          launch(JOB_MANAGER, JOB_MANAGER_MAIN, JOB_MANAGER_JVM, workDir, confDir, pluginsDir));
      for (int i = 1; i <= taskManagers; i++) {
        nodes.add(
            launch(
                TASK_MANAGER + i,
                TASK_MANAGER_MAIN,
                TASK_MANAGER_JVM,
                workDir,
                confDir,
                pluginsDir));
      }
      cluster.awaitReady(taskManagers, deadline, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      try {
        cluster.close();
      } catch (RuntimeException | Error suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The REST port of the JobManager, for clients and {@code /overview}. */
  int restPort() {
    return restPort;
  }

  /** The address every JVM of the cluster binds to: {@code 127.0.0.1}. */
  String host() {
    return HOST;
  }

  /** The cluster's JVMs, the JobManager first, then the TaskManagers in order. */
  List<ProcessHandle> processes() {
    return nodes.stream().map(node -> node.process().toHandle()).toList();
  }

  /** The work directory given to {@link #start}: configuration, logs, temporary files. */
  Path workDir() {
    return workDir;
  }

  /**
   * Stops the TaskManagers, then the JobManager, each first by SIGTERM, after 30 seconds by
   * SIGKILL, and their descendants with them. Returns when none of them is alive. Calling it again
   * does nothing.
   *
   * @throws IllegalStateException when a process is still alive after SIGKILL
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is shutting down: the hook runs anyway, and stopping below is still right
    }
    stop(nodes.stream().filter(node -> !node.name().equals(JOB_MANAGER)).toList());
    stop(nodes.stream().filter(node -> node.name().equals(JOB_MANAGER)).toList());
    List<String> alive =
        nodes.stream().filter(node -> node.process().isAlive()).map(Node::name).toList();
    if (!alive.isEmpty()) {
      throw new IllegalStateException("Flink JVMs still alive after SIGKILL: " + alive);
    }
  }

  private void awaitReady(int taskManagers, long deadline, Duration timeout)
      throws IOException, InterruptedException {
    URI overview = URI.create("http://" + HOST + ":" + restPort + "/overview");
    CompletableFuture<Object> anyExit =
        CompletableFuture.anyOf(
            nodes.stream().map(node -> node.process().onExit()).toArray(CompletableFuture[]::new));
    String lastAnswer = "none";
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      while (true) {
        for (Node node : nodes) {
          if (!node.process().isAlive()) {
            throw new IOException(
                node.name()
                    + " exited with code "
                    + node.process().exitValue()
                    + " before the Flink cluster was ready; "
                    + tail(node));
          }
        }
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(overview).timeout(Duration.ofSeconds(5)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
          lastAnswer = response.statusCode() + " " + response.body();
          Matcher matcher = TASK_MANAGERS.matcher(response.body());
          if (response.statusCode() == 200
              && matcher.find()
              && Integer.parseInt(matcher.group(1)) == taskManagers) {
            return;
          }
        } catch (IOException notYet) {
          // the REST endpoint is not up yet (connection refused) or did not answer in time
          lastAnswer = notYet.toString();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException(
              "Flink cluster not ready with "
                  + taskManagers
                  + " TaskManagers within "
                  + timeout
                  + "; last answer of "
                  + overview
                  + ": "
                  + lastAnswer
                  + "; "
                  + tail(nodes.get(0)));
        }
        try {
          // returns at once when a JVM exits, which the next round reports
          anyExit.get(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
          // poll again
        }
      }
    }
  }

  private static Node launch(
      String name,
      String mainClass,
      List<String> jvmOptions,
      Path workDir,
      Path confDir,
      Path pluginsDir)
      throws IOException {
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(FLINK_JAVA_OPTS);
    if (Runtime.version().feature() >= 23) {
      // silence Pekko's and Netty's warnings about sun.misc.Unsafe and native access
      command.add("--sun-misc-unsafe-memory-access=allow");
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    // Flink unpacks its RPC jar and more into java.io.tmpdir: keep them in the work directory
    command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
    // where the web dashboard and the REST API find the JVM's log
    command.add("-Dlog.file=" + log);
    command.add("-cp");
    command.add(flinkClassPath());
    command.add(mainClass);
    command.add("--configDir");
    command.add(confDir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // an empty plugins directory of our own, instead of a warning about a missing ./plugins
    builder.environment().put("FLINK_PLUGINS_DIR", pluginsDir.toString());
    return new Node(name, builder.start(), log);
  }

  /**
   * The test class path without sgn4j's own classes: the cluster runs Flink only, and each job
   * brings its code in its jars, as on a real cluster.
   */
  static String flinkClassPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("sgn4j"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static void writeConfig(Path file, int rpcPort, int restPort, Path tmpDir)
      throws IOException {
    Map<String, String> config =
        orderedMap(
            "jobmanager.rpc.address",
            HOST,
            "jobmanager.rpc.port",
            String.valueOf(rpcPort),
            "jobmanager.bind-host",
            HOST,
            "rest.address",
            HOST,
            "rest.bind-address",
            HOST,
            "rest.port",
            String.valueOf(restPort),
            "taskmanager.host",
            HOST,
            "taskmanager.bind-host",
            HOST,
            "taskmanager.rpc.port",
            "0",
            "taskmanager.data.port",
            "0",
            "taskmanager.numberOfTaskSlots",
            String.valueOf(SLOTS_PER_TASK_MANAGER),
            "io.tmp.dirs",
            yamlString(tmpDir.toString()),
            "pekko.framesize",
            "104857600b",
            "parallelism.default",
            "1");
    config.putAll(TASK_MANAGER_MEMORY);
    StringBuilder yaml = new StringBuilder("# generated by StandaloneFlinkCluster\n");
    config.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
    Files.writeString(file, yaml, UTF_8);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A YAML single-quoted scalar: a path may hold characters YAML would otherwise read. */
  private static String yamlString(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM to a group and its descendants, SIGKILL to whatever is left after the grace time. */
  private static void stop(List<Node> group) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (Node node : group) {
      // descendants first: once their parent is gone they can no longer be found from it
      node.process().descendants().forEach(handles::add);
      handles.add(node.process().toHandle());
    }
    handles.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : handles) {
      if (!awaitExit(handle, STOP_GRACE)) {
        handle.destroyForcibly();
        awaitExit(handle, STOP_GRACE);
      }
    }
  }

  /** The shutdown hook: no grace, nothing left behind. */
  private static void killAll(List<Node> nodes) {
    for (Node node : nodes) {
      node.process().descendants().forEach(ProcessHandle::destroyForcibly);
      node.process().destroyForcibly();
    }
  }

  /**
   * Waits up to {@code timeout} for a process to exit; an interrupt does not cut the wait short
   * (the process must be gone when {@link #close} returns) but is kept for the caller.
   */
  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          return true;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (TimeoutException | ExecutionException e) {
          return !handle.isAlive();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The last lines of a JVM's log, for an exception message. */
  private static String tail(Node node) {
    try {
      List<String> lines = new String(Files.readAllBytes(node.log()), UTF_8).lines().toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return "last " + last.size() + " lines of " + node.log() + ":\n" + String.join("\n", last);
    } catch (IOException e) {
      return "cannot read " + node.log() + ": " + e;
    }
  }
}
