package dev.sgn4j.parallel;

import dev.sgn4j.RunContext;
import dev.sgn4j.parallel.spi.BatchingQueue;
import dev.sgn4j.parallel.spi.EncodabilityCheck;
import dev.sgn4j.parallel.spi.LaunchRequest;
import dev.sgn4j.parallel.spi.LaunchedWorker;
import dev.sgn4j.parallel.spi.WorkerLauncher;
import dev.sgn4j.stats.WorkerStats;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerMode;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workers of one parallel element for one run: their queues, contexts and threads, how they
 * start, end and fail. The element's run-loop side uses the queues; everything else here is safe
 * from any thread.
 *
 * <p>Each worker has its own input and output queue, so a pool keeps order without a reorder
 * buffer: iteration k goes to worker {@code k % n} and its output is read from the same worker. A
 * worker thread's failure fails the run at once through {@link RunContext#fail}; every ending wakes
 * the run loop, which may be waiting for it.
 */
final class Workers {

  /** Ends a flatMap worker's outputs for one input, so a pool can move to the next worker. */
  static final Object BATCH_END = new Object();

  private final String element;
  private final ParallelOptions options;
  private final RunContext run;
  private final Duration joinTimeout;
  private final List<LaunchedWorker> workers = new ArrayList<>();
  private final CountDownLatch terminated;
  private final AtomicReference<WorkerException> failure = new AtomicReference<>();
  private final AtomicReference<Throwable> workerError = new AtomicReference<>();
  private volatile boolean stopping;
  private volatile boolean endedWithoutEos;

  /** Guards {@link #closedStatistics} and the reading of figures against closing. */
  private final Object statisticsLock = new Object();

  /** The figures taken when the workers were closed; null before. */
  private WorkerStats closedStatistics;

  Workers(
      ParallelOptions options,
      RunContext run,
      WorkerMode mode,
      boolean checkEncodable,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    this.element = options.name;
    this.options = options;
    this.run = run;
    this.joinTimeout =
        options.joinTimeout != null ? options.joinTimeout : Parallelize.defaultJoinTimeout();
    this.terminated = new CountDownLatch(options.workers);
    WorkerLauncher launcher = mode == WorkerMode.PROCESS ? launcher(mode) : null;
    EncodabilityCheck check =
        launcher == null && checkEncodable ? encodabilityCheck(parameters) : null;
    for (int i = 0; i < options.workers; i++) {
      String worker = workerName(i);
      LaunchRequest request =
          new LaunchRequest(
              element,
              worker,
              i,
              options.work instanceof ParallelOptions.LogicWork logic ? logic.type() : null,
              options.work instanceof ParallelOptions.MapClassWork map ? map.type() : null,
              options.queueCapacity,
              options.queueBytes,
              parameters,
              segments,
              run::wakeUp,
              error -> ended(worker, error));
      LaunchedWorker launched =
          launcher == null
              ? new ThreadWorker(request, options, mode, check)
              : launcher.launch(request);
      workers.add(launched);
      if (!launched.wakesRunLoop()) {
        run.requirePolling();
      }
    }
  }

  /** The launcher of another mode, found on the class path. */
  private WorkerLauncher launcher(WorkerMode mode) {
    if (!(options.work instanceof ParallelOptions.LogicWork
        || options.work instanceof ParallelOptions.MapClassWork)) {
      throw new IllegalArgumentException(
          ("element '%s' runs in %s mode, which cannot call a lambda or function object of this"
                  + " JVM; give it map(MyMap.class) with a public FrameMap class or"
                  + " worker(MyLogic.class) with a public WorkerLogic class, or use THREAD or"
                  + " VIRTUAL_THREAD")
              .formatted(element, mode));
    }
    for (WorkerLauncher candidate : java.util.ServiceLoader.load(WorkerLauncher.class)) {
      if (candidate.mode() == mode) {
        return candidate;
      }
    }
    throw new UnsupportedOperationException(
        ("worker mode %s of element '%s' needs the sgn4j-process module, which is not on the class"
                + " path; use THREAD or VIRTUAL_THREAD")
            .formatted(mode, element));
  }

  /**
   * The process codecs' round trip, found on the class path, after checking the worker parameters
   * with it as a worker process's launch would.
   */
  private EncodabilityCheck encodabilityCheck(Map<String, Object> parameters) {
    EncodabilityCheck check =
        java.util.ServiceLoader.load(EncodabilityCheck.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new UnsupportedOperationException(
                        ("element '%s' checks encodability, which needs the sgn4j-process module"
                                + " (its codecs) on the class path; add it, or turn the check off")
                            .formatted(element)));
    parameters.forEach(
        (name, value) ->
            check.roundTrip(value, "element '%s', worker parameter '%s'".formatted(element, name)));
    return check;
  }

  private String workerName(int index) {
    return options.workers == 1 ? element : element + "-" + index;
  }

  void start() {
    workers.forEach(LaunchedWorker::start);
  }

  int count() {
    return options.workers;
  }

  WorkerQueue<Object> input(int worker) {
    return workers.get(worker).input();
  }

  WorkerQueue<Object> output(int worker) {
    return workers.get(worker).output();
  }

  /**
   * Each worker's queue of one kind ({@link #input} or {@link #output}) as a {@link BatchingQueue},
   * when all of them are (thread workers); null otherwise.
   */
  @SuppressWarnings("unchecked")
  BatchingQueue<Object>[] batching(java.util.function.IntFunction<WorkerQueue<Object>> queue) {
    BatchingQueue<Object>[] queues = new BatchingQueue[count()];
    for (int i = 0; i < queues.length; i++) {
      if (!(queue.apply(i) instanceof BatchingQueue<Object> batching)) {
        return null;
      }
      queues[i] = batching;
    }
    return queues;
  }

