package dev.sgn4j.process;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.NullSource;
import dev.sgn4j.parallel.ParallelSinkElement;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.List;

/**
 * A parent JVM for fault tests: runs an endless pipeline whose sink works in a worker process that
 * prints its pid once, then consumes until told to stop. Exits 0 after a drained run.
 */
public final class OrphanParent {

  private OrphanParent() {}

  /** Prints "pid N" from the worker process once, then consumes everything. */
  public static final class Consume implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      if (context.state().putIfAbsent("announced", true) == null) {
        System.out.println("pid " + ProcessHandle.current().pid());
        System.out.flush();
      }
      context.input().poll(Duration.ofMillis(100));
    }
  }

  /**
   * Runs until signalled.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var ticks = new NullSource("ticks", List.of("out"), -1, Duration.ofMillis(5));
    var sink =
        ParallelSinkElement.builder("consume")
            .mode(WorkerMode.PROCESS)
            .worker(Consume.class)
            .build();
    new Pipeline().connect(ticks, sink).run();
    System.out.println("drained");
  }
}
