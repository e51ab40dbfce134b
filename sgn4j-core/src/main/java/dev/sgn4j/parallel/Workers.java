package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.RunContext;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final List<WorkerQueue<Object>> inputs = new ArrayList<>();
  private final List<WorkerQueue<Object>> outputs = new ArrayList<>();
  private final List<DefaultWorkerContext> contexts = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch terminated;
  private final AtomicReference<WorkerException> failure = new AtomicReference<>();
  private final AtomicReference<Throwable> workerError = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicIntegerArray ended;
  private volatile boolean stopping;
  private volatile boolean endedWithoutEos;

  Workers(
      ParallelOptions options,
      RunContext run,
      WorkerMode mode,
      Map<String, SharedMemory> segments,
      Map<String, Object> parameters) {
    this.element = options.name;
    this.options = options;
    this.run = run;
    this.joinTimeout =
        options.joinTimeout != null ? options.joinTimeout : Parallelize.defaultJoinTimeout();
    this.terminated = new CountDownLatch(options.workers);
    this.ended = new java.util.concurrent.atomic.AtomicIntegerArray(options.workers);
    for (int i = 0; i < options.workers; i++) {
      String worker = workerName(i);
      WorkerQueue<Object> input =
          new SpscWorkerQueue<>(
              "worker input of '" + worker + "'", options.queueCapacity, null, run::wakeUp);
      WorkerQueue<Object> output =
          new SpscWorkerQueue<>(
              "worker output of '" + worker + "'", options.queueCapacity, run::wakeUp, null);
      inputs.add(input);
      outputs.add(output);
      DefaultWorkerContext context =
          new DefaultWorkerContext(element, i, input, output, segments, parameters);
      contexts.add(context);
      int index = i;
      Runnable body = () -> runWorker(index, worker, context);
      threads.add(
          switch (mode) {
            case THREAD ->
                Thread.ofPlatform().name("sgn-worker-" + worker).daemon(true).unstarted(body);
            case VIRTUAL_THREAD -> Thread.ofVirtual().name("sgn-worker-" + worker).unstarted(body);
            case PROCESS ->
                throw new UnsupportedOperationException(
                    ("worker mode PROCESS of element '%s' needs the sgn4j-process module, which is not"
                            + " on the class path; use THREAD or VIRTUAL_THREAD")
                        .formatted(element));
          });
    }
  }

  private String workerName(int index) {
    return options.workers == 1 ? element : element + "-" + index;
  }

  void start() {
    threads.forEach(Thread::start);
  }

  int count() {
    return options.workers;
  }

  WorkerQueue<Object> input(int worker) {
    return inputs.get(worker);
  }

  WorkerQueue<Object> output(int worker) {
    return outputs.get(worker);
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
    return ended.get(worker) == 1;
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
    for (int i = 0; i < count(); i++) {
      contexts.get(i).requestShutdown();
      inputs.get(i).close();
    }
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
    for (int i = 0; i < count(); i++) {
      contexts.get(i).requestStop();
      inputs.get(i).close();
      outputs.get(i).close();
      threads.get(i).interrupt();
    }
    List<String> stuck = joinAll(System.nanoTime() + joinTimeout.toNanos());
    if (!stuck.isEmpty()) {
      throw new WorkerException(
          "element '%s': worker thread %s did not stop within %s after being interrupted; it is left running"
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
    for (Thread thread : threads) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!thread.join(Duration.ofNanos(left))) {
          alive.add(thread.getName());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        alive.add(thread.getName());
      }
    }
    return alive;
  }

  private void runWorker(int index, String worker, DefaultWorkerContext context) {
    Throwable error = null;
    try {
      body(context);
    } catch (InterruptedException | QueueClosedException e) {
      if (!stopping && !context.shouldShutdown()) {
        error = e;
      }
    } catch (Throwable t) {
      error = t;
    } finally {
      if (error != null) {
        report(worker, error);
      }
      ended.set(index, 1);
      terminated.countDown();
      run.wakeUp();
    }
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

  private void body(DefaultWorkerContext context) throws Exception {
    switch (options.work) {
      case ParallelOptions.LogicWork logic -> runLogic(newLogic(logic.type()), context);
      case ParallelOptions.MapWork map -> {
        while (true) {
          Frame in = (Frame) takeOrEnd(context);
          if (in == null) {
            return;
          }
          Frame out = in.isGap() ? in : checked(map.function().apply(in), in);
          context.output().put(in.isEos() && !out.isEos() ? out.withEos(true) : out);
        }
      }
      case ParallelOptions.FlatMapWork flat -> {
        while (true) {
          Frame in = (Frame) takeOrEnd(context);
          if (in == null) {
            return;
          }
          List<Frame> outs = in.isGap() ? List.of(in) : flat.function().apply(in);
          if (outs == null) {
            throw new IllegalStateException(
                "the flatMap function of '%s' returned null for %s; return a list (empty for none)"
                    .formatted(element, in));
          }
          for (int i = 0; i < outs.size(); i++) {
            Frame out = checked(outs.get(i), in);
            boolean last = i == outs.size() - 1;
            context.output().put(in.isEos() && last && !out.isEos() ? out.withEos(true) : out);
          }
          if (in.isEos() && outs.isEmpty()) {
            context.output().put(Frame.eos());
          }
          context.output().put(BATCH_END);
        }
      }
      case ParallelOptions.ConsumeWork consume -> {
        while (true) {
          Object item = takeOrEnd(context);
          if (item == null) {
            return;
          }
          forEachFrame(item, consume.consumer());
        }
      }
      case ParallelOptions.GenerateWork generate -> {
        while (!context.shouldStop() && !context.shouldShutdown()) {
          Frame frame = generate.supplier().get();
          if (frame == null) {
            throw new IllegalStateException(
                "the supplier of '%s' returned null; return a Frame (Frame.eos() to end)"
                    .formatted(element));
          }
          context.output().put(frame);
          if (frame.isEos()) {
            return;
          }
        }
      }
    }
  }

  private void runLogic(WorkerLogic logic, DefaultWorkerContext context) throws Exception {
    while (!context.shouldStop()) {
      if (context.shouldShutdown() && context.input().isEmpty()) {
        return;
      }
      try {
        logic.process(context);
      } catch (QueueClosedException e) {
        if (context.shouldShutdown() || context.shouldStop()) {
          return;
        }
        throw e;
      }
    }
  }

  /** The next input item, or null once the element closed the input and it is drained. */
  private static Object takeOrEnd(DefaultWorkerContext context) throws InterruptedException {
    try {
      return context.input().take();
    } catch (QueueClosedException e) {
      return null;
    }
  }

  private Frame checked(Frame out, Frame in) {
    if (out == null) {
      throw new IllegalStateException(
          "the function of '%s' returned null for %s; return a Frame".formatted(element, in));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private void forEachFrame(Object item, java.util.function.BiConsumer<String, Frame> to) {
    if (item instanceof Map<?, ?> frames) {
      ((Map<String, Frame>) frames).forEach(to);
    } else {
      to.accept(options.sinkPads.get(0), (Frame) item);
    }
  }

  private WorkerLogic newLogic(Class<? extends WorkerLogic> type) throws Exception {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "worker class %s of element '%s' needs a public no-argument constructor"
              .formatted(type.getName(), element),
          e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