  /** The worker's own exception (the cause of the run's failure), the same object every time. */
  Throwable workerError() {
    return workerError.get();
  }

  /** The failure already reported to the run, if any. */
  WorkerException failure() {
    return failure.get();
  }

  /** Whether the worker ended; everything it put before ending is visible once this is true. */
  boolean terminated(int worker) {
    return workers.get(worker).hasEnded();
  }

  boolean allTerminated() {
    return terminated.getCount() == 0;
  }

  /**
   * Shutdown that does not wait for EOS (a manual shutdown, or a source draining on a stop
   * request): workers ending without sending EOS afterwards are expected.
   */
  void finishWithoutEos() {
    endedWithoutEos = true;
    endInput();
  }

  boolean endsWithoutEos() {
    return endedWithoutEos;
  }

  /** Shutdown: every worker finishes what is queued and ends; their inputs take no more. */
  void endInput() {
    workers.forEach(LaunchedWorker::shutdown);
  }

  /**
   * Waits up to {@code timeout} for every worker to end.
   *
   * @return true when all ended
   */
  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * The end of the run: when the workers' streams are complete, let them end by themselves;
   * otherwise, or when they do not end within the join timeout, stop them now.
   *
   * @param graceful whether every worker has been given all of its input (or emitted EOS)
   * @throws WorkerException when a worker failed and the run has not seen it yet, or a worker did
   *     not end in time
   */
  void finish(boolean graceful) {
    if (graceful) {
      endInput();
      if (!joinAll(System.nanoTime() + joinTimeout.toNanos()).isEmpty()) {
        stopNow();
      }
    } else {
      stopNow();
    }
    WorkerException failed = failure.get();
    if (failed != null && !stopping) {
      throw failed;
    }
  }

  /**
   * Stop: tells every worker to stop, closes its queues, interrupts it and joins it.
   *
   * @throws WorkerException naming the workers that did not end within the join timeout
   */
  void stopNow() {
    stopping = true;
    workers.forEach(LaunchedWorker::stop);
    List<String> stuck = joinAll(System.nanoTime() + joinTimeout.toNanos());
    if (!stuck.isEmpty()) {
      throw new WorkerException(
          "element '%s': worker %s did not stop within %s after being interrupted; it is left running"
              .formatted(element, stuck, joinTimeout),
          element,
          stuck.get(0),
          0,
          null);
    }
  }

  /** Joins every worker thread until the deadline; returns the names of those still alive. */
  private List<String> joinAll(long deadline) {
    List<String> alive = new ArrayList<>();
    for (LaunchedWorker worker : workers) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!worker.join(Duration.ofNanos(left))) {
          alive.add(worker.describe());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        alive.add(worker.describe());
      }
    }
    return alive;
  }

  /** A worker ended, cleanly (null) or with an error: count it, report it, wake the run loop. */
  private void ended(String worker, Throwable error) {
    if (error != null) {
      report(worker, error);
    }
    terminated.countDown();
    run.wakeUp();
  }

  private void report(String worker, Throwable error) {
    if (error instanceof VirtualMachineError fatal) {
      workerError.compareAndSet(null, fatal);
    } else {
      workerError.compareAndSet(null, error);
    }
    WorkerException exception =
        new WorkerException(
            "element '%s': worker stopped before EOS: worker '%s' threw %s"
                .formatted(element, worker, error),
            element,
            worker,
            0,
            error);
    if (failure.compareAndSet(null, exception)) {
      run.fail(exception);
    }
  }

  /** The failure for a worker that ended without passing EOS on. */
  WorkerException stoppedBeforeEos(int worker, long iteration) {
    WorkerException reported = failure.get();
    if (reported != null) {
      return reported;
    }
    WorkerException exception =
        new WorkerException(
            "element '%s': worker stopped before EOS: worker '%s' ended without sending EOS"
                .formatted(element, workerName(worker)),
            element,
            workerName(worker),
            iteration,
            null);
    failure.compareAndSet(null, exception);
    return failure.get();
  }

  /**
   * Queue depths and busy time, for the element's statistics; safe from any thread. Once the
   * workers are closed (their queues may be unmapped memory) the figures taken at closing.
   */
  WorkerStats statistics(String mode) {
    synchronized (statisticsLock) {
      WorkerStats last = closedStatistics;
      if (last != null) {
        return new WorkerStats(
            mode,
            last.workers(),
            last.queuedIn(),
            last.queuedOut(),
            last.busy(),
            last.heartbeatAge());
      }
      return measure(mode);
    }
  }

  private WorkerStats measure(String mode) {
    long queuedIn = 0;
    long queuedOut = 0;
    long busy = 0;
    long heartbeatAge = -1;
    boolean measured = true;
    for (LaunchedWorker worker : workers) {
      heartbeatAge = Math.max(heartbeatAge, worker.heartbeatAgeMillis());
      queuedIn += worker.input().size();
      queuedOut += worker.output().size();
      long nanos = worker.busyNanos();
      measured &= nanos >= 0;
      busy += Math.max(0, nanos);
    }
    return new WorkerStats(
        mode,
        count(),
        queuedIn,
        queuedOut,
        measured ? Optional.of(Duration.ofNanos(busy)) : Optional.empty(),
        // the oldest of the pool's heartbeats
        heartbeatAge >= 0 ? Optional.of(Duration.ofMillis(heartbeatAge)) : Optional.empty());
  }

  /**
   * Releases what the workers held; called once they ended or were stopped. The statistics are
   * taken first and kept: nothing reads the workers' queues afterwards.
   */
  void close() {
    synchronized (statisticsLock) {
      if (closedStatistics == null) {
        closedStatistics = measure("");
      }
    }
    workers.forEach(LaunchedWorker::close);
  }
}
