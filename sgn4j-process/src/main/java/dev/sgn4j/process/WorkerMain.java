package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.MapLogic;
import dev.sgn4j.parallel.spi.WorkerLoop;
import dev.sgn4j.process.codec.FrameCodecs;
import dev.sgn4j.process.codec.TaggedItemCodec;
import dev.sgn4j.process.shm.ChildSharedMemory;
import dev.sgn4j.process.shm.ControlBlock;
import dev.sgn4j.process.shm.WorkerChannel;
import dev.sgn4j.signals.Signals;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerLogic;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a worker process. The parent starts it with the path of the shared worker file
 * and writes the launch record to its standard input; it opens the file, creates the worker logic,
 * sets READY and runs the seed's worker loop until told to stop or shut down, then records how it
 * ended (TERMINATED, with an error text if the logic threw) and exits.
 *
 * <p>It ignores SIGINT and SIGTERM, since Ctrl+C in a terminal, and {@code timeout} or systemd
 * stopping a service, signal the whole process group, and the parent coordinates the shutdown (the
 * parent stops a worker through shared memory, or with SIGKILL); and it exits within {@value
 * #PARENT_CHECK_MILLIS} ms of its parent's death, which it checks on a timer. (Not by waiting for
 * the end of standard input: a thread blocked reading it holds up the JVM's exit by 300 ms, as
 * HotSpot waits that long for threads in native code when it exits.)
 *
 * <pre>{@code
 * java -cp <class path> dev.sgn4j.process.WorkerMain /dev/shm/sgn4j-1234-square-9f3a...
 * }</pre>
 */
public final class WorkerMain {

  /** The exit status when the parent died. */
  static final int PARENT_GONE = 70;

  /** How often the child writes its heartbeat. */
  static final long HEARTBEAT_MILLIS = 250;

  /** How often the child checks that its parent is alive. */
  static final long PARENT_CHECK_MILLIS = 100;

  /** The child's timer: its heartbeat and its parent check, on one daemon thread. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon(true).name("sgn-worker-timer").factory());

  private WorkerMain() {}

  /**
   * Runs one worker.
   *
   * @param args the path of the shared worker file
   * @throws Exception when the launch record cannot be read; the parent then reports the failure
   */
  public static void main(String[] args) throws Exception {
    ignoreInterrupts();
    DataInputStream in = new DataInputStream(System.in);
    int codecCount = in.readInt();
    List<String> codecs = new ArrayList<>();
    for (int i = 0; i < codecCount; i++) {
      codecs.add(in.readUTF());
    }
    FrameCodecs.registry().registerByName(codecs);
    byte[] record = in.readNBytes(in.readInt());
    TaggedItemCodec launchCodec = new TaggedItemCodec(FrameCodecs.registry(), "worker launch");
    @SuppressWarnings("unchecked")
    Map<String, Object> launch = (Map<String, Object>) launchCodec.decode(ByteBuffer.wrap(record));
    String element = (String) launch.get("element");
    Map<String, SharedMemory> segments = segments(launch.get("segments"));
    watchParent(segments);
    TaggedItemCodec codec =
        new TaggedItemCodec(FrameCodecs.registry(), "element '" + element + "'");
    int status = 0;
    try (WorkerChannel channel = WorkerChannel.open(Path.of(args[0]), codec)) {
      try {
        ChildWorkerContext context =
            new ChildWorkerContext(
                element,
                ((Number) launch.get("index")).intValue(),
                channel,
                segments,
                parameters(launch.get("parameters")));
        WorkerLogic logic = logic(launch, element);
        channel.control().set(ControlBlock.Flag.READY);
        beat(channel.control());
        WorkerLoop.run(logic, context);
      } catch (Throwable t) {
        channel.control().setError(ControlBlock.describe(t));
        status = 1;
      } finally {
        System.out.flush();
        System.err.flush();
        channel.control().setExitStatus(status);
        channel.control().set(ControlBlock.Flag.TERMINATED);
      }
    }
    System.exit(status);
  }

  /** The worker's logic: its WorkerLogic class, or its FrameMap class run as {@link MapLogic}. */
  @SuppressWarnings("unchecked")
  private static WorkerLogic logic(Map<String, Object> launch, String element) throws Exception {
    ClassLoader loader = WorkerMain.class.getClassLoader();
    if (launch.get("function") instanceof String function) {
      Class<? extends FrameMap> type =
          (Class<? extends FrameMap>) Class.forName(function, true, loader);
      return new MapLogic(MapLogic.create(type, element), element);
    }
    Class<? extends WorkerLogic> type =
        (Class<? extends WorkerLogic>) Class.forName((String) launch.get("logic"), true, loader);
    return WorkerLoop.create(type, element);
  }

  /**
   * Writes the child's heartbeat now and every {@value #HEARTBEAT_MILLIS} ms, on a daemon thread of
   * its own, so it shows the JVM is alive whatever the worker logic is doing.
   */
  private static void beat(ControlBlock control) {
    control.beatChild();
    TIMER.scheduleAtFixedRate(
        control::beatChild, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static void ignoreInterrupts() {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signals.ignore(name);
      } catch (IllegalArgumentException e) {
        // The JVM reserves this signal here; the parent's coordination still applies.
      }
    }
  }

  /**
   * Exits when the parent is gone (checked every {@value #PARENT_CHECK_MILLIS} ms against the
   * parent this process started with, so a new parent after reparenting does not count): nobody
   * else will delete the shared memory files it made.
   */
  private static void watchParent(Map<String, SharedMemory> segments) {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent == null) {
      halt(segments); // started by a parent that is already gone
    }
    TIMER.scheduleAtFixedRate(
        () -> {
          if (!parent.isAlive()) {
            halt(segments);
          }
        },
        PARENT_CHECK_MILLIS,
        PARENT_CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Deletes the segments' files, which the dead parent cannot, and exits. */
  private static void halt(Map<String, SharedMemory> segments) {
    for (SharedMemory segment : segments.values()) {
      try {
        java.nio.file.Files.deleteIfExists(segment.path());
      } catch (IOException e) {
        // Best effort: the next run removes files of dead processes.
      }
    }
    Runtime.getRuntime().halt(PARENT_GONE);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, SharedMemory> segments(Object described) {
    Map<String, SharedMemory> segments = new LinkedHashMap<>();
    ((Map<String, Object>) described)
        .forEach(
            (name, where) -> {
              List<Object> pathAndSize = (List<Object>) where;
              segments.put(
                  name,
                  new ChildSharedMemory(
                      name,
                      Path.of((String) pathAndSize.get(0)),
                      ((Number) pathAndSize.get(1)).intValue()));
            });
    return segments;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parameters(Object described) {
    return (Map<String, Object>) described;
  }
}
