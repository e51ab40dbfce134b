package dev.sgn4j.flink;

import dev.sgn4j.Execution;
import dev.sgn4j.Executor;
import dev.sgn4j.Pipeline;
import dev.sgn4j.PipelineException;
import dev.sgn4j.Run;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.RunOptions;
import dev.sgn4j.process.codec.FrameCodecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs sgn4j pipelines on Apache Flink: the same pipeline code, the same frames on every pad, on an
 * in-process Flink mini-cluster or on a real cluster by its REST address.
 *
 * <pre>{@code
 * Pipeline p = ...;                          // unchanged pipeline code
 * p.run();                                   // local, as always
 * FlinkRunner.embedded().run(p);             // an in-process Flink mini-cluster
 * FlinkRunner.remote("flink-jm", 8081).run(p); // a Flink cluster, by its REST address
 * Run run = FlinkRunner.embedded().start(p, RunOptions.defaults()); // stop(), abort(), await()
 * }</pre>
 *
 * <p><b>How a pipeline becomes a job.</b> Each element becomes a Flink operator of parallelism 1
 * (elements keep state from one iteration to the next); a {@code ParallelTransformElement} built
 * with {@code map} and N workers becomes an operator of parallelism N whose outputs are put back in
 * iteration order before the next element. Frames travel tagged with their iteration, and an
 * element with several sink pads runs iteration k only when every pad has frame k, so every sink
 * sees the frames, in the order, of a local run. Frames cross task boundaries in sgn4j-process's
 * codecs (register your codecs with {@code FrameCodecs.register} before the run). When the job
 * ends, each sink's state comes back to the client and into the sink object you hold: {@code
 * CollectSink.collected(...)} reads as after a local run.
 *
 * <p><b>Shipping elements.</b> Elements run inside Flink's task managers, so they travel there by
 * Java serialization: every field of an element must hold a {@code Serializable} value (mark what
 * {@code start()} rebuilds {@code transient}); functions must be classes or lambdas cast to a
 * serializable type, e.g. {@code (Function<Frame, Frame> & Serializable) f -> f}; data
 * specifications must be serializable too. Elements are checked before the job is submitted: one
 * that cannot travel is an {@link IllegalArgumentException} naming the element, the field path and
 * the class. A remote cluster also needs the classes: the runner ships the jars (or class
 * directories, as jars) of every class it serialized and of sgn4j; add others with {@link
 * #withJars}.
 *
 * <p><b>Lifecycle.</b> {@code start()} and {@code stop()} run in the task managers, around the
 * element's task ({@code stop()} also when the job fails). An exception from an element fails the
 * run with the same {@link PipelineException} as a local run (element, pad, iteration, and the
 * element's exception as the cause). {@link Run#stop()} drains: Flink stops the sources (a
 * stop-with-savepoint that drains), every later frame of theirs is EOS, and the job ends normally;
 * {@link Run#abort()} cancels the job. {@link RunOptions#maxIterations} makes the sources send EOS
 * at the limit. Unlike a local run, a run on Flink ends when its sources end: a sink that reaches
 * EOS on its own while a source keeps streaming is reported, and the run goes on until the sources
 * end or it is stopped. Parallel sources and sinks, and parallel transforms with a {@code
 * WorkerLogic} class, run only locally (they are refused before submission); signals and the HTTP
 * control server are for local runs.
 *
 * <p>A runner holds only its settings: it is immutable, thread-safe, and may run any number of
 * pipelines, one after the other or at the same time. An embedded runner starts a mini-cluster for
 * each run and shuts it down when the run ends.
 */
public final class FlinkRunner implements Executor {

  private final String host;
  private final int port;
  private final List<Path> jars;
  private final Map<String, String> configuration;
  private final boolean chaining;
  private final int taskManagers;

  private FlinkRunner(
      String host,
      int port,
      List<Path> jars,
      Map<String, String> configuration,
      boolean chaining,
      int taskManagers) {
    this.taskManagers = taskManagers;
    this.host = host;
    this.port = port;
    this.jars = List.copyOf(jars);
    this.configuration = Map.copyOf(configuration);
    this.chaining = chaining;
  }

  /**
   * A runner on an in-process Flink mini-cluster with one task manager, started for each run and
   * shut down when it ends.
   *
   * @return the runner
   */
  public static FlinkRunner embedded() {
    return new FlinkRunner(null, 0, List.of(), Map.of(), true, 1);
  }

  /**
   * A runner on the Flink cluster whose REST endpoint (the JobManager's web port) is at {@code
   * host:port}.
   *
   * @param host the JobManager's host
   * @param port its REST port, 8081 by default in Flink
   * @return the runner
   */
  public static FlinkRunner remote(String host, int port) {
    Objects.requireNonNull(host, "host must not be null");
    if (port <= 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
    return new FlinkRunner(host, port, List.of(), Map.of(), true, 0);
  }

  /**
   * Ships these jars with every job as well (a remote cluster needs every class the elements use;
   * the runner finds those it serializes by itself).
   *
   * @param more jar files
   * @return a new runner
   */
  public FlinkRunner withJars(Path... more) {
    List<Path> all = new ArrayList<>(jars);
    for (Path jar : more) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("jar " + jar + " is not a file");
      }
      all.add(jar);
    }
    return new FlinkRunner(host, port, all, configuration, chaining, taskManagers);
  }

  /**
   * Sets a Flink configuration option for the jobs (and the embedded mini-cluster), e.g. {@code
   * with("taskmanager.numberOfTaskSlots", "4")}.
   *
   * @param key the option's key
   * @param value its value
   * @return a new runner
   */
  public FlinkRunner with(String key, String value) {
    Map<String, String> all = new LinkedHashMap<>(configuration);
    all.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new FlinkRunner(host, port, jars, all, chaining, taskManagers);
  }

  /**
   * Whether Flink may chain elements into one task (the default, and faster); without chaining
   * every frame crosses a task boundary through Flink's network stack and serializers.
   *
   * @param allowed whether to chain
   * @return a new runner
   */
  public FlinkRunner chaining(boolean allowed) {
    return new FlinkRunner(host, port, jars, configuration, allowed, taskManagers);
  }

  /**
   * An embedded runner whose mini-cluster has {@code count} task managers (each with as many slots
   * as the pipeline's widest parallel element), so that frames between them go through Flink's
   * network stack, as on a real cluster.
   *
   * @param count 1 or more
   * @return a new runner
   * @throws IllegalStateException on a remote runner
   */
  public FlinkRunner taskManagers(int count) {
    if (host != null) {
      throw new IllegalStateException("a remote cluster has the task managers it has");
    }
    if (count < 1) {
      throw new IllegalArgumentException("a cluster needs at least 1 task manager, got " + count);
    }
    return new FlinkRunner(host, port, jars, configuration, chaining, count);
  }

  /**
   * Runs {@code pipeline} on Flink until it ends, like {@link Pipeline#run()}.
   *
   * @param pipeline the pipeline
   * @throws PipelineException when an element failed
   * @throws IllegalArgumentException when an element cannot run on Flink (before submission)
   * @throws IllegalStateException when the graph is invalid or the job failed outside the elements
   * @throws RunAbortedException when the run was aborted or the calling thread interrupted
   */
  public void run(Pipeline pipeline) {
    Run run = start(pipeline, RunOptions.defaults());
    try {
      run.await();
    } catch (InterruptedException e) {
      run.abort();
      Thread.currentThread().interrupt();
      throw new RunAbortedException("the thread running it was interrupted", 0);
    }
  }

  /**
   * Starts {@code pipeline} on Flink and returns its run at once: {@link Run#stop()} drains it,
   * {@link Run#abort()} cancels the job, {@link Run#await()} waits for its end.
   *
   * @param pipeline the pipeline
   * @param options the run's options (its iteration limit and stuck detection apply)
   * @return the run
   */
  public Run start(Pipeline pipeline, RunOptions options) {
    return pipeline.start(options, this);
  }

  @Override
  public String name() {
    return "flink";
  }

  @Override
  public void execute(Execution execution) {
    RunSettings settings =
        RunSettings.of(
            execution.pipelineId(),
            execution.run().id(),
            execution.options(),
            execution.context().stopRequested());
    List<String> codecNames = FrameCodecs.registry().codecNames();
    JobBuilder builder = new JobBuilder(execution, settings, codecNames);
    Configuration config = new Configuration();
    config.setString("restart-strategy.type", "none");
    // Every record is a FrameRecord with sgn4j's serializer: Kryo is never used, and a type that
    // would need it fails the job instead of slowing it down.
    config.setString("pipeline.generic-types", "false");
    configuration.forEach(config::setString);
    if (host == null) {
      try (EmbeddedCluster cluster =
          EmbeddedCluster.start(config, taskManagers, Math.max(1, builder.maxParallelism()))) {
        runJob(
            execution,
            environmentAt(cluster.host(), cluster.port(), config, new String[0]),
            builder);
      }
      return;
    }
    try (JobJars jobJars = JobJars.of(builder.classes(), codecNames, jars)) {
      runJob(execution, environmentAt(host, port, config, jobJars.paths()), builder);
    }
  }

  private StreamExecutionEnvironment environmentAt(
      String host, int port, Configuration config, String[] jobJars) {
    StreamExecutionEnvironment environment =
        StreamExecutionEnvironment.createRemoteEnvironment(host, port, config, jobJars);
    environment.setParallelism(1);
    // Frames and records are immutable values, handed on by reference as in a local run: Flink
    // need not copy them between chained operators.
    environment.getConfig().enableObjectReuse();
    if (!chaining) {
      environment.disableOperatorChaining();
    }
    return environment;
  }

  private void runJob(
      Execution execution, StreamExecutionEnvironment environment, JobBuilder builder) {
    JobBuilder.Job job = builder.build(environment);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = FlinkRunner.class.getClassLoader();
    }
    SinkStates states = new SinkStates();
    RunFigures figures = new RunFigures(job.elements(), loader);
    execution.publishStats(figures::iterations, figures::stats);
    JobControl control = new JobControl(execution);
    CloseableIterator<FrameRecord> results = job.results().collectAsync();
    try {
      JobClient client;
      try {
        client = environment.executeAsync(execution.pipelineId());
      } catch (Exception e) {
        throw new IllegalStateException(
            "Flink did not accept the job of pipeline '%s': %s"
                .formatted(execution.pipelineId(), Failures.rootMessage(e)),
            e);
      }
      execution.running();
      control.attach(client);
      try {
        while (results.hasNext()) {
          FrameRecord record = results.next();
          if (record.kind() == FrameRecord.Kind.STATS) {
            figures.add(record);
          } else {
            states.add(record);
          }
        }
        client.getJobExecutionResult().get();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          client.cancel();
        }
        execution.checkpoint(0);
        // Reading the results can fail first, with a message about the collect sink's task; the
        // job's own result says why it failed.
        Throwable cause = jobFailure(client, e);
        execution.checkpoint(0);
        PipelineException failure = Failures.elementFailure(cause, loader);
        if (failure != null) {
          throw failure;
        }
        throw new IllegalStateException(
            "the Flink job of pipeline '%s' failed: %s"
                .formatted(execution.pipelineId(), Failures.rootMessage(cause)),
            cause);
      }
      execution.checkpoint(0);
      states.restore(job.elements(), loader);
    } finally {
      control.close();
      try {
        results.close();
      } catch (Exception e) {
        // The job ended; what is left of its result fetching goes with it.
      }
    }
  }

  /** How long a failed job may take to report why, once reading its results failed. */
  private static final long FAILURE_SECONDS = 60;

  /**
   * Why the job failed, once {@code reading} (reading its results) failed: the job's own failure
   * when it ends within {@value #FAILURE_SECONDS} s, else {@code reading} (and the job is
   * cancelled, so that nothing is left running). A request for the result that fails without the
   * job's failure (the cluster's REST endpoint can answer "service temporarily unavailable") is
   * asked again after {@value JobControl#RETRY_MILLIS} ms, until the deadline.
   */
  private static Throwable jobFailure(JobClient client, Exception reading) {
    if (reading instanceof InterruptedException) {
      return reading;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FAILURE_SECONDS);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        try {
          client.getJobExecutionResult().get(Math.max(1, left), TimeUnit.NANOSECONDS);
          return reading;
        } catch (ExecutionException e) {
          if (Failures.isJobFailure(e) || System.nanoTime() >= deadline) {
            e.addSuppressed(reading);
            return e;
          }
        }
        CompletableFuture.runAsync(
                () -> {},
                CompletableFuture.delayedExecutor(JobControl.RETRY_MILLIS, TimeUnit.MILLISECONDS))
            .get(FAILURE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      client.cancel();
      return reading;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.cancel();
      return reading;
    }
  }

  @Override
  public String toString() {
    return host == null ? "FlinkRunner[embedded]" : "FlinkRunner[" + host + ":" + port + "]";
  }
}
