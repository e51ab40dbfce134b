package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.flink.FlinkRunner;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The {@code flink} case: what running a pipeline on Apache Flink through sgn4j-flink costs against
 * the same work written for Flink directly. Each run does both, on the same kind of in-process
 * mini-cluster (one task manager with one slot, loopback, random ports, jobs submitted through its
 * REST address, no restarts), and checks both outputs:
 *
 * <ul>
 *   <li>{@code sgn4j}: the core chain, {@link CountingSource} → {@link Doubler} → a summing sink,
 *       run with {@code FlinkRunner.embedded().run(pipeline)}, which starts the mini-cluster, runs
 *       each element as a Flink operator (chained into one task), and shuts the cluster down;
 *   <li>{@code plain}: the reference, the same chain as a plain DataStream job of parallelism 1,
 *       {@code env.fromSequence(1, N).map(x -> x * 2)} into a summing function, with Flink's
 *       defaults (chaining on, object reuse off), on a mini-cluster this case starts the same way.
 * </ul>
 *
 * <p>Both sinks take {@link System#nanoTime()} at every data frame, so each side gives two figures:
 * the <em>startup</em>, from the call that starts the run (cluster start included) to the first
 * frame reaching the sink, and the <em>steady rate</em>, frames over the time from the first frame
 * to the last at the sink. The sgn4j sink's timestamps come back to the client in its fields, as
 * every sink's state does after a run on Flink; the plain job's come back as accumulators of its
 * result. Both run in this JVM, so the clocks agree. {@link #summary} prints the measured run's
 * figures and the ratio of the steady rates, e.g.
 *
 * <pre>
 * flink sgn4j startup 2.41 s, 812345 frames/s
 * flink plain startup 1.98 s, 1934567 frames/s
 * flink sgn4j/plain steady rate 0.42
 * </pre>
 *
 * <p>The report line is the sgn4j run's, timed from the call to its return. Each run starts two
 * clusters and their threads anew, which takes seconds and exercises the same code every time, so
 * one warm-up run (of each) is enough.
 */
final class FlinkCase implements BenchCase {

  /** The key of the sgn4j run's startup time in {@link Result#extraNanos()}. */
  static final String SGN4J_STARTUP = "sgn4j startup";

  /** The key of the time from the first to the last frame at the sgn4j sink. */
  static final String SGN4J_STEADY = "sgn4j steady";

  /** The key of the plain job's startup time. */
  static final String PLAIN_STARTUP = "plain startup";

  /** The key of the time from the first to the last record at the plain job's sink. */
  static final String PLAIN_STEADY = "plain steady";

  /** The key of the plain job's whole time, from the call to the cluster shut down. */
  static final String PLAIN_RUN = "plain run";

  /** How long the plain job's mini-cluster may take to give its address or to shut down. */
  private static final long CLUSTER_SECONDS = 60;

  private final String name;

  /**
   * A flink case.
   *
   * @param name the case name on the command line
   */
  FlinkCase(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int warmupRuns() {
    return 1;
  }

  @Override
  public Result run(long frames) {
    Timing sgn4j = runSgn4j(frames);
    Timing plain = runPlain(frames);
    return new Result(
        frames,
        sgn4j.runNanos(),
        Map.of(
            SGN4J_STARTUP, sgn4j.startupNanos(),
            SGN4J_STEADY, sgn4j.steadyNanos(),
            PLAIN_STARTUP, plain.startupNanos(),
            PLAIN_STEADY, plain.steadyNanos(),
            PLAIN_RUN, plain.runNanos()));
  }

  @Override
  public List<String> summary(List<Result> runs) {
    Result measured = runs.get(runs.size() - 1);
    Map<String, Long> nanos = measured.extraNanos();
    long frames = measured.frames();
    double sgn4jRate = rate(frames, nanos.get(SGN4J_STEADY));
    double plainRate = rate(frames, nanos.get(PLAIN_STEADY));
    return List.of(
        String.format(
            Locale.ROOT,
            "%s sgn4j startup %.2f s, %d frames/s",
            name,
            nanos.get(SGN4J_STARTUP) / 1e9,
            Math.round(sgn4jRate)),
        String.format(
            Locale.ROOT,
            "%s plain startup %.2f s, %d frames/s",
            name,
            nanos.get(PLAIN_STARTUP) / 1e9,
            Math.round(plainRate)),
        String.format(Locale.ROOT, "%s sgn4j/plain steady rate %.2f", name, sgn4jRate / plainRate));
  }

  private static double rate(long frames, long nanos) {
    return frames * 1e9 / Math.max(nanos, 1);
  }

  /**
   * One side's figures.
   *
   * @param runNanos from the call to its return
   * @param startupNanos from the call to the first frame at the sink
   * @param steadyNanos from the first frame at the sink to the last
   */
  private record Timing(long runNanos, long startupNanos, long steadyNanos) {}

  /** The core chain, run by sgn4j-flink on the mini-cluster it starts for the run. */
  private static Timing runSgn4j(long frames) {
    CountingSource source = new CountingSource("source", frames);
    Doubler doubler = new Doubler("double");
    TimedSumSink sink = new TimedSumSink("sink");
    // Named: the tasks rebuild a pipeline of this name, and a default name does not pass its check.
    Pipeline pipeline = new Pipeline("flink_core").connect(source, doubler).connect(doubler, sink);

    long called = System.nanoTime();
    FlinkRunner.embedded().run(pipeline);
    long returned = System.nanoTime();
    check("sgn4j", frames, sink.count, sink.sum);
    return new Timing(
        returned - called, sink.firstNanos - called, sink.lastNanos - sink.firstNanos);
  }

  /**
   * The same chain as a plain Flink job, on a mini-cluster started as sgn4j-flink's {@code
   * EmbeddedCluster} starts one (keep the two alike, or the startups compare different things): no
   * restarts, loopback, random ports, a temporary directory of its own (deleted afterwards), the
   * job submitted through the REST address once the dispatcher has its leader.
   */
  private static Timing runPlain(long frames) {
    java.nio.file.Path directory;
    try {
      directory = java.nio.file.Files.createTempDirectory("sgn4j-bench-flink-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      return runPlain(frames, directory);
    } finally {
      deleteTree(directory);
    }
  }

  private static void deleteTree(java.nio.file.Path root) {
    try (var paths = java.nio.file.Files.walk(root)) {
      for (var path :
          (Iterable<java.nio.file.Path>)
              paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        java.nio.file.Files.deleteIfExists(path);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("plain: could not delete " + root, e);
    }
  }

  private static Timing runPlain(long frames, java.nio.file.Path directory) {
    Configuration config = new Configuration();
    config.setString("io.tmp.dirs", directory.toString());
    config.setString("web.tmpdir", directory.toString());
    config.setString("web.upload.dir", directory.toString());
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.ADDRESS, "127.0.0.1");

    long called = System.nanoTime();
    JobExecutionResult result;
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(1)
                .setCommonBindAddress("127.0.0.1")
                .withRandomPorts()
                .build());
    try {
      cluster.start();
      URI rest = cluster.getRestAddress().get(CLUSTER_SECONDS, TimeUnit.SECONDS);
      cluster.listJobs().get(CLUSTER_SECONDS, TimeUnit.SECONDS);
      StreamExecutionEnvironment environment =
          StreamExecutionEnvironment.createRemoteEnvironment(
              rest.getHost(), rest.getPort(), config);
      environment.setParallelism(1);
      environment
          .fromSequence(1, frames)
          .map(x -> x * 2, Types.LONG)
          .process(new TimedSum(), Types.VOID)
          .sinkTo(new DiscardingSink<>());
      result = environment.execute("plain");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("plain: the Flink job failed: " + e, e);
    } finally {
      try {
        cluster.closeAsync().get(CLUSTER_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("plain: the mini-cluster did not shut down: " + e, e);
      }
    }
    long returned = System.nanoTime();
    long count = accumulator(result, TimedSum.COUNT);
    long sum = accumulator(result, TimedSum.SUM);
    check("plain", frames, count, sum);
    long first = accumulator(result, TimedSum.FIRST);
    long last = accumulator(result, TimedSum.LAST);
    return new Timing(returned - called, first - called, last - first);
  }

  private static long accumulator(JobExecutionResult result, String name) {
    Object value = result.getAccumulatorResult(name);
    if (!(value instanceof Long number)) {
      throw new IllegalStateException(
          "plain: accumulator '%s' of the job is %s, not a Long".formatted(name, value));
    }
    return number;
  }

  /**
   * The same check as the core cases: {@code frames} data frames summing to {@code frames * (frames
   * + 1)}.
   */
  private static void check(String side, long frames, long count, long sum) {
    long expectedSum = frames * (frames + 1);
    if (count != frames || sum != expectedSum) {
      throw new IllegalStateException(
          "%s: sink received %d data frames summing to %d; expected %d frames summing to %d"
              .formatted(side, count, sum, frames, expectedSum));
    }
  }

  /**
   * {@link SumSink} with the time of the first and the last data frame. It runs in a task of the
   * mini-cluster; its fields come back into the client's object when the run ends.
   */
  private static final class TimedSumSink extends SinkElement {

    private long count;
    private long sum;
    private long firstNanos;
    private long lastNanos;

    TimedSumSink(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void start() {
      count = 0;
      sum = 0;
      firstNanos = 0;
      lastNanos = 0;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      if (!frame.isGap()) {
        long now = System.nanoTime();
        if (count++ == 0) {
          firstNanos = now;
        }
        lastNanos = now;
        sum += (Long) frame.data();
      }
    }
  }

  /**
   * The plain job's sink: counts and sums the records and notes the time of the first and the last,
   * in accumulators that come back with the job's result. It emits nothing.
   */
  private static final class TimedSum extends ProcessFunction<Long, Void> {

    private static final long serialVersionUID = 1L;

    static final String COUNT = "count";
    static final String SUM = "sum";
    static final String FIRST = "first-nanos";
    static final String LAST = "last-nanos";

    private final LongCounter count = new LongCounter();
    private final LongCounter sum = new LongCounter();
    private final LongMinimum first = new LongMinimum();
    private final LongMaximum last = new LongMaximum();

    @Override
    public void open(OpenContext context) {
      getRuntimeContext().addAccumulator(COUNT, count);
      getRuntimeContext().addAccumulator(SUM, sum);
      getRuntimeContext().addAccumulator(FIRST, first);
      getRuntimeContext().addAccumulator(LAST, last);
    }

    @Override
    public void processElement(Long value, Context context, Collector<Void> out) {
      long now = System.nanoTime();
      if (count.getLocalValuePrimitive() == 0) {
        first.add(now);
      }
      count.add(1L);
      last.add(now);
      sum.add(value.longValue());
    }
  }
}
