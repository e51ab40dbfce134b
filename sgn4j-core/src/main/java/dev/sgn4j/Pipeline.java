package dev.sgn4j;

import dev.sgn4j.graph.DotRenderer;
import dev.sgn4j.graph.GraphText;
import dev.sgn4j.graph.GraphView;
import dev.sgn4j.stats.MemoryReport;
import dev.sgn4j.stats.RunStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A graph of elements joined through their pads, and the loop that runs it frame by frame until end
 * of stream.
 *
 * <pre>{@code
 * var source = IterSource.of("numbers", "out", List.of(1, 2, 3));
 * var scale = CallableTransform.fromCallable(
 *     "scale", frames -> (int) frames.get(0).data() * 10, "out", List.of("in"));
 * var sink = new CollectSink("collect", List.of("in"));
 *
 * new Pipeline().connect(source, scale).connect(scale, sink).run();
 * sink.collected("in");   // [10, 20, 30]
 * }</pre>
 *
 * <p><b>Building.</b> {@link #insert} adds elements, {@link #link} joins a sink pad to a source pad
 * by object or full name, and {@link #connect} inserts and links by short pad names using SGN's
 * strategies. A sink pad takes exactly one upstream pad; a source pad may feed many.
 *
 * <p><b>Running.</b> {@link #run()} checks the graph, compiles its schedule once, starts the
 * elements, and runs iterations until every sink is at EOS. One iteration calls every pad once in
 * dependency order, in SGN's order: layers of pads whose inputs are ready, each element's pulls
 * before its {@code internal()} before its frames, and within a layer the insertion and link order.
 * Elements at EOS keep being called. Any exception stops the run: every started element gets {@code
 * stop()}, then one {@link PipelineException} names the element and pad. {@link #start()} runs the
 * same way on a thread of its own and returns the {@link Run} at once, to stop, abort or await it.
 *
 * <p><b>Threads.</b> Building is not thread-safe; build on one thread. {@link #run()} calls every
 * element callback on the calling thread ({@link #start()} on the run's thread). {@link #stop()}
 * may be called from any thread. A pipeline runs one run at a time; two pipelines may run at the
 * same time on different threads.
 */
public final class Pipeline {

  /** The executor of runs: SGN's lock-step loop, from sgn4j's engine. */
  private volatile Scheduler scheduler = Scheduler.LOCK_STEP;

  private final Map<String, Element> elements = new LinkedHashMap<>();

  /** Every element by name, parts of composed elements included. */
  private final Map<String, Element> everyElement = new LinkedHashMap<>();

  private final Map<String, Pad> pads = new LinkedHashMap<>();

  /** The active run, from the moment it is claimed until it ended; null between runs. */
  private final AtomicReference<Run> current = new AtomicReference<>();

  private final AtomicLong runs = new AtomicLong();
  private volatile Run lastRun;
  private volatile boolean handleSignals = true;
  private volatile boolean profileMemory;
  private volatile Consumer<MemoryReport> memoryListener = report -> {};
  private volatile MemoryReport lastMemoryReport;

  /** Letters, digits, '.', '_' and '-': safe in logs, thread names, metric labels and URLs. */
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** The name given, or null: then {@code Pipeline@<identity hash>}. */
  private final String name;

  /** Creates an empty pipeline named {@code Pipeline@<identity hash>}. */
  public Pipeline() {
    this.name = null;
  }

  /**
   * Creates an empty pipeline with a name, used in run ids, logs, JFR events, the control page and
   * metrics.
   *
   * <pre>{@code
   * var pipeline = new Pipeline("h1-whitening");
   * pipeline.start().id();   // "h1-whitening#1"
   * }</pre>
   *
   * @param name 1 to 100 letters, digits, '.', '_' or '-'
   * @throws IllegalArgumentException when the name has other characters or is empty
   */
  public Pipeline(String name) {
    if (!NAME.matcher(java.util.Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException(
          "pipeline name '%s' must be 1 to 100 letters, digits, '.', '_' or '-'".formatted(name));
    }
    this.name = name;
  }

  /**
   * The pipeline's name: the one given to {@link #Pipeline(String)}, else {@code Pipeline@<identity
   * hash>}.
   *
   * @return the name
   */
  public String name() {
    return name != null ? name : "Pipeline@" + Integer.toHexString(System.identityHashCode(this));
  }

  /**
   * Adds elements and registers their pads.
   *
   * @param toInsert the elements, in the order that decides the order of pad calls within a layer
   * @return this pipeline
   * @throws IllegalArgumentException when an element is null, already inserted, named like another
   *     element, or in another pipeline
   */
  public Pipeline insert(Element... toInsert) {
    Map<String, Element> batch = new LinkedHashMap<>();
    for (int i = 0; i < toInsert.length; i++) {
      Element element = toInsert[i];
      if (element == null) {
        throw new IllegalArgumentException("insert: element " + i + " is null");
      }
      if (element.owner == this) {
        throw new IllegalArgumentException(
            "Element '%s' is already in this pipeline".formatted(element.name()));
      }
      if (element.owner != null) {
        throw new IllegalArgumentException(
            "Element '%s' already belongs to another pipeline; an element can be in one pipeline only"
                .formatted(element.name()));
      }
      if (element.container != null) {
        throw new IllegalArgumentException(
            "Element '%s' is part of a composition; insert the composed element instead"
                .formatted(element.name()));
      }
      for (Element part : Flattened.allElements(element).values()) {
        Element twin = batch.putIfAbsent(part.name(), part);
        if (twin == part) {
          throw new IllegalArgumentException(
              "Element '%s' is passed to insert twice".formatted(part.name()));
        }
        Element existing = twin != null ? twin : everyElement.get(part.name());
        if (existing != null) {
          throw new IllegalArgumentException(
              "Element name '%s' is already in use in this pipeline by %s; element names must be unique"
                  .formatted(part.name(), existing));
        }
      }
    }
    for (Element element : toInsert) {
      element.owner = this;
      elements.put(element.name(), element);
      for (Element part : Flattened.allElements(element).values()) {
        everyElement.put(part.name(), part);
        for (Pad pad : part.pads()) {
          pads.put(pad.fullName(), pad);
        }
      }
    }
    return this;
  }

  /**
   * Links {@code sink} to {@code source}: from now on, every frame {@code source} makes reaches
   * {@code sink}. Both elements must be inserted.
   *
   * @param sink the sink pad (SGN's link maps also put the sink first)
   * @param source the source pad
   * @return this pipeline
   * @throws IllegalArgumentException when a pad's element is not in this pipeline, or the sink pad
   *     is already linked (fan-in and relinking are errors)
   */
  public Pipeline link(SinkPad sink, SourcePad source) {
    Objects.requireNonNull(sink, "sink pad");
    Objects.requireNonNull(source, "source pad");
    requireInserted(sink);
    requireInserted(source);
    requireUnlinked(sink, source);
    sink.setUpstream(source);
    source.addDownstream(sink);
    return this;
  }

  /**
   * Links two pads by full name, e.g. {@code link("sink:snk:in", "src:src:out")}.
   *
   * @param sinkName full name of the sink pad
   * @param sourceName full name of the source pad
   * @return this pipeline
   * @throws IllegalArgumentException when a name is unknown (with near matches) or of the wrong
   *     kind, or the sink pad is already linked
   */
  public Pipeline link(String sinkName, String sourceName) {
    return link(sinkPadNamed(sinkName), sourcePadNamed(sourceName));
  }

  /**
   * Makes every link of {@code linkMap}, in its iteration order: keys are sink pads and values
   * source pads, each a pad object or a full pad name (SGN's {@code link_map}). Use an ordered map
   * when one source pad feeds several sink pads, since link order is call order.
   *
   * @param linkMap sink pad to source pad
   * @return this pipeline
   * @throws IllegalArgumentException as {@link #link(SinkPad, SourcePad)}, or when a key or value
   *     is neither a pad nor a name
   */
  public Pipeline link(Map<?, ?> linkMap) {
    Map<SinkPad, SourcePad> resolved = new LinkedHashMap<>();
    linkMap.forEach((sink, source) -> resolved.put(asSinkPad(sink), asSourcePad(source)));
    resolved.forEach(
        (sink, source) -> {
          requireInserted(sink);
          requireInserted(source);
          requireUnlinked(sink, source);
        });
    resolved.forEach(this::link);
    return this;
  }

  /**
   * Inserts what is not yet inserted and links {@code source}'s source pads to {@code sink}'s sink
   * pads by short name, trying SGN's strategies in order: pads of the same name (all or some of
   * them); a single sink pad (from a single source pad); a single source pad (to every sink pad);
   * otherwise it fails and asks for a link map.
   *
   * @param source the upstream side (an element, or a selection or group of pads)
   * @param sink the downstream side
   * @return this pipeline
   * @throws IllegalArgumentException when no strategy applies, it would fan in, or a pad is linked
   */
  public Pipeline connect(Connectable source, Connectable sink) {
    return connect(source, sink, Map.of());
  }

  /**
   * Like {@link #connect(Connectable, Connectable)} with an explicit map of short names, sink pad
   * name to source pad name.
   *
   * @param source the upstream side
   * @param sink the downstream side
   * @param linkMap sink pad short name to source pad short name; empty to use the strategies
   * @return this pipeline
   * @throws IllegalArgumentException when a name is not found or a sink pad is already linked
   */
  public Pipeline connect(Connectable source, Connectable sink, Map<String, String> linkMap) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    Map<SinkPad, SourcePad> plan = Connector.plan(source, sink, linkMap);
    plan.forEach(this::requireUnlinked);
    List<Element> toInsert = new ArrayList<>();
    for (Connectable side : List.of(source, sink)) {
      for (Element element : side.elements()) {
        if (element.owner != this && !toInsert.contains(element)) {
          toInsert.add(element);
        }
      }
    }
    insert(toInsert.toArray(Element[]::new));
    plan.forEach(this::link);
    return this;
  }

  /**
   * Checks that the pipeline can run: at least one sink, every pad linked (all unlinked pads are
   * listed), and no cycle (the pads on one cycle are named). {@link #run()} calls it first.
   *
   * @throws IllegalStateException describing what is wrong and how to fix it
   */
  public void check() {
    Topology.sortedPads(elementList());
  }

  /**
   * Runs the pipeline on the calling thread until every sink is at EOS (see the class comment):
   * {@code start().await()}, with every element callback on this thread. When an element needs a
   * scope (parallel elements need {@code Parallelize}, which owns their workers), it opens one,
   * runs inside it and closes it, as SGN's {@code run()} does; {@link #runIn(RunScope...)} runs
   * without opening one.
   *
   * <p>While the run is active, the first SIGINT or SIGTERM drains it like {@link #stop()} and a
   * second one aborts it like {@link #abort()}; the previous handlers are restored afterwards, also
   * when runs nest. {@link #handleSignals(boolean)} turns this off.
   *
   * @throws IllegalStateException when {@link #check()} fails or the pipeline is already running
   * @throws PipelineException when an element fails; its cause is the element's exception
   * @throws RunAbortedException when the run was aborted
   */
  public void run() {
    Run run = claim(RunOptions.defaults());
    run.runHere(() -> runOpeningScopes(run));
  }

  /**
   * Starts a run on a thread of its own (named {@code sgn-run-<run id>}) and returns its handle at
   * once; the run does what {@link #run()} does. {@link Run#stop()} and {@link Run#abort()} work
   * from the moment this returns, also while the graph is still being checked and its elements
   * started.
   *
   * <pre>{@code
   * Run run = pipeline.start();
   * run.stop();                        // a drain, however early
   * run.await(Duration.ofSeconds(10));
   * }</pre>
   *
   * @return the run
   * @throws IllegalStateException when the pipeline is already running
   */
  public Run start() {
    return start(RunOptions.defaults());
  }

  /**
   * {@link #start()} with limits and a drain deadline; {@code start(options).await()} is {@link
   * #run()} with them. ({@code run()} takes no options so that {@code
   * executor.submit(pipeline::run)} stays unambiguous.)
   *
   * <pre>{@code
   * pipeline.start(RunOptions.defaults().maxDuration(Duration.ofMinutes(5))).await();
   * }</pre>
   *
   * @param options the run's options
   * @return the run
   * @throws IllegalStateException when the pipeline is already running
   */
  public Run start(RunOptions options) {
    return startOn(options, null);
  }

  /**
   * {@link #start(RunOptions)} on an executor of your choice instead of one of sgn4j's {@linkplain
   * Scheduler schedulers}: how a runner that brings its own executor starts a run, such as
   * sgn4j-flink's {@code FlinkRunner}, which runs the elements on a Flink cluster. The run is the
   * same handle: {@link Run#stop()}, {@link Run#abort()}, {@link Run#await()} and {@link
   * Run#stats()} work as with the built-in schedulers.
   *
   * <pre>{@code
   * Run run = pipeline.start(RunOptions.defaults(), myExecutor);
   * run.await();
   * }</pre>
   *
   * @param options the run's options
   * @param executor the executor that runs it
   * @return the run
   * @throws IllegalStateException when the pipeline is already running
   */
  public Run start(RunOptions options, Executor executor) {
    return startOn(options, Objects.requireNonNull(executor, "executor must not be null"));
  }

  private Run startOn(RunOptions options, Executor executor) {
    Run run = claim(options);
    run.executor = executor;
    Thread thread =
        Thread.ofPlatform()
            .name("sgn-run-" + run.id())
            .unstarted(
                () -> {
                  try {
                    run.runHere(() -> runOpeningScopes(run));
                  } catch (RuntimeException | Error e) {
                    // Kept by the run: await() throws it.
                  }
                });
    try {
      thread.start();
    } catch (RuntimeException | Error e) {
      run.runHere(
          () -> {
            throw e;
          });
    }
    return run;
  }

  /**
   * Runs the pipeline inside scopes that are already open, which elements find through {@link
   * RunContext#scope(Class)}; it opens none by itself. This is what a scope's own {@code run()}
   * calls; {@code runIn()} with no scope is SGN's {@code run(auto_parallelize=False)}.
   *
   * @param scopes the open scopes
   * @throws IllegalStateException when {@link #check()} fails or the pipeline is already running
   * @throws PipelineException when an element fails or the run is aborted
   */
  public void runIn(RunScope... scopes) {
    for (RunScope scope : scopes) {
      if (Objects.requireNonNull(scope, "scope").pipeline() != this) {
        throw new IllegalArgumentException(
            "scope " + scope + " belongs to another pipeline; open one for this pipeline");
      }
    }
    Run pending = current.get();
    if (pending != null && pending.awaitsScopes(Thread.currentThread())) {
      // The scope opened by run() or start() for this run is running it.
      execute(pending, List.of(scopes));
      return;
    }
    Run run = claim(RunOptions.defaults());
    run.runHere(() -> execute(run, List.of(scopes)));
  }

  /** Makes {@code run} this pipeline's active run, or fails when one is active. */
  private Run claim(RunOptions options) {
    Run run = new Run(this, id() + "#" + runs.incrementAndGet(), options);
    if (!current.compareAndSet(null, run)) {
      throw new IllegalStateException("Pipeline is already running; wait for run() to return");
    }
    lastRun = run;
    return run;
  }

  /** Called by a run that ended, before its waiters are released. */
  void release(Run run) {
    current.compareAndSet(run, null);
  }

  /** The body of run() and start(): opens the scope an element needs, and runs inside it. */
  private void runOpeningScopes(Run run) {
    RunScope.Opener opener = scopeOpener();
    if (opener == null) {
      execute(run, List.of());
      return;
    }
    run.openingScopesOn(Thread.currentThread());
    try (RunScope scope = opener.open(this)) {
      scope.run();
    }
    if (!run.executing()) {
      throw new IllegalStateException(
          "the run scope opened for this pipeline did not run it; its run() must call"
              + " pipeline.runIn(scope)");
    }
  }

  private void execute(Run run, List<RunScope> scopes) {
    run.beginExecution(scopes);
    SgnLogging.applyEnvironment();
    lastMemoryReport = null;
    Executor executor = run.executor;
    if (executor == null) {
      Scheduler chosen = run.options().schedulerChoice().orElse(scheduler);
      executor = Executors.named(chosen.executorName());
    }
    executor.execute(new Execution(run, this));
  }

  private RunScope.Opener scopeOpener() {
    for (Element element : everyElement.values()) {
      RunScope.Opener opener = element.runScopeOpener();
      if (opener != null) {
        return opener;
      }
    }
    return null;
  }

  /**
   * Asks the running pipeline to drain: from the next frame on, every source's frames carry EOS
   * (and {@code signaledEos()} is true), so the graph finishes the frames in flight and ends. Safe
   * to call from any thread; does nothing when no run is active. Never lost: from the moment {@link
   * #isRunning()} is true, a stop reaches the run, however early.
   */
  public void stop() {
    Run run = current.get();
    if (run != null) {
      run.context().requestStop("Pipeline.stop() was called");
    }
  }

  /**
   * Ends the running pipeline at once: frames in flight are dropped, every element is stopped and
   * {@link #run()} throws {@link RunAbortedException}. Safe to call from any thread; does nothing
   * when no run is active; never lost once {@link #isRunning()} is true.
   */
  public void abort() {
    Run run = current.get();
    if (run != null) {
      run.context().abort("Pipeline.abort() was called");
    }
  }

  /**
   * The active run.
   *
   * @return the run, empty between runs
   */
  public Optional<Run> currentRun() {
    return Optional.ofNullable(current.get());
  }

  /**
   * The current or last run.
   *
   * @return the run, empty before the first run
   */
  public Optional<Run> lastRun() {
    return Optional.ofNullable(lastRun);
  }

  /** The pipeline's name in run ids, logs and JFR events. */
  String id() {
    return name();
  }

  boolean handlesSignals() {
    return handleSignals;
  }

  boolean profilesMemory() {
    return profileMemory;
  }

  /**
   * Chooses whether runs trap SIGINT and SIGTERM (first: drain, second: abort). On by default.
   *
   * @param handle false to leave the process's signal handlers alone
   * @return this pipeline
   */
  public Pipeline handleSignals(boolean handle) {
    this.handleSignals = handle;
    return this;
  }

  /**
   * Chooses how the runs that start from now on are executed: SGN's lock-step loop (the default) or
   * pipelined on a pool of threads (see {@link Scheduler}); {@link RunOptions#scheduler(Scheduler)}
   * overrides it for one run. Every pad sees the same frames either way.
   *
   * <pre>{@code
   * pipeline.scheduler(Scheduler.PIPELINED).run();
   * }</pre>
   *
   * @param scheduler the scheduler
   * @return this pipeline
   */
  public Pipeline scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    return this;
  }

  /**
   * The scheduler runs use unless their options choose another.
   *
   * @return the scheduler, {@link Scheduler#LOCK_STEP} unless set
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * Turns memory profiling on or off for the runs that start from now on: SGN's MEMPROF. Each
   * iteration then makes a {@link MemoryReport}: how the heap in use changed, how many bytes the
   * run thread allocated, and which elements allocated them, measured with the JVM's per-thread
   * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes})
   * around every pad call. The report goes to the {@link #onMemoryReport listener}, is kept as the
   * {@link #lastMemoryReport() last report}, and is logged on {@code sgn.pipeline} at MEMPROF level
   * (shown when that logger's level is MEMPROF, e.g. {@code
   * SgnLogging.configure("pipeline:MEMPROF")}).
   *
   * <pre>{@code
   * pipeline.profileMemory(true).onMemoryReport(report -> report.lines().forEach(System.out::println));
   * }</pre>
   *
   * <p>Runs also profile when {@code sgn.pipeline} logs at MEMPROF level when they start, as with
   * {@code SGNLOGLEVEL=pipeline:MEMPROF}, which SGN uses to turn profiling on. Off, it costs one
   * field check per iteration. On, each pad call reads the counter twice and each iteration asks
   * for the heap usage, so use it to find where memory goes, not in production. Only the run thread
   * is measured: parallel elements' workers allocate in their own threads, which these reports do
   * not count.
   *
   * @param on true to profile
   * @return this pipeline
   */
  public Pipeline profileMemory(boolean on) {
    this.profileMemory = on;
    return this;
  }

  /**
   * Sets who receives the {@link MemoryReport} of every iteration while memory profiling is on (see
   * {@link #profileMemory(boolean)}); it replaces the previous listener. The listener is called on
   * the run thread at the end of each iteration; an exception it throws fails the run with a {@link
   * PipelineException} naming the iteration.
   *
   * @param listener the listener
   * @return this pipeline
   * @throws NullPointerException when {@code listener} is null
   */
  public Pipeline onMemoryReport(Consumer<MemoryReport> listener) {
    this.memoryListener =
        Objects.requireNonNull(
            listener, "onMemoryReport: listener is null; pass report -> {} to receive nothing");
    return this;
  }

  /**
   * The memory report of the last iteration profiled in the current or last run. Safe to call from
   * any thread.
   *
   * @return the report; empty before the first profiled iteration of a run, or when the run did not
   *     profile
   */
  public Optional<MemoryReport> lastMemoryReport() {
    return Optional.ofNullable(lastMemoryReport);
  }

  void memoryReport(MemoryReport report) {
    lastMemoryReport = report;
    memoryListener.accept(report);
  }

  /**
   * Counts and timings of the current or last run, per element and pad: calls, data frames, gaps,
   * EOS, estimated time, mean and p99 of a call, and what parallel elements add (queue depths).
   * Safe to call from any thread; during a run the figures may lag a little.
   *
   * @return the snapshot; no elements and no iterations before the first run
   */
  public RunStats stats() {
    Run run = lastRun;
    return run == null ? new RunStats(0, java.time.Duration.ZERO, false, List.of()) : run.stats();
  }

  /**
   * Whether this pipeline is inside {@link #run()}.
   *
   * @return true while running
   */
  public boolean isRunning() {
    return current.get() != null;
  }

  /**
   * The element with this name.
   *
   * @param name the element name
   * @return the element
   * @throws IllegalArgumentException naming near matches when there is none
   */
  public Element element(String name) {
    Element element = everyElement.get(name);
    if (element == null) {
      throw new IllegalArgumentException(
          "No element named '%s' in this pipeline%s"
              .formatted(name, Names.suggestion(name, everyElement.keySet())));
    }
    return element;
  }

  /**
   * The pad with this full name, e.g. {@code src1:src:out}.
   *
   * @param fullName the full pad name
   * @return the pad
   * @throws IllegalArgumentException naming near matches when there is none
   */
  public Pad pad(String fullName) {
    Pad pad = pads.get(fullName);
    if (pad == null) {
      throw new IllegalArgumentException(
          "No pad named '%s' in this pipeline%s"
              .formatted(fullName, Names.suggestion(fullName, pads.keySet())));
    }
    return pad;
  }

  /**
   * The inserted elements in insertion order.
   *
   * @return an unmodifiable snapshot
   */
  public List<Element> elements() {
    return elementList();
  }

  /**
   * The sink elements in insertion order; the run ends when all are at EOS.
   *
   * @return an unmodifiable snapshot
   */
  public List<SinkElement> sinks() {
    return elements.values().stream()
        .filter(SinkElement.class::isInstance)
        .map(SinkElement.class::cast)
        .toList();
  }

  /**
   * The sorted full names of all source and sink pads.
   *
   * @return the pad names
   */
  public List<String> nodes() {
    return nodes(true, false);
  }

  /**
   * The graph's nodes as sorted names.
   *
   * @param byPad pad full names when true, element names when false
   * @param intra also list internal pads (only with {@code byPad})
   * @return the sorted names
   */
  public List<String> nodes(boolean byPad, boolean intra) {
    TreeSet<String> names = new TreeSet<>();
    for (Element element : elements.values()) {
      if (!byPad) {
        names.add(element.name());
        continue;
      }
      for (Pad pad : element.pads()) {
        if (intra || !(pad instanceof InternalPad)) {
          names.add(pad.fullName());
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * A read-only picture of the graph, what {@link #toDot()} and {@link #toMermaid()} write: the
   * elements sorted by name with their pads (a composed element with its inner elements), and the
   * links sorted by pad names.
   *
   * @return the view, a snapshot
   */
  public GraphView graph() {
    return GraphViews.of(this);
  }

  /**
   * The links between elements as sorted pairs of pad full names.
   *
   * @return the edges
   */
  public List<Edge> edges() {
    return edges(true, false);
  }

  /**
   * The graph's edges, sorted.
   *
   * @param byPad pad full names when true, element names when false (each pair of elements once)
   * @param intra also the edges inside elements (sink pad to internal pad to source pad)
   * @return the sorted edges
   */
  public List<Edge> edges(boolean byPad, boolean intra) {
    TreeSet<Edge> edges = new TreeSet<>();
    for (Element element : elements.values()) {
      for (SourcePad source : element.sourcePads()) {
        for (SinkPad sink : source.downstream()) {
          edges.add(
              byPad ? new Edge(source.fullName(), sink.fullName()) : elementEdge(source, sink));
        }
      }
      if (intra && byPad) {
        String internal = element.internalPad().fullName();
        element.sinkPads().forEach(sink -> edges.add(new Edge(sink.fullName(), internal)));
        element.sourcePads().forEach(source -> edges.add(new Edge(internal, source.fullName())));
      }
    }
    return List.copyOf(edges);
  }

  private static Edge elementEdge(Pad from, Pad to) {
    return new Edge(from.element().name(), to.element().name());
  }

  /**
   * The graph as Graphviz DOT text in SGN's look: one table per element (name, class, sink pads on
   * the left, source pads on the right), linked sink pads light blue, linked source pads green,
   * unlinked pads red, one edge per link. Elements and edges are sorted by name, so the text is the
   * same on every call. Render it with {@link #render(java.nio.file.Path)} or any Graphviz tool.
   *
   * <pre>{@code
   * Files.writeString(Path.of("pipeline.dot"), pipeline.toDot());
   * }</pre>
   *
   * @return the DOT text
   */
  public String toDot() {
    return toDot(null);
  }

  /**
   * Like {@link #toDot()}, with a title above the graph.
   *
   * @param label the title; null or empty for none
   * @return the DOT text
   */
  public String toDot(String label) {
    return GraphText.dot(graph(), label);
  }

  /**
   * The graph as a Mermaid flowchart, for Markdown that renders Mermaid: one node per element
   * listing its pads (unlinked ones marked and the element shown red), one edge per link labelled
   * with the pad names.
   *
   * @return the Mermaid text
   */
  public String toMermaid() {
    return GraphText.mermaid(graph());
  }

  /**
   * Renders {@link #toDot()} to an SVG, PNG or PDF file, chosen by the extension, with Graphviz's
   * {@code dot} program, which must be on PATH. A render that fails leaves no partial file; one
   * that runs over a minute is stopped.
   *
   * <pre>{@code
   * pipeline.render(Path.of("pipeline.svg"));
   * }</pre>
   *
   * @param path the file to write, replaced if it exists
   * @throws IllegalArgumentException when the extension is not svg, png or pdf
   * @throws IllegalStateException when {@code dot} is not on PATH
   * @throws java.io.IOException when {@code dot} fails (its error output is in the message), runs
   *     too long, or the file cannot be written
   */
  public void render(java.nio.file.Path path) throws java.io.IOException {
    render(path, null);
  }

  /**
   * Like {@link #render(java.nio.file.Path)}, with a title above the graph.
   *
   * @param path the file to write
   * @param label the title; null or empty for none
   * @throws IllegalArgumentException when the extension is not svg, png or pdf
   * @throws IllegalStateException when {@code dot} is not on PATH
   * @throws java.io.IOException when {@code dot} fails, runs too long, or the file cannot be
   *     written
   */
  public void render(java.nio.file.Path path, String label) throws java.io.IOException {
    DotRenderer.render(toDot(label), path);
  }

  /**
   * A directed edge of the graph, by name.
   *
   * @param from the upstream pad or element
   * @param to the downstream pad or element
   */
  public record Edge(String from, String to) implements Comparable<Edge> {
    @Override
    public int compareTo(Edge other) {
      int first = from.compareTo(other.from);
      return first != 0 ? first : to.compareTo(other.to);
    }
  }

  private List<Element> elementList() {
    return Collections.unmodifiableList(new ArrayList<>(elements.values()));
  }

  private void requireInserted(Pad pad) {
    if (pad.element().container != null) {
      throw new IllegalArgumentException(
          "Element '%s' of pad '%s' is inside a composed element; link the composed element's pads instead"
              .formatted(pad.element().name(), pad.fullName()));
    }
    if (pad.element().owner != this) {
      throw new IllegalArgumentException(
          "Element '%s' of pad '%s' is not in this pipeline; insert it first (connect inserts by itself)"
              .formatted(pad.element().name(), pad.fullName()));
    }
  }

  private void requireUnlinked(SinkPad sink, SourcePad source) {
    Links.requireUnlinked(sink, source);
  }

  private SinkPad asSinkPad(Object key) {
    if (key instanceof SinkPad pad) {
      return pad;
    }
    if (key instanceof String name) {
      return sinkPadNamed(name);
    }
    throw new IllegalArgumentException(
        "link map keys must be sink pads or full sink pad names, got " + describe(key));
  }

  private SourcePad asSourcePad(Object value) {
    if (value instanceof SourcePad pad) {
      return pad;
    }
    if (value instanceof String name) {
      return sourcePadNamed(name);
    }
    throw new IllegalArgumentException(
        "link map values must be source pads or full source pad names, got " + describe(value));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private SinkPad sinkPadNamed(String name) {
    Pad pad = pad(name);
    if (pad instanceof SinkPad sink) {
      return sink;
    }
    throw new IllegalArgumentException(
        "'%s' is not a sink pad; link takes the sink pad first, then the source pad"
            .formatted(name));
  }

  private SourcePad sourcePadNamed(String name) {
    Pad pad = pad(name);
    if (pad instanceof SourcePad source) {
      return source;
    }
    throw new IllegalArgumentException(
        "'%s' is not a source pad; link takes the sink pad first, then the source pad"
            .formatted(name));
  }
}
