package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunContext;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A source of process and JVM figures (SGN's {@code StatsSource}): CPU load and time, heap and
 * non-heap memory, garbage collections, threads, uptime, and the machine's processors, load average
 * and memory, read from the JDK's management beans. Handy to watch a long run, or to feed a
 * monitoring sink.
 *
 * <pre>{@code
 * var stats = StatsSource.builder("system_monitor", List.of("stats"))
 *     .interval(Duration.ofSeconds(2))     // figures at most every 2 s, an empty map in between
 *     .wait(Duration.ofSeconds(2))         // pause 2 s before each frame
 *     .build();
 * new Pipeline().connect(stats, sink).run(); // until Ctrl+C
 * }</pre>
 *
 * <p>Each frame's data is an unmodifiable map {@code {"process": {...}, "system": {...},
 * "timestamp": <epoch milliseconds>}} (without {@code process} or {@code system} when {@link
 * Builder#includeProcessStats(boolean)} or {@link Builder#includeSystemStats(boolean)} turned them
 * off), and its metadata is {@code stats_type=system_metrics}. The keys, in order:
 *
 * <ul>
 *   <li>{@code process}: {@code pid}, {@code uptime_ms}, {@code start_time_ms}, {@code cpu_load} (0
 *       to 1), {@code cpu_time_ns}, {@code heap} and {@code non_heap} ({@code init}, {@code used},
 *       {@code committed}, {@code max}, in bytes), {@code gc} (per collector name: {@code count},
 *       {@code time_ms}), {@code threads} ({@code count}, {@code peak}, {@code daemon}, {@code
 *       started}), {@code committed_virtual_memory};
 *   <li>{@code system}: {@code os_name}, {@code os_arch}, {@code os_version}, {@code
 *       available_processors}, {@code load_average} (over the last minute), {@code cpu_load} (0 to
 *       1), {@code memory} and {@code swap} ({@code total}, {@code free}, in bytes).
 * </ul>
 *
 * <p>Counts and sizes are {@code Long}, loads {@code Double}, names {@code String}. A figure the
 * JVM cannot tell is negative, as the beans report it (e.g. {@code load_average} on Windows, or the
 * first {@code cpu_load} reading).
 *
 * <p><b>Interval.</b> With an interval, a pad sends figures on its first frame and then only once
 * the interval has passed since its last figures; other frames carry an empty map (as SGN does), so
 * a sink can skip them with {@code data.isEmpty()}. Each pad keeps its own interval (SGN's pads
 * share one).
 *
 * <p><b>End of stream.</b> The source never ends by itself unless {@link Builder#numFrames(long)}
 * says so. By default the first SIGINT or SIGTERM (or {@link Pipeline#stop()}) makes its next frame
 * EOS, and a {@code wait} in progress ends at once. With {@code eosOnSignal(false)} it ignores the
 * drain and keeps sending, pacing itself, until its frame limit, and the pipeline ends only then or
 * on an abort (a second signal or {@link Pipeline#abort()}).
 *
 * @serial exclude
 */
public final class StatsSource extends SourceElement {

  /** The metadata key every frame carries. */
  public static final String STATS_TYPE = "stats_type";

  /** The value of {@link #STATS_TYPE}. */
  public static final String SYSTEM_METRICS = "system_metrics";

  private final Duration interval;
  private final boolean includeProcessStats;
  private final boolean includeSystemStats;
  private final boolean eosOnSignal;
  private final Duration wait;
  private final long numFrames;
  private final LongSupplier nanoTime;
  private final LongSupplier epochMillis;
  private final JvmFigures figures = new JvmFigures();
  private final long[] counts;
  private final long[] lastFigures;
  private final boolean[] sentFigures;

  /**
   * Builds a source that sends figures on every frame, until a signal or {@link Pipeline#stop()}.
   *
   * @param name the element name
   * @param padNames the source pad names
   */
  public StatsSource(String name, List<String> padNames) {
    this(builder(name, padNames));
  }

  private StatsSource(Builder builder) {
    super(builder.name, builder.padNames);
    this.interval = checked(builder.interval, "interval");
    this.wait = checked(builder.wait, "wait");
    if (builder.numFrames < -1) {
      throw new IllegalArgumentException(
          "StatsSource '%s': numFrames must be -1 (no limit) or at least 0, got %d"
              .formatted(name(), builder.numFrames));
    }
    this.includeProcessStats = builder.includeProcessStats;
    this.includeSystemStats = builder.includeSystemStats;
    this.eosOnSignal = builder.eosOnSignal;
    this.numFrames = builder.numFrames;
    this.nanoTime = builder.nanoTime;
    this.epochMillis = builder.epochMillis;
    int pads = sourcePads().size();
    this.counts = new long[pads];
    this.lastFigures = new long[pads];
    this.sentFigures = new boolean[pads];
  }

  private Duration checked(Duration duration, String knob) {
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException(
          "StatsSource '%s': %s must not be negative, got %s; use null for none"
              .formatted(name(), knob, duration));
    }
    return duration;
  }

  /**
   * Starts configuring a stats source.
   *
   * @param name the element name
   * @param padNames the source pad names, e.g. {@code List.of("stats")}
   * @return a builder with SGN's defaults: figures on every frame, process and system figures, EOS
   *     on a signal, no wait, no frame limit
   */
  public static Builder builder(String name, List<String> padNames) {
    return new Builder(name, padNames);
  }

  /** Starts each run with fresh counts and intervals. */
  @Override
  protected void start() {
    Arrays.fill(counts, 0);
    Arrays.fill(sentFigures, false);
  }

  @Override
  protected boolean endsOnDrain() {
    return eosOnSignal;
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    if (wait != null && !wait.isZero()) {
      pause();
    }
    int index = pad.index();
    long count = ++counts[index];
    boolean eos = (eosOnSignal && signaledEos()) || (numFrames >= 0 && count > numFrames);
    return Frame.of(data(index)).withEos(eos).withMetadata(STATS_TYPE, SYSTEM_METRICS);
  }

  private Map<String, Object> data(int index) {
    long now = nanoTime.getAsLong();
    if (interval != null && sentFigures[index] && now - lastFigures[index] < interval.toNanos()) {
      return Map.of();
    }
    sentFigures[index] = true;
    lastFigures[index] = now;
    Map<String, Object> data = new LinkedHashMap<>();
    if (includeProcessStats) {
      data.put("process", figures.process());
    }
    if (includeSystemStats) {
      data.put("system", figures.system());
    }
    data.put("timestamp", epochMillis.getAsLong());
    return Collections.unmodifiableMap(data);
  }

  /** Waits before a frame; a stop (or, without eosOnSignal, only an abort) ends the wait early. */
  private void pause() {
    RunContext context = runContext();
    try {
      if (eosOnSignal) {
        context.awaitStop(wait);
      } else {
        context.awaitAbort(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "StatsSource '" + name() + "' was interrupted while waiting", e);
    }
  }

  /**
   * Settings of a {@link StatsSource}; {@link #build()} makes it. Not thread-safe.
   *
   * <pre>{@code
   * StatsSource stats = StatsSource.builder("monitor", List.of("stats"))
   *     .interval(Duration.ofSeconds(5))
   *     .includeSystemStats(false)
   *     .numFrames(100)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final String name;
    private final List<String> padNames;
    private Duration interval;
    private boolean includeProcessStats = true;
    private boolean includeSystemStats = true;
    private boolean eosOnSignal = true;
    private Duration wait;
    private long numFrames = -1;
    private LongSupplier nanoTime = System::nanoTime;
    private LongSupplier epochMillis = System::currentTimeMillis;

    private Builder(String name, List<String> padNames) {
      this.name = name;
      this.padNames = Objects.requireNonNull(padNames, "padNames");
    }

    /**
     * How often figures are read: frames in between carry an empty map.
     *
     * @param interval the least time between two frames with figures; null (the default) for
     *     figures on every frame
     * @return this builder
     */
    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    /**
     * Whether frames carry the {@code process} figures.
     *
     * @param include true by default
     * @return this builder
     */
    public Builder includeProcessStats(boolean include) {
      this.includeProcessStats = include;
      return this;
    }

    /**
     * Whether frames carry the {@code system} figures.
     *
     * @param include true by default
     * @return this builder
     */
    public Builder includeSystemStats(boolean include) {
      this.includeSystemStats = include;
      return this;
    }

    /**
     * Whether a drain (the first SIGINT or SIGTERM, or {@link Pipeline#stop()}) ends the stream
     * with EOS. When false, the source keeps sending until its {@link #numFrames(long)} limit, and
     * only an abort ends the run before that.
     *
     * @param eosOnSignal true by default
     * @return this builder
     */
    public Builder eosOnSignal(boolean eosOnSignal) {
      this.eosOnSignal = eosOnSignal;
      return this;
    }

    /**
     * A pause before each frame, to pace the source; it ends early when the run stops.
     *
     * @param wait the pause; null (the default) for none
     * @return this builder
     */
    public Builder wait(Duration wait) {
      this.wait = wait;
      return this;
    }

    /**
     * Ends the stream by itself: each pad sends this many frames, then EOS frames (which also carry
     * figures), as {@link NullSource} does.
     *
     * @param numFrames frames per pad before EOS; -1 (the default) for no limit
     * @return this builder
     */
    public Builder numFrames(long numFrames) {
      this.numFrames = numFrames;
      return this;
    }

    /**
     * Replaces the clocks, for tests: monotonic nanoseconds and the epoch-millisecond timestamp.
     */
    Builder clocks(LongSupplier nanoTime, LongSupplier epochMillis) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      this.epochMillis = Objects.requireNonNull(epochMillis, "epochMillis");
      return this;
    }

    /**
     * Makes the source.
     *
     * @return the source
     * @throws IllegalArgumentException when the interval or wait is negative, the frame limit is
     *     below -1, or a pad name is invalid; the message names the element
     */
    public StatsSource build() {
      return new StatsSource(this);
    }
  }
}
