package dev.sgn4j.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.flink.TestElements.Adder;
import dev.sgn4j.flink.TestElements.Failing;
import dev.sgn4j.flink.TestElements.Numbers;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Flink cluster of separate JVMs on loopback (a JobManager and two TaskManagers started from
 * Flink's jars alone): pipelines submitted by its REST address give the frames of a local run, an
 * element's failure comes back as its PipelineException, and every JVM is gone afterwards.
 */
class StandaloneClusterRunTest {

  /** Two sources, a parallel map across both task managers, a two-input join, one sink. */
  private static Pipeline build(CollectSink sink) {
    var a = new Numbers("a", List.of("out"), new long[] {300}, 7, false);
    var b = new Numbers("b", List.of("out"), new long[] {280}, 0, true);
    var slow =
        ParallelTransformElement.builder("slow")
            .workers(3)
            .map(TestElements.SlowDouble.class)
            .build();
    var add = new Adder("add");
    sink.setEosPolicy(EosPolicy.ALL);
    Pipeline p = new Pipeline("standalone").insert(a, b, slow, add, sink);
    p.connect(b, slow);
    p.link(add.sinkPad("a"), a.sourcePad("out"));
    p.link(add.sinkPad("b"), slow.sourcePad("out"));
    p.link(sink.sinkPad("sum"), add.sourcePad("out"));
    p.link(sink.sinkPad("a"), a.sourcePad("out"));
    return p;
  }

  @Test
  @Timeout(300)
  void pipelinesRunOnAClusterOfSeparateJvmsAsLocally(@TempDir Path dir) throws Exception {
    Supplier<CollectSink> sinks = () -> new CollectSink("sink", List.of("sum", "a"), false, false);
    CollectSink local = sinks.get();
    build(local).run();
    List<ProcessHandle> processes;
    try (StandaloneFlinkCluster cluster =
        StandaloneFlinkCluster.start(dir, 2, Duration.ofSeconds(180))) {
      processes = cluster.processes();
      FlinkRunner runner = FlinkRunner.remote(cluster.host(), cluster.restPort()).chaining(false);

      CollectSink remote = sinks.get();
      runner.run(build(remote));
      assertThat(remote.collected("sum")).hasSize(301).isEqualTo(local.collected("sum"));
      assertThat(remote.collected("a")).isEqualTo(local.collected("a"));

      var fail = new Failing("fail", 4);
      Pipeline failing =
          new Pipeline("failing")
              .connect(Numbers.of("n", 10), fail)
              .connect(fail, new CollectSink("sink", List.of("in")));
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  PipelineException.class, () -> runner.run(failing)))
          .hasMessage(
              "element 'fail' failed at pad 'fail:snk:in' in iteration 4:"
                  + " java.lang.IllegalStateException: no frame 4 today")
          .cause()
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(processes).hasSize(3).noneMatch(ProcessHandle::isAlive);
  }
}
