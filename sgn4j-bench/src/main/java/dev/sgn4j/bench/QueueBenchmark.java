package dev.sgn4j.bench;

import dev.sgn4j.parallel.spi.WorkerQueues;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The two {@link WorkerQueue} implementations — {@code spsc} ({@link WorkerQueues#spsc}, the
 * lock-free ring buffer parallel elements use) and {@code blocking} ({@link WorkerQueues#blocking},
 * on {@code ArrayBlockingQueue}) — moving items from one producer thread to one consumer thread.
 *
 * <ul>
 *   <li>{@code offerPoll}: throughput with the non-blocking calls, retried with {@link
 *       Thread#onSpinWait()} while full or empty. Read the {@code poll} line: items moved per µs.
 *   <li>{@code putTake}: throughput with the waiting calls ({@code put}/{@code poll} with a
 *       timeout), which spin and then park as a worker does. Read the {@code take} line.
 *   <li>{@code roundTrip}, {@code roundTripWaiting}: latency of one item there and one back between
 *       two threads through two queues (ping-pong), with spinning retries or with the waiting
 *       calls. Read the {@code ping} line: ns per round trip.
 * </ul>
 *
 * <p>Every wait is bounded and checks {@link Control#stopMeasurement}, so a thread whose partner
 * has already finished the iteration cannot hang the run. Queues are new for every iteration.
 *
 * <pre>{@code
 * java -jar sgn4j-bench/target/benchmarks.jar QueueBenchmark
 * java -jar sgn4j-bench/target/benchmarks.jar 'QueueBenchmark.roundTrip$' -p impl=spsc
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueueBenchmark {

  private static final Integer ITEM = 42;

  /** How long one timed call waits before the loop checks whether the iteration is over. */
  private static final Duration SLICE = Duration.ofMillis(10);

  /** Creates the benchmark; JMH calls it. */
  public QueueBenchmark() {}

  private static WorkerQueue<Integer> create(String impl, String name, int capacity) {
    return switch (impl) {
      case "spsc" -> WorkerQueues.spsc(name, capacity);
      case "blocking" -> BlockingWorkerQueue.create(name, capacity);
      default -> throw new IllegalArgumentException("impl must be spsc or blocking, not " + impl);
    };
  }

  /** One queue shared by the producer and the consumer thread of a group. */
  @State(Scope.Group)
  public static class Transfer {

    /** Which implementation. */
    @Param({"spsc", "blocking"})
    public String impl;

    /** The queue's capacity. */
    @Param({"64", "1024"})
    public int capacity;

    WorkerQueue<Integer> queue;

    /** Creates the state; JMH calls it. */
    public Transfer() {}

    /** A fresh queue for each iteration, so none starts with the last one's leftovers. */
    @Setup(Level.Iteration)
    public void newQueue() {
      queue = create(impl, "transfer", capacity);
    }
  }

  /** Two queues, there and back, shared by the two threads of a ping-pong group. */
  @State(Scope.Group)
  public static class PingPong {

    /** Which implementation. */
    @Param({"spsc", "blocking"})
    public String impl;

    WorkerQueue<Integer> there;
    WorkerQueue<Integer> back;

    /** Creates the state; JMH calls it. */
    public PingPong() {}

    /** Fresh queues for each iteration: a reply left over would pair with the next ping. */
    @Setup(Level.Iteration)
    public void newQueues() {
      there = create(impl, "there", 1);
      back = create(impl, "back", 1);
    }
  }

  private static void spinOffer(WorkerQueue<Integer> queue, Integer item, Control control) {
    while (!queue.offer(item)) {
      if (control.stopMeasurement) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  private static Integer spinPoll(WorkerQueue<Integer> queue, Control control) {
    Integer item;
    while ((item = queue.poll()) == null) {
      if (control.stopMeasurement) {
        return null;
      }
      Thread.onSpinWait();
    }
    return item;
  }

  private static void waitingPut(WorkerQueue<Integer> queue, Integer item, Control control)
      throws InterruptedException {
    while (!queue.put(item, SLICE)) {
      if (control.stopMeasurement) {
        return;
      }
    }
  }

  private static Integer waitingPoll(WorkerQueue<Integer> queue, Control control)
      throws InterruptedException {
    Integer item;
    while ((item = queue.poll(SLICE)) == null) {
      if (control.stopMeasurement) {
        return null;
      }
    }
    return item;
  }

  /**
   * Producer of {@code offerPoll}: one {@code offer}, retried while full.
   *
   * @param state the shared queue
   * @param control JMH's view of the iteration
   */
  @Benchmark
  @Group("offerPoll")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void offer(Transfer state, Control control) {
    spinOffer(state.queue, ITEM, control);
  }

  /**
   * Consumer of {@code offerPoll}: one {@code poll}, retried while empty.
   *
   * @param state the shared queue
   * @param control JMH's view of the iteration
   * @return the item, for JMH to consume
   */
  @Benchmark
  @Group("offerPoll")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Integer poll(Transfer state, Control control) {
    return spinPoll(state.queue, control);
  }

  /**
   * Producer of {@code putTake}: one waiting {@code put}.
   *
   * @param state the shared queue
   * @param control JMH's view of the iteration
   * @throws InterruptedException never, unless JMH interrupts the run
   */
  @Benchmark
  @Group("putTake")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void put(Transfer state, Control control) throws InterruptedException {
    waitingPut(state.queue, ITEM, control);
  }

  /**
   * Consumer of {@code putTake}: one waiting {@code poll}.
   *
   * @param state the shared queue
   * @param control JMH's view of the iteration
   * @return the item, for JMH to consume
   * @throws InterruptedException never, unless JMH interrupts the run
   */
  @Benchmark
  @Group("putTake")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Integer take(Transfer state, Control control) throws InterruptedException {
    return waitingPoll(state.queue, control);
  }

  /**
   * The measured side of {@code roundTrip}: sends an item and spins until the reply arrives.
   *
   * @param state the two queues
   * @param control JMH's view of the iteration
   * @return the reply, for JMH to consume
   */
  @Benchmark
  @Group("roundTrip")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Integer ping(PingPong state, Control control) {
    spinOffer(state.there, ITEM, control);
    return spinPoll(state.back, control);
  }

  /**
   * The echoing side of {@code roundTrip}: spins until an item arrives and sends it back.
   *
   * @param state the two queues
   * @param control JMH's view of the iteration
   */
  @Benchmark
  @Group("roundTrip")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void pong(PingPong state, Control control) {
    Integer item = spinPoll(state.there, control);
    if (item != null) {
      spinOffer(state.back, item, control);
    }
  }

  /**
   * The measured side of {@code roundTripWaiting}: a waiting put, then a waiting poll for the
   * reply.
   *
   * @param state the two queues
   * @param control JMH's view of the iteration
   * @return the reply, for JMH to consume
   * @throws InterruptedException never, unless JMH interrupts the run
   */
  @Benchmark
  @Group("roundTripWaiting")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Integer pingWaiting(PingPong state, Control control) throws InterruptedException {
    waitingPut(state.there, ITEM, control);
    return waitingPoll(state.back, control);
  }

  /**
   * The echoing side of {@code roundTripWaiting}: a waiting poll, then a waiting put of the reply.
   *
   * @param state the two queues
   * @param control JMH's view of the iteration
   * @throws InterruptedException never, unless JMH interrupts the run
   */
  @Benchmark
  @Group("roundTripWaiting")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void pongWaiting(PingPong state, Control control) throws InterruptedException {
    Integer item = waitingPoll(state.there, control);
    if (item != null) {
      waitingPut(state.back, item, control);
    }
  }
}
