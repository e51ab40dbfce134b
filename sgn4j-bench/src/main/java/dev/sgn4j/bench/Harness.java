package dev.sgn4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark: runs one registered case over a number of frames and reports the rate.
 *
 * <pre>{@code
 * java -cp sgn4j-bench/target/benchmarks.jar dev.sgn4j.bench.Harness core 5000000
 * }</pre>
 *
 * <p>It first runs the case 3 times (fewer for a case that says so, see {@link
 * BenchCase#warmupRuns()}) over {@code min(FRAMES, 1000000)} frames to warm the JIT up, printing
 * one line per warm-up run, then once over {@code FRAMES} frames, printing as its last line {@code
 * CASE FRAMES frames SECONDS s RATE frames/s}, e.g. {@code core 5000000 frames 0.241 s 20746887
 * frames/s}; cases whose frames carry byte payloads ({@code process_bytes}, {@code process_slices})
 * add the payload rate, {@code MBPS MB/s} (10<sup>6</sup> bytes a second). Every run builds a fresh
 * pipeline and checks its output; only {@code Pipeline.run()} is timed.
 *
 * <p>A case may print lines of its own just before the last line, summing up all the runs (see
 * {@link BenchCase#summary}).
 *
 * <p>Cases:
 *
 * <ul>
 *   <li>{@code core}: source, a {@code TransformElement} subclass doubling each value, sink, all on
 *       the run thread;
 *   <li>{@code core_callable}: the same with the built-in {@code CallableTransform};
 *   <li>{@code thread}: the same with a {@code ParallelTransformElement} doubling in one worker
 *       thread;
 *   <li>{@code pool}: the same with a pool of two worker threads;
 *   <li>{@code close}: source, two parallel transforms, parallel sink; it also prints {@code close:
 *       ... after the last frame}, how long {@code run()} took to return after the sink's worker
 *       saw EOS (see {@link CloseCase});
 *   <li>{@code pipelined_core} and {@code pipelined_heavy}: a light chain and a chain of three
 *       heavy transforms, each run by the lock-step loop and by the pipelined scheduler; the line
 *       before the report gives the lock-step figure and the ratio (see {@link PipelinedCase});
 *   <li>{@code flink}: the core chain run on an in-process Flink mini-cluster by sgn4j-flink's
 *       {@code FlinkRunner.embedded()}, and in the same run the same chain written as a plain Flink
 *       DataStream job; three lines before the report give each one's startup time and steady rate
 *       and the ratio of the rates, and it warms up once instead of 3 times (see {@link
 *       FlinkCase}).
 * </ul>
 *
 * <p>Exit status: 0 on success, 1 when a run fails or its output is wrong, 2 for a bad command line
 * (unknown case, or FRAMES not a positive integer).
 */
public final class Harness {

  /** The warm-up runs before the measured one. */
  static final int WARMUP_RUNS = 3;

  /** The most frames a warm-up run sends. */
  static final long WARMUP_FRAMES = 1_000_000;

  /** The registered cases by name, in the order they are listed. */
  static final Map<String, BenchCase> CASES =
      register(
          new CoreCase("core", CorePipeline.Doubling.SUBCLASS),
          new CoreCase("core_callable", CorePipeline.Doubling.CALLABLE),
          new CoreCase("thread", CorePipeline.Doubling.THREAD),
          new CoreCase("pool", CorePipeline.Doubling.POOL),
          new CoreCase("process", CorePipeline.Doubling.PROCESS),
          new BytesCase("process_bytes"),
          new SliceCase("process_slices"),
          new CloseCase("close", false),
          new CloseCase("process_close", true),
          new PipelinedCase("pipelined_core", false),
          new PipelinedCase("pipelined_heavy", true),
          new FlinkCase("flink"));

  private Harness() {}

  /** The cases keyed by name, in the given order; two cases must not share a name. */
  static Map<String, BenchCase> register(BenchCase... cases) {
    Map<String, BenchCase> byName = new LinkedHashMap<>();
    for (BenchCase benchCase : cases) {
      if (byName.putIfAbsent(benchCase.name(), benchCase) != null) {
        throw new IllegalStateException("two cases are named '" + benchCase.name() + "'");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * Runs {@code CASE FRAMES} and exits with the status described in the class comment.
   *
   * @param args the case name and the number of frames
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the harness with explicit streams; {@link #main} exits with the returned status.
   *
   * @param args the case name and the number of frames
   * @param out where the report lines go
   * @param err where errors go
   * @return the exit status: 0, 1 (run failed) or 2 (bad command line)
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, CASES);
  }

  /**
   * Runs the harness over another set of cases (for tests).
   *
   * @param args the case name and the number of frames
   * @param out where the report lines go
   * @param err where errors go
   * @param cases the cases by name
   * @return the exit status: 0, 1 (run failed) or 2 (bad command line)
   */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, BenchCase> cases) {
    String known = String.join(", ", cases.keySet());
    if (args.length != 2) {
      err.println("usage: Harness CASE FRAMES; known cases: " + known);
      return 2;
    }
    BenchCase benchCase = cases.get(args[0]);
    if (benchCase == null) {
      err.println("unknown case '%s'; known cases: %s".formatted(args[0], known));
      return 2;
    }
    long frames = parseFrames(args[1]);
    if (frames <= 0) {
      err.println(
          "FRAMES must be a positive integer (at most %d), got '%s'"
              .formatted(Long.MAX_VALUE, args[1]));
      return 2;
    }
    try {
      long warmupFrames = Math.min(frames, WARMUP_FRAMES);
      List<BenchCase.Result> runs = new ArrayList<>();
      int warmupRuns = benchCase.warmupRuns();
      if (warmupRuns < 1) {
        throw new IllegalStateException(
            "case %s asks for %d warm-up runs; at least 1 required"
                .formatted(benchCase.name(), warmupRuns));
      }
      for (int i = 1; i <= warmupRuns; i++) {
        BenchCase.Result warmup = benchCase.run(warmupFrames);
        runs.add(warmup);
        out.println("warmup %d/%d: %s".formatted(i, warmupRuns, warmup.format(benchCase.name())));
      }
      BenchCase.Result measured = benchCase.run(frames);
      runs.add(measured);
      benchCase.summary(List.copyOf(runs)).forEach(out::println);
      out.println(measured.format(benchCase.name()));
      return 0;
    } catch (RuntimeException e) {
      err.println("case %s with %d frames failed: %s".formatted(benchCase.name(), frames, e));
      e.printStackTrace(err);
      return 1;
    }
  }

  /** The frame count, or -1 when {@code text} is not a positive decimal integer. */
  private static long parseFrames(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
