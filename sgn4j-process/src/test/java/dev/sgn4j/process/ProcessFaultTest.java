package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.NullSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.WorkerException;
import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.testsupport.Repeat;
import dev.sgn4j.testsupport.Requirement;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

class ProcessFaultTest {

  @AfterEach
  void nothingLeaks() {
    ProcessLeaks.assertNone();
  }

  /** Passes frames on. */
  public static final class Echo implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item != null) {
        context.output().put(item);
      }
    }
  }

  @Repeat(value = 20, quick = 2)
  void killingAWorkerProcessFailsTheRunAtOnce() {
    var echo =
        ParallelTransformElement.builder("echo")
            .mode(WorkerMode.PROCESS)
            .worker(Echo.class)
            .build();
    var sink =
        new CollectSink("collect", List.of("in"), false, false) {
          @Override
          protected void pull(SinkPad pad, Frame frame) {
            super.pull(pad, frame);
            if (collected("in").size() == 3) {
              ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            }
          }
        };
    long started = System.nanoTime();
    WorkerException e =
        catchThrowableOfType(
            WorkerException.class,
            () ->
                new Pipeline()
                    .connect(new NullSource("ticks", List.of("out"), -1, null), echo)
                    .connect(echo, sink)
                    .run());

    assertThat(e.getCause()).isInstanceOf(WorkerProcessException.class);
    assertThat(e.getCause().getMessage())
        .matches("exit: worker process \\d+ of element 'echo' exited with status 137 before EOS.*");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  @Repeat(value = 20, quick = 2)
  void workerProcessesExitWhenTheirParentIsKilled() throws Exception {
    Process parent = ChildJvm.command(OrphanParent.class).redirectErrorStream(true).start();
    try {
      long child =
          readChildPid(
              new BufferedReader(
                  new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)));
      parent.destroyForcibly();
      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long killed = System.nanoTime();

      // Watch the grandchild directly (onExit() of a process that is not our child polls slowly),
      // and count a zombie as exited: its reaper (init, its parent being dead) may take a while.
      long deadline = killed + TimeUnit.SECONDS.toNanos(10);
      while (running(child) && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      assertThat(running(child)).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(1));
      assertThat(filesOf(parent.pid())).isEmpty();
    } finally {
      parent.destroyForcibly();
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Whether the process runs: it exists and is not a zombie (state Z in /proc/pid/stat). */
  private static boolean running(long pid) {
    java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = java.nio.file.Files.readString(stat);
      String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
      return !state.equals("Z") && !state.equals("X");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static long readChildPid(BufferedReader lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("[consume] pid ")) {
        return Long.parseLong(line.substring("[consume] pid ".length()));
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    throw new AssertionError("the parent JVM never reported its worker process");
  }

  private static List<String> filesOf(long pid) throws Exception {
    String prefix = "sgn4j-" + pid + "-";
    try (var files = java.nio.file.Files.list(SharedFile.defaultDirectory())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
    }
  }

  /** {@link OrphanParent} started with {@code setsid}: the leader of a process group of its own. */
  private static Process orphanParentInItsOwnGroup() throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("setsid"));
    command.addAll(ChildJvm.command(OrphanParent.class).command());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader linesOf(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  @Repeat(value = 5, quick = 1)
  void ctrlCReachesTheWholeProcessGroupAndThePipelineDrains() throws Exception {
    Requirement.SIGNALS.check();
    Process parent = orphanParentInItsOwnGroup();
    try {
      BufferedReader lines = linesOf(parent);
      long child = readChildPid(lines);
      // As a terminal does on Ctrl+C: SIGINT to every process of the group.
      Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + parent.pid()).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      List<String> rest = new java.util.ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rest.add(line);
      }

      assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(parent.exitValue()).isZero();
      assertThat(rest).contains("drained");
      assertThat(running(child)).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }

  @Repeat(value = 5, quick = 1)
  void aGroupSigtermSentTwiceAtOnceAsTimeoutDoesDrainsThePipelineAndSparesTheWorkers()
      throws Exception {
    Requirement.SIGNALS.check();
    Process parent = orphanParentInItsOwnGroup();
    try {
      BufferedReader lines = linesOf(parent);
      long child = readChildPid(lines);
      // As GNU timeout does: SIGTERM to the process, then to its whole process group.
      Process first = new ProcessBuilder("kill", "-TERM", String.valueOf(parent.pid())).start();
      Process group = new ProcessBuilder("kill", "-TERM", "--", "-" + parent.pid()).start();
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(group.waitFor(10, TimeUnit.SECONDS)).isTrue();
      List<String> rest = new java.util.ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        rest.add(line);
      }

      assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(parent.exitValue()).as("exit status; output %s", rest).isZero();
      assertThat(rest).contains("drained").noneMatch(line -> line.contains("Exception"));
      assertThat(running(child)).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }

  @Repeat(value = 5, quick = 1)
  void aFileLeftByAParentKilledInItsStartWindowIsRemovedWhenTheNextRunStarts() throws Exception {
    Process holder = ChildJvm.command(FileHolder.class).redirectErrorStream(true).start();
    java.nio.file.Path left;
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = lines.readLine();
      assertThat(line).startsWith("path ");
      left = java.nio.file.Path.of(line.substring("path ".length()));
    } finally {
      holder.destroyForcibly();
    }
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(left).exists(); // killed, so nobody deleted it

    var square = dev.sgn4j.parallel.ParallelTransformElement.builder("square").map(f -> f).build();
    new dev.sgn4j.Pipeline()
        .connect(dev.sgn4j.elements.IterSource.of("numbers", "out", List.of(1, 2, 3)), square)
        .connect(square, new dev.sgn4j.elements.NullSink("sink", List.of("in")))
        .run();

    assertThat(left).doesNotExist();
  }
}
