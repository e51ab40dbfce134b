package dev.sgn4j.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One end-to-end benchmark of {@link Harness}: builds a pipeline of a given shape, runs it over a
 * number of frames, checks the output and reports how long the run took.
 *
 * <p>To add a case, implement this interface and register the instance in {@link Harness#CASES}.
 * The harness calls {@link #run(long)} a few times ({@link #warmupRuns()}) on a smaller count to
 * warm the JIT up, then once on the requested count, always from its main thread.
 */
interface BenchCase {

  /**
   * The name given on the command line, e.g. {@code core}.
   *
   * @return a name unique among the registered cases
   */
  String name();

  /**
   * Builds a fresh pipeline for {@code frames} frames, runs it, checks what the sinks received and
   * returns the time of the run. Building and checking are not part of the measured time.
   *
   * @param frames the number of data frames to send through the pipeline, positive
   * @return the measured run
   * @throws IllegalStateException when the output is not what the frames should produce
   * @throws RuntimeException when the pipeline fails
   */
  Result run(long frames);

  /**
   * How many warm-up runs the harness makes before the measured one: {@link Harness#WARMUP_RUNS} by
   * default. A case whose every run is long and warms up the same code many times over (one that
   * starts a cluster, say) may ask for fewer, but for at least one.
   *
   * @return the number of warm-up runs, at least 1
   */
  default int warmupRuns() {
    return Harness.WARMUP_RUNS;
  }

  /**
   * Lines the harness prints after the measured run, just before its report line, about all the
   * runs of this invocation (warm-up runs first, the measured run last). None by default; a case
   * that measures more than the run time (see {@link Result#extraNanos()}) summarizes it here.
   *
   * @param runs the results of every run, in order
   * @return the lines, without line separators
   */
  default List<String> summary(List<Result> runs) {
    return List.of();
  }

  /**
   * A measured run.
   *
   * @param frames the number of data frames that went through the pipeline
   * @param nanos the wall-clock time of the run in nanoseconds
   * @param extraNanos other durations the case measured in the run, in nanoseconds, by name (e.g.
   *     {@code close}); empty for most cases
   * @param frameBytes the payload bytes of each frame for cases that move byte payloads, which then
   *     report MB/s too; 0 for the others
   */
  record Result(long frames, long nanos, Map<String, Long> extraNanos, long frameBytes) {

    /** Checks that the run moved at least one frame and took non-negative time. */
    public Result {
      if (frames <= 0) {
        throw new IllegalArgumentException("frames > 0 required but it was " + frames);
      }
      if (nanos < 0) {
        throw new IllegalArgumentException("nanos >= 0 required but it was " + nanos);
      }
      if (frameBytes < 0) {
        throw new IllegalArgumentException("frameBytes >= 0 required but it was " + frameBytes);
      }
      extraNanos = Map.copyOf(extraNanos);
    }

    /**
     * A run that measured its time and other durations, of frames without a byte payload.
     *
     * @param frames the number of data frames that went through the pipeline
     * @param nanos the wall-clock time of the run in nanoseconds
     * @param extraNanos other durations by name
     */
    Result(long frames, long nanos, Map<String, Long> extraNanos) {
      this(frames, nanos, extraNanos, 0);
    }

    /**
     * A run that measured nothing but its time.
     *
     * @param frames the number of data frames that went through the pipeline
     * @param nanos the wall-clock time of the run in nanoseconds
     */
    Result(long frames, long nanos) {
      this(frames, nanos, Map.of());
    }

    /**
     * Runs {@code run} and measures it with {@link System#nanoTime()}.
     *
     * @param frames the number of data frames the run moves
     * @param run the work to measure, nothing else
     * @return the measured run
     */
    static Result measure(long frames, Runnable run) {
      long started = System.nanoTime();
      run.run();
      return new Result(frames, System.nanoTime() - started);
    }

    /**
     * The run time in seconds.
     *
     * @return the seconds
     */
    double seconds() {
      return nanos / 1e9;
    }

    /**
     * Frames per second, rounded to an integer.
     *
     * @return the rate
     */
    long rate() {
      return Math.round(frames * 1e9 / Math.max(nanos, 1));
    }

    /**
     * Payload megabytes (10<sup>6</sup> bytes) per second, for a case with {@link #frameBytes()}.
     *
     * @return the rate, 0 when frames carry no byte payload
     */
    double megabytesPerSecond() {
      return frames * (double) frameBytes * 1e3 / Math.max(nanos, 1);
    }

    /**
     * The harness's report line: {@code CASE FRAMES frames SECONDS s RATE frames/s}, followed by
     * {@code MBPS MB/s} when frames carry a byte payload.
     *
     * @param caseName the name of the case
     * @return e.g. {@code core 5000000 frames 0.241 s 20746887 frames/s} or {@code process_bytes
     *     2000 frames 1.000 s 2000 frames/s 2097.2 MB/s}
     */
    String format(String caseName) {
      String line =
          String.format(
              Locale.ROOT, "%s %d frames %.3f s %d frames/s", caseName, frames, seconds(), rate());
      return frameBytes == 0
          ? line
          : line + String.format(Locale.ROOT, " %.1f MB/s", megabytesPerSecond());
    }
  }
}
