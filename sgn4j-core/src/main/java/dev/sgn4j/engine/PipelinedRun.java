package dev.sgn4j.engine;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.PipelineException;
import dev.sgn4j.RunAbortedException;
import dev.sgn4j.SinkElement;
import dev.sgn4j.concurrent.IdleStrategy;
import dev.sgn4j.stats.ElementStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One pipelined run: the compiled schedule as one {@link ElementTask} per element, joined by {@link
 * SharedLink}s, run on a {@link TaskPool} until the {@link EndTracker} says the run is over.
 *
 * <p>The thread that runs the pipeline coordinates: it starts the tasks, then waits until the run
 * is over, an element failed or the run was aborted (it is woken for each), and checks the run's
 * state as the lock-step loop does between passes. When elements are made ready by another process
 * (polling), it also signals them at growing intervals. At the end it halts the tasks, shuts the
 * pool down and joins its threads, so no pool thread outlives the run.
 */
final class PipelinedRun {

  /** The longest the coordinator parks before looking again; wake-ups end it sooner. */
  private static final long PARK_NANOS = 100_000_000L;

  /** How long the end of a run waits for pad calls still under way before interrupting them. */
  static final Duration QUIESCE_TIMEOUT = Duration.ofSeconds(10);

  /** How long it waits after interrupting them. */
  private static final Duration INTERRUPTED_TIMEOUT = Duration.ofSeconds(5);

  final Execution execution;
  final PadCalls calls;
  final EndTracker end;

  private final Schedule schedule;
  private final int threads;
  private final List<ElementTask> tasks = new ArrayList<>();
  private final List<ElementTask> asynchronous = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean halted;
  private volatile Thread coordinator;
  private volatile boolean padCallEvents;
  private TaskPool pool;

  /** Asked whether pad-call events are enabled; never committed. */
  private static final PadCallEvent PAD_CALL_PROBE = new PadCallEvent();

  /** Asked whether iteration events are enabled; never committed. */
  private static final IterationEvent ITERATION_PROBE = new IterationEvent();

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");

  /** Memory profiling, or null when off. */
  final PooledMemoryProfiler profiler;

  /** Whether a JFR recording wants iteration events; set by the coordinator. */
  private volatile boolean iterationEvents;

  /** The event of the iteration under way, while iteration events are wanted. */
  private IterationEvent iterationEvent;

  /**
   * @param capacity the frames each link holds
   * @param threads the most pool threads
   */
  PipelinedRun(Execution execution, Schedule schedule, int capacity, int threads) {
    this.execution = execution;
    this.calls = new PadCalls(execution);
    this.schedule = schedule;
    this.end = new EndTracker(schedule.sinks.length, this::wakeCoordinator, this::completed);
    this.profiler =
        execution.profileMemory() || LOG.isLoggable(System.Logger.Level.TRACE)
            ? PooledMemoryProfiler.create(schedule.order, execution::memoryReport)
            : null;
    Map<Link, SharedLink> links = new IdentityHashMap<>();
    Map<Element, List<Op>> opsByElement = new LinkedHashMap<>();
    for (Element element : schedule.order) {
      opsByElement.put(element, new ArrayList<>());
    }
    for (Op op : schedule.ops) {
      opsByElement.get(op.element).add(op);
      op.stage.end = null; // the end tracker gates elements here
      if (op.link != null) {
        links.computeIfAbsent(op.link, link -> new SharedLink(capacity, link.consumers()));
      }
    }
    Map<SinkElement, Integer> sinkIndex = new HashMap<>();
    for (int i = 0; i < schedule.sinks.length; i++) {
      sinkIndex.put(schedule.sinks[i], i);
    }
    opsByElement.forEach(
        (element, ops) ->
            tasks.add(task(element, ops, links, sinkIndex.getOrDefault(element, -1))));
    for (ElementTask task : tasks) {
      if (task.asynchronous) {
        asynchronous.add(task);
      }
    }
    this.threads = Math.max(1, Math.min(threads, tasks.size()));
  }

  private ElementTask task(
      Element element, List<Op> ops, Map<Link, SharedLink> links, int sinkIndex) {
    List<Stage> stages = new ArrayList<>();
    for (Op op : ops) {
      if (!stages.contains(op.stage)) {
        stages.add(op.stage);
      }
    }
    ElementTask.StageRun[] runs = new ElementTask.StageRun[stages.size()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new ElementTask.StageRun(stages.get(i), stages.get(i).steps);
    }
    List<PadCounters> sourcePads = new ArrayList<>();
    List<SharedLink> inputs = new ArrayList<>();
    List<Integer> cursors = new ArrayList<>();
    for (Op op : ops) {
      ElementTask.StageRun run = runs[stages.indexOf(op.stage)];
      run.ops[op.seq] = op;
      run.links[op.seq] = op.link == null ? null : links.get(op.link);
      if (op.kind == Op.PRODUCE) {
        sourcePads.add(op.counters);
      } else if (op.kind == Op.PULL) {
        inputs.add(links.get(op.link));
        cursors.add(op.consumer);
      }
    }
    ElementTask task =
        new ElementTask(
            this,
            element,
            runs,
            sinkIndex,
            sourcePads.toArray(PadCounters[]::new),
            inputs.toArray(SharedLink[]::new),
            cursors.stream().mapToInt(Integer::intValue).toArray());
    for (Op op : ops) {
      if (op.kind == Op.PRODUCE) {
        links.get(op.link).producer = task;
      } else if (op.kind == Op.PULL) {
        links.get(op.link).consumers[op.consumer] = task;
      }
    }
    return task;
  }

