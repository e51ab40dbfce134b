package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.parallel.spi.BatchingQueue;
import dev.sgn4j.parallel.spi.EncodabilityCheck;
import dev.sgn4j.parallel.spi.LaunchRequest;
import dev.sgn4j.parallel.spi.LaunchedWorker;
import dev.sgn4j.parallel.spi.MapLogic;
import dev.sgn4j.parallel.spi.WorkerLoop;
import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A worker on a platform or virtual thread of this JVM, running either the element's function or
 * its {@link WorkerLogic} class. Its queues wake the run loop: the output on every put, the input
 * on every take.
 */
final class ThreadWorker implements LaunchedWorker {

  private final LaunchRequest request;
  private final ParallelOptions.Work work;
  private final List<String> sinkPads;
  private final BatchingQueue<Object> input;
  private final BatchingQueue<Object> output;
  private final DefaultWorkerContext context;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean ended;

  /**
   * Calls of user code, and the time of one call in 16, for {@link #busyNanos()}: written by the
   * worker thread only, with opaque writes (no fence per call), read with opaque reads by stats.
   */
  private long calls;

  private long sampled;
  private long sampledNanos;

  /**
   * Whether the last timed call of user code was cheap enough for its outputs to be handed over in
   * batches (worker thread only): a batch then holds outputs back for microseconds at most, and a
   * worker about to wait for input publishes what it holds first.
   */
  private boolean cheapCalls;

  /** The inputs taken from the queue in a batch but not yet used (worker thread only). */
  private final ReadAhead ahead = new ReadAhead();

  /** The longest call, in nanoseconds, that still counts as cheap for batching outputs. */
  private static final long CHEAP_CALL_NANOS = 2_000;

  private static final java.lang.invoke.VarHandle CALLS;
  private static final java.lang.invoke.VarHandle SAMPLED;
  private static final java.lang.invoke.VarHandle SAMPLED_NANOS;