  /** Runs the iterations until the run is over; on the thread that runs the pipeline. */
  void iterate() {
    if (schedule.sinks.length == 0) {
      return;
    }
    coordinator = Thread.currentThread();
    lookForRecordings();
    pool = new TaskPool("sgn4j-" + execution.run().id() + "-pool", threads, this::fail);
    execution.onWakeUp(this::wakeAsynchronous);
    RuntimeException stopped = null;
    try {
      for (ElementTask task : tasks) {
        task.signal();
      }
      coordinate();
    } catch (RunAbortedException e) {
      stopped = e;
    } finally {
      halted = true;
      execution.onWakeUp(null);
      quiesce();
    }
    // As in the lock-step loop, an abort that comes while the last iteration completes is too late
    // to matter: the tasks finish the pad calls under way before they halt.
    if (stopped != null && !end.finished()) {
      throw stopped;
    }
    rethrowFailure();
    // A failure reported by another thread just before the last sink reached EOS still counts.
    execution.checkFailure();
  }

  /** Waits until the run is over or failed, checking the run between waits. */
  private void coordinate() {
    IdleStrategy.Wait polling = null;
    long lastProgress = -1;
    while (!end.finished() && failure.get() == null) {
      execution.beginWaiting();
      if (end.finished() || failure.get() != null) {
        execution.endWaiting();
        break;
      }
      long park = PARK_NANOS;
      if (execution.polling() && !asynchronous.isEmpty()) {
        if (polling == null) {
          polling = IdleStrategy.POLLING.newWait(this);
        }
        long progress = end.iterations();
        if (progress != lastProgress) {
          lastProgress = progress;
          polling.reset();
        }
        park = Math.max(IdleStrategy.MIN_PARK_NANOS, Math.min(polling.parkNanos(), PARK_NANOS));
        polling.parked();
        wakeAsynchronous();
      }
      execution.park(park);
      execution.checkpoint(end.iterations());
      lookForRecordings();
    }
  }

  /** Asks JFR whether a recording wants pad-call and iteration events, on each look. */
  private void lookForRecordings() {
    padCallEvents = PAD_CALL_PROBE.isEnabled();
    iterationEvents = ITERATION_PROBE.isEnabled();
    end.observe(profiler != null || iterationEvents);
  }

  /**
   * Every sink completed {@code iteration}: its memory report and its JFR event, which spans the
   * time since the previous one (the first one recorded spans nothing). Called in iteration order,
   * one at a time.
   */
  private void completed(long iteration) {
    if (profiler != null) {
      profiler.iterationCompleted(iteration);
    }
    IterationEvent event = iterationEvent;
    if (event == null && iterationEvents) {
      event = new IterationEvent(); // the first since events were wanted: no start to go by
      event.begin();
    }
    if (event != null) {
      event.end();
      if (event.shouldCommit()) {
        event.pipeline = execution.pipelineId();
        event.iteration = iteration;
        event.commit();
      }
    }
    if (iterationEvents) {
      iterationEvent = new IterationEvent();
      iterationEvent.begin();
    } else {
      iterationEvent = null;
    }
  }

  /** Stops the pool once the tasks' turns under way ended, and joins its threads. */
  private void quiesce() {
    try {
      List<Thread> alive = pool.shutdown(QUIESCE_TIMEOUT);
      if (!alive.isEmpty()) {
        alive.forEach(Thread::interrupt);
        alive = pool.shutdown(INTERRUPTED_TIMEOUT);
      }
      if (!alive.isEmpty()) {
        throw new IllegalStateException(
            "pipelined run %s: a pad call did not return within %s after the run ended, nor %s"
                    .formatted(execution.run().id(), QUIESCE_TIMEOUT, INTERRUPTED_TIMEOUT)
                + " after being interrupted; its threads "
                + alive.stream().map(Thread::getName).toList()
                + " are left running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting for the pool of run " + execution.run().id(), e);
    }
  }

  private void rethrowFailure() {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new PipelineException("pipelined run failed: " + t, null, null, end.iterations(), t);
  }

  /** An element task failed (or a pool thread did): the run ends with the first failure. */
  void fail(Throwable t) {
    failure.compareAndSet(null, t);
    halted = true;
    wakeCoordinator();
  }

  private void wakeCoordinator() {
    Thread thread = coordinator;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void wakeAsynchronous() {
    if (halted) {
      return;
    }
    for (ElementTask task : asynchronous) {
      task.signal();
    }
  }

  /** Queues a task; nothing once the run is halted. */
  void submit(ElementTask task) {
    if (!halted) {
      pool.submit(task);
    }
  }

  boolean halted() {
    return halted;
  }

  boolean padCallEvents() {
    return padCallEvents;
  }

  /** The iterations every sink completed. */
  long iteration() {
    return end.iterations();
  }

  /** The figures of every element so far; any thread. */
  List<ElementStats> elementStats() {
    Map<Element, List<PadCounters>> byElement = new LinkedHashMap<>();
    Map<Element, Stage> eosStages = new HashMap<>();
    for (Element element : schedule.order) {
      byElement.put(element, new ArrayList<>());
    }
    for (Op op : schedule.ops) {
      byElement.get(op.element).add(op.counters);
      if (op.kind == Op.PRODUCE || op.element instanceof SinkElement) {
        eosStages.put(op.element, op.stage);
      }
    }
    List<ElementStats> stats = new ArrayList<>();
    byElement.forEach(
        (element, counters) ->
            stats.add(Figures.element(execution, element, counters, eosStages.get(element))));
    return stats;
  }
}