  static {
    try {
      var lookup = java.lang.invoke.MethodHandles.lookup();
      CALLS = lookup.findVarHandle(ThreadWorker.class, "calls", long.class);
      SAMPLED = lookup.findVarHandle(ThreadWorker.class, "sampled", long.class);
      SAMPLED_NANOS = lookup.findVarHandle(ThreadWorker.class, "sampledNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * @param check the encodability check to pass every queued item through, or null
   */
  ThreadWorker(
      LaunchRequest request, ParallelOptions options, WorkerMode mode, EncodabilityCheck check) {
    this.request = request;
    this.work = options.work;
    this.sinkPads = options.sinkPads;
    String worker = request.workerName();
    this.input =
        checked(
            WorkerQueues.batching(
                "worker input of '" + worker + "'",
                request.queueCapacity(),
                null,
                request.wakeUp()),
            check,
            "element '" + request.elementName() + "'");
    this.output =
        checked(
            WorkerQueues.batching(
                "worker output of '" + worker + "'",
                request.queueCapacity(),
                request.wakeUp(),
                null),
            check,
            "element '" + request.elementName() + "'");
    this.context =
        new DefaultWorkerContext(
            request.elementName(),
            request.workerIndex(),
            input,
            output,
            request.sharedMemory(),
            request.parameters());
    Thread.Builder builder =
        mode == WorkerMode.VIRTUAL_THREAD ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
    this.thread = builder.name("sgn-worker-" + worker).unstarted(this::run);
  }

  private static BatchingQueue<Object> checked(
      BatchingQueue<Object> queue, EncodabilityCheck check, String context) {
    return check == null ? queue : new CheckedQueue(queue, check, context);
  }

  @Override
  public WorkerQueue<Object> input() {
    return input;
  }

  @Override
  public WorkerQueue<Object> output() {
    return output;
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public void shutdown() {
    context.requestShutdown();
    input.close();
  }

  @Override
  public void stop() {
    stopping = true;
    context.requestStop();
    input.close();
    output.close();
    thread.interrupt();
  }

  @Override
  public boolean join(Duration timeout) throws InterruptedException {
    return thread.join(timeout);
  }

  @Override
  public boolean hasEnded() {
    return ended;
  }

  @Override
  public String describe() {
    return thread.getName();
  }

  @Override
  public long busyNanos() {
    long samples = (long) SAMPLED.getOpaque(this);
    return samples == 0
        ? 0
        : Math.round(
            (double) (long) SAMPLED_NANOS.getOpaque(this) * (long) CALLS.getOpaque(this) / samples);
  }

  /** Runs user code, timing one call in 16 (the worker thread is the only writer). */
  private <T> T timed(java.util.concurrent.Callable<T> user) throws Exception {
    long n = calls;
    CALLS.setOpaque(this, n + 1);
    if ((n & 15) != 0) {
      return user.call();
    }
    long started = System.nanoTime();
    try {
      return user.call();
    } finally {
      long took = System.nanoTime() - started;
      cheapCalls = took < CHEAP_CALL_NANOS;
      SAMPLED_NANOS.setOpaque(this, sampledNanos + took);
      SAMPLED.setOpaque(this, sampled + 1);
    }
  }

  private void run() {
    Throwable error = null;
    try {
      body();
    } catch (InterruptedException | QueueClosedException e) {
      if (!stopping && !context.shouldShutdown()) {
        error = e;
      }
    } catch (Throwable t) {
      error = t;
    } finally {
      try {
        publishOutput();
        request.onEnd().accept(error);
      } finally {
        ended = true;
        request.wakeUp().run();
      }
    }
  }

  private void body() throws Exception {
    String element = request.elementName();
    switch (work) {
      case ParallelOptions.LogicWork logic -> {
        WorkerLogic user = WorkerLoop.create(logic.type(), element);
        WorkerLoop.run(
            c ->
                timed(
                    () -> {
                      user.process(c);
                      return null;
                    }),
            context);
      }
      case ParallelOptions.MapWork map -> {
        for (Frame in = next(); in != null; in = next()) {
          Frame frame = in;
          Frame out = in.isGap() ? in : checked(timed(() -> map.function().apply(frame)), in);
          emit(in.isEos() && !out.isEos() ? out.withEos(true) : out);
        }
      }
      case ParallelOptions.MapClassWork type -> {
        FrameMap function = MapLogic.create(type.type(), element);
        for (Frame in = next(); in != null; in = next()) {
          Frame frame = in;
          emit(timed(() -> MapLogic.map(function, frame, element)));
        }
      }
      case ParallelOptions.FlatMapWork flat -> {
        for (Frame in = next(); in != null; in = next()) {
          Frame frame = in;
          List<Frame> outs = in.isGap() ? List.of(in) : timed(() -> flat.function().apply(frame));
          if (outs == null) {
            throw new IllegalStateException(
                "the flatMap function of '%s' returned null for %s; return a list (empty for none)"
                    .formatted(element, in));
          }
          for (int i = 0; i < outs.size(); i++) {
            Frame out = checked(outs.get(i), in);
            boolean last = i == outs.size() - 1;
            emit(in.isEos() && last && !out.isEos() ? out.withEos(true) : out);
          }
          if (in.isEos() && outs.isEmpty()) {
            emit(Frame.eos());
          }
          emit(Workers.BATCH_END);
        }
      }
      case ParallelOptions.ConsumeWork consume -> {
        for (Object item = takeOrEnd(); item != null; item = takeOrEnd()) {
          Object frames = item;
          timed(
              () -> {
                forEachFrame(frames, consume.consumer());
                return null;
              });
        }
      }
      case ParallelOptions.GenerateWork generate -> {
        while (!context.shouldStop() && !context.shouldShutdown()) {
          Frame frame = timed(() -> generate.supplier().get());
          if (frame == null) {
            throw new IllegalStateException(
                "the supplier of '%s' returned null; return a Frame (Frame.eos() to end)"
                    .formatted(element));
          }
          output.put(frame);
          if (frame.isEos()) {
            return;
          }
        }
      }
    }
  }

  private Frame next() throws InterruptedException {
    return (Frame) takeOrEnd();
  }

  /**
   * The next input item, or null once the element closed the input and it is drained. Before it
   * waits for input, the worker publishes the outputs it holds back.
   */
  private Object takeOrEnd() throws InterruptedException {
    Object item = ahead.poll(input);
    if (item != null) {
      return item;
    }
    output.publish();
    try {
      return input.take();
    } catch (QueueClosedException e) {
      return null;
    }
  }

  /**
   * Puts an output of the element's function: in a batch while calls are cheap, published at once
   * otherwise (and always for the end of the stream, which the element must not wait for).
   */
  private void emit(Object item) throws InterruptedException {
    boolean last = item instanceof Frame frame && frame.isEos();
    if (!cheapCalls || last) {
      output.put(item);
    } else {
      output.putBatched(item);
    }
  }

  /** Publishes the outputs held back, unless the queue was closed by a stop. */
  private void publishOutput() {
    if (!output.isClosed()) {
      output.publish();
    }
  }

  private Frame checked(Frame out, Frame in) {
    if (out == null) {
      throw new IllegalStateException(
          "the function of '%s' returned null for %s; return a Frame"
              .formatted(request.elementName(), in));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private void forEachFrame(Object item, BiConsumer<String, Frame> to) {
    if (item instanceof Map<?, ?> frames) {
      ((Map<String, Frame>) frames).forEach(to);
    } else {
      to.accept(sinkPads.get(0), (Frame) item);
    }
  }
}
