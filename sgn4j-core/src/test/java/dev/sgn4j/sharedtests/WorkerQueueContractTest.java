package dev.sgn4j.sharedtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link WorkerQueue} contract, run against each implementation by a subclass. Single-thread
 * behaviour first, then waiting, waking, closing and interrupting with a second thread.
 */
public abstract class WorkerQueueContractTest {

  static final String NAME = "worker input of 'square'";
  static final String CLOSED_MESSAGE = "worker input of 'square' is closed";
  static final String NULL_MESSAGE = "worker input of 'square' does not accept null items";

  /** Longer than any test runs: a wait that ends early shows a wake-up, not a timeout. */
  static final Duration LONG = Duration.ofMinutes(10);

  final QueueTestThreads threads = new QueueTestThreads();
  final AtomicInteger puts = new AtomicInteger();
  final AtomicInteger takes = new AtomicInteger();

  /** Creates the implementation under test. */
  protected abstract <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake);

  /**
   * Waits until a call that has nothing to do is idle, and checks how: by default parked in {@code
   * expected} state (unparked by the other side). A queue whose waiters cannot be unparked from the
   * other side (another process) overrides this to check they stay parked with timeouts instead.
   */
  protected <V> QueueTestThreads.Call<V> awaitIdle(
      QueueTestThreads.Call<V> call, Thread.State expected) {
    call.awaitParked();
    assertThat(call.thread().getState()).isEqualTo(expected);
    return call;
  }

  /** A queue whose hooks count into {@link #puts} and {@link #takes}. */
  <T> WorkerQueue<T> queue(int capacity) {
    return create(NAME, capacity, puts::incrementAndGet, takes::incrementAndGet);
  }

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  // ---------------------------------------------------------------- one thread

  @Test
  void itemsComeOutInTheOrderTheyWentIn() throws InterruptedException {
    WorkerQueue<Integer> queue = queue(8);
    queue.put(1);
    assertThat(queue.offer(2)).isTrue();
    assertThat(queue.put(3, Duration.ofSeconds(1))).isTrue();
    queue.put(4);

    List<Integer> out = new ArrayList<>();
    out.add(queue.take());
    out.add(queue.poll());
    out.add(queue.poll(Duration.ofSeconds(1)));
    out.add(queue.take());

    assertThat(out).containsExactly(1, 2, 3, 4);
    assertThat(queue.poll()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 8, 64, 100})
  void capacityIsEnforcedExactlyAlsoWhenNotAPowerOfTwo(int capacity) throws InterruptedException {
    WorkerQueue<Integer> queue = queue(capacity);
    assertThat(queue.capacity()).isEqualTo(capacity);

    for (int i = 0; i < capacity; i++) {
      assertThat(queue.offer(i)).as("offer %d of %d", i + 1, capacity).isTrue();
    }
    assertThat(queue.offer(-1)).isFalse();
    assertThat(queue.put(-1, Duration.ZERO)).isFalse();
    assertThat(queue.size()).isEqualTo(capacity);

    assertThat(queue.poll()).isEqualTo(0);
    assertThat(queue.offer(capacity)).isTrue();
    assertThat(queue.offer(-1)).isFalse();
    assertThat(queue.size()).isEqualTo(capacity);

    List<Integer> out = new ArrayList<>();
    for (Integer item = queue.poll(); item != null; item = queue.poll()) {
      out.add(item);
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= capacity; i++) {
      expected.add(i);
    }
    assertThat(out).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 5, 17})
  void itemsStayInOrderOverManyWrapArounds(int capacity) {
    WorkerQueue<Long> queue = queue(capacity);
    long next = 0;
    long expected = 0;
    for (int round = 0; round < 20_000; round++) {
      int fill = 1 + round % capacity;
      for (int i = 0; i < fill && queue.offer(next); i++) {
        next++;
      }
      int drain = 1 + (round * 7) % capacity;
      for (int i = 0; i < drain; i++) {
        Long item = queue.poll();
        if (item == null) {
          break;
        }
        assertThat(item).isEqualTo(expected++);
      }
      assertThat(queue.size()).isEqualTo((int) (next - expected));
    }
    for (Long item = queue.poll(); item != null; item = queue.poll()) {
      assertThat(item).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(next);
    assertThat(next).isGreaterThanOrEqualTo(20_000L);
  }

  @Test
  void sizeAndIsEmptyFollowPutsAndTakes() throws InterruptedException {
    WorkerQueue<String> queue = queue(3);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.size()).isZero();
    queue.put("a");
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.size()).isEqualTo(1);
    queue.put("b");
    queue.put("c");
    assertThat(queue.size()).isEqualTo(3);
    queue.take();
    assertThat(queue.size()).isEqualTo(2);
    queue.poll();
    queue.poll(Duration.ZERO);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.size()).isZero();
  }

  @Test
  void nullItemsAreRejectedWithTheQueueNameAndChangeNothing() {
    WorkerQueue<String> queue = queue(2);

    assertThatThrownBy(() -> queue.put(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(NULL_MESSAGE);
    assertThatThrownBy(() -> queue.offer(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(NULL_MESSAGE);
    assertThatThrownBy(() -> queue.put(null, Duration.ofSeconds(1)))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(NULL_MESSAGE);

    assertThat(queue.isEmpty()).isTrue();
    assertThat(puts).hasValue(0);
  }

  @Test
  void nullTimeoutsAreRejectedWithTheQueueName() {
    WorkerQueue<String> queue = queue(2);

    assertThatThrownBy(() -> queue.put("a", null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("timeout for worker input of 'square' must not be null");
    assertThatThrownBy(() -> queue.poll(null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("timeout for worker input of 'square' must not be null");
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void zeroAndNegativeTimeoutsDoNotWait() throws InterruptedException {
    WorkerQueue<String> queue = queue(1);
    assertThat(queue.poll(Duration.ZERO)).isNull();
    assertThat(queue.poll(Duration.ofSeconds(-5))).isNull();
    assertThat(queue.put("a", Duration.ZERO)).isTrue();
    assertThat(queue.put("b", Duration.ofSeconds(-5))).isFalse();
    assertThat(queue.put("b", Duration.ZERO)).isFalse();
    assertThat(queue.poll(Duration.ofSeconds(-5))).isEqualTo("a");
  }

  @Test
  void hooksRunExactlyOncePerSuccessfulPutAndTakeOnTheCallersThread() throws InterruptedException {
    List<Thread> hookThreads = new ArrayList<>();
    WorkerQueue<String> queue =
        create(
            NAME,
            2,
            () -> {
              puts.incrementAndGet();
              hookThreads.add(Thread.currentThread());
            },
            takes::incrementAndGet);

    queue.put("a");
    assertThat(puts).hasValue(1);
    assertThat(queue.offer("b")).isTrue();
    assertThat(puts).hasValue(2);
    assertThat(queue.offer("c")).isFalse();
    assertThat(queue.put("c", Duration.ofMillis(1))).isFalse();
    assertThat(puts).hasValue(2);
    assertThat(takes).hasValue(0);

    assertThat(queue.take()).isEqualTo("a");
    assertThat(takes).hasValue(1);
    assertThat(queue.put("c", Duration.ofSeconds(1))).isTrue();
    assertThat(puts).hasValue(3);
    assertThat(queue.poll()).isEqualTo("b");
    assertThat(queue.poll(Duration.ofSeconds(1))).isEqualTo("c");
    assertThat(takes).hasValue(3);
    assertThat(queue.poll()).isNull();
    assertThat(queue.poll(Duration.ofMillis(1))).isNull();
    assertThat(takes).hasValue(3);
    assertThat(hookThreads).containsOnly(Thread.currentThread()).hasSize(3);
  }

  // ---------------------------------------------------------------- timeouts

  @Test
  void putWithTimeoutOnAFullQueueGivesUpAfterTheTimeout() throws InterruptedException {
    WorkerQueue<String> queue = queue(1);
    queue.put("first");

    long start = System.nanoTime();
    boolean added = queue.put("second", Duration.ofMillis(100));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(added).isFalse();
    assertThat(waited)
        .isGreaterThanOrEqualTo(Duration.ofMillis(90))
        .isLessThan(Duration.ofSeconds(10));
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.poll()).isEqualTo("first");
    assertThat(queue.poll()).isNull();
    assertThat(puts).hasValue(1);
  }

  @Test
  void pollWithTimeoutOnAnEmptyQueueGivesUpAfterTheTimeout() throws InterruptedException {
    WorkerQueue<String> queue = queue(1);

    long start = System.nanoTime();
    String item = queue.poll(Duration.ofMillis(100));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(item).isNull();
    assertThat(waited)
        .isGreaterThanOrEqualTo(Duration.ofMillis(90))
        .isLessThan(Duration.ofSeconds(10));
    assertThat(takes).hasValue(0);
  }

  @Test
  void aTimeoutTooLongForNanosecondsMeansWaitForever() throws Exception {
    WorkerQueue<String> queue = queue(1);
    var poll = threads.start("poller", () -> queue.poll(Duration.ofSeconds(Long.MAX_VALUE)));
    poll.awaitParked();
    queue.put("late");
    assertThat(poll.result()).isEqualTo("late");
  }

  // ---------------------------------------------------------------- close

  @Test
  void putsAfterCloseThrowWithTheQueueName() {
    WorkerQueue<String> queue = queue(2);
    queue.close();

    assertThat(queue.isClosed()).isTrue();
    assertThatThrownBy(() -> queue.put("a"))
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThatThrownBy(() -> queue.offer("a"))
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThatThrownBy(() -> queue.put("a", Duration.ofSeconds(1)))
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(puts).hasValue(0);
  }

  @Test
  void queuedItemsStillDrainAfterCloseThenTakeThrowsAndPollReturnsNull() throws Exception {
    WorkerQueue<String> queue = queue(3);
    queue.put("a");
    queue.put("b");
    queue.put("c");
    queue.close();

    assertThat(queue.size()).isEqualTo(3);
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.poll()).isEqualTo("b");
    assertThat(queue.poll(LONG)).isEqualTo("c");
    assertThat(takes).hasValue(3);

    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.size()).isZero();
    assertThatThrownBy(queue::take)
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThat(queue.poll()).isNull();
    long start = System.nanoTime();
    assertThat(queue.poll(LONG)).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(takes).hasValue(3);
  }

  @Test
  void takeOnAClosedEmptyQueueThrowsEvenWhenInterrupted() {
    WorkerQueue<String> queue = queue(1);
    queue.close();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(queue::take)
          .isExactlyInstanceOf(QueueClosedException.class)
          .hasMessage(CLOSED_MESSAGE);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void closeTwiceIsTheSameAsOnce() throws InterruptedException {
    WorkerQueue<String> queue = queue(2);
    queue.put("a");
    queue.close();
    queue.close();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.size()).isZero();
    assertThatThrownBy(queue::take).isExactlyInstanceOf(QueueClosedException.class);
  }

  @Test
  void closeOfAFullQueueKeepsEveryItem() throws InterruptedException {
    WorkerQueue<Integer> queue = queue(3);
    queue.put(1);
    queue.put(2);
    queue.put(3);
    queue.close();
    assertThat(queue.size()).isEqualTo(3);
    assertThat(List.of(queue.take(), queue.take(), queue.take())).containsExactly(1, 2, 3);
    assertThat(queue.poll()).isNull();
    assertThat(queue.isEmpty()).isTrue();
  }

  // ---------------------------------------------------------------- waiting and waking

  @RepeatedTest(50)
  void aTakeBlockedOnAnEmptyQueueIsWokenByAPut() throws Exception {
    WorkerQueue<String> queue = queue(1);
    var take = threads.start("taker", queue::take).awaitParked();
    queue.put("x");
    assertThat(take.result()).isEqualTo("x");
    assertThat(takes).hasValue(1);
    assertThat(queue.isEmpty()).isTrue();
  }

  @RepeatedTest(50)
  void aPutBlockedOnAFullQueueIsWokenByATake() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("first");
    var put =
        threads
            .start(
                "putter",
                () -> {
                  queue.put("second");
                  return "done";
                })
            .awaitParked();
    assertThat(queue.take()).isEqualTo("first");
    assertThat(put.result()).isEqualTo("done");
    assertThat(queue.take()).isEqualTo("second");
    assertThat(puts).hasValue(2);
  }

  @RepeatedTest(50)
  void aTimedPutBlockedOnAFullQueueIsWokenByATake() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("first");
    var put = threads.start("putter", () -> queue.put("second", LONG)).awaitParked();
    assertThat(queue.take()).isEqualTo("first");
    assertThat(put.result()).isTrue();
    assertThat(queue.take()).isEqualTo("second");
  }

  @RepeatedTest(50)
  void aTakeBlockedOnAnEmptyQueueIsWokenByCloseAndThrows() throws Exception {
    WorkerQueue<String> queue = queue(2);
    var take = threads.start("taker", queue::take).awaitParked();
    queue.close();
    assertThat(take.thrown())
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThat(takes).hasValue(0);
  }

  @RepeatedTest(50)
  void aTimedPollBlockedOnAnEmptyQueueIsWokenByCloseAndReturnsNull() throws Exception {
    WorkerQueue<String> queue = queue(2);
    long start = System.nanoTime();
    var poll = threads.start("poller", () -> queue.poll(LONG)).awaitParked();
    queue.close();
    assertThat(poll.result()).isNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG);
  }

  @RepeatedTest(50)
  void aPutBlockedOnAFullQueueIsWokenByCloseAndThrowsWhileQueuedItemsStay() throws Exception {
    WorkerQueue<String> queue = queue(2);
    queue.put("a");
    queue.put("b");
    var put =
        threads
            .start(
                "putter",
                () -> {
                  queue.put("c");
                  return "added";
                })
            .awaitParked();
    queue.close();
    assertThat(put.thrown())
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.take()).isEqualTo("b");
    assertThatThrownBy(queue::take).isExactlyInstanceOf(QueueClosedException.class);
    assertThat(puts).hasValue(2);
  }

  @RepeatedTest(50)
  void aTimedPutBlockedOnAFullQueueIsWokenByCloseAndThrows() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("a");
    var put = threads.start("putter", () -> queue.put("b", LONG)).awaitParked();
    queue.close();
    assertThat(put.thrown())
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage(CLOSED_MESSAGE);
    assertThat(queue.poll()).isEqualTo("a");
    assertThat(queue.poll()).isNull();
  }

  @RepeatedTest(50)
  void anIdleConsumerParksInsteadOfSpinning() throws Exception {
    WorkerQueue<String> queue = queue(4);
    var take = awaitIdle(threads.start("idle consumer", queue::take), Thread.State.WAITING);
    queue.put("wake up");
    assertThat(take.result()).isEqualTo("wake up");
  }

  @RepeatedTest(50)
  void anIdleVirtualConsumerParksInsteadOfSpinning() throws Exception {
    WorkerQueue<String> queue = queue(4);
    var take =
        awaitIdle(threads.startVirtual("idle virtual consumer", queue::take), Thread.State.WAITING);
    queue.put("wake up");
    assertThat(take.result()).isEqualTo("wake up");
  }

  @RepeatedTest(50)
  void anIdleProducerParksInsteadOfSpinning() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("a");
    var put =
        awaitIdle(
            threads.start("idle producer", () -> queue.put("b", LONG)), Thread.State.TIMED_WAITING);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(put.result()).isTrue();
  }

  // ---------------------------------------------------------------- interrupts

  /** Runs a blocking call, reporting how it ended and whether the interrupt status was cleared. */
  private static String interruptible(QueueCall call) {
    try {
      return "returned " + call.run();
    } catch (InterruptedException e) {
      return "InterruptedException, interrupted " + Thread.currentThread().isInterrupted();
    }
  }

  @FunctionalInterface
  private interface QueueCall {
    Object run() throws InterruptedException;
  }

  private static final String INTERRUPTED = "InterruptedException, interrupted false";

  @RepeatedTest(50)
  void aBlockedTakeThrowsInterruptedExceptionWhenInterrupted() throws Exception {
    WorkerQueue<String> queue = queue(1);
    var take = threads.start("taker", () -> interruptible(queue::take)).awaitParked();
    take.thread().interrupt();
    assertThat(take.result()).isEqualTo(INTERRUPTED);
    assertThat(takes).hasValue(0);
  }

  @RepeatedTest(50)
  void aBlockedTimedPollThrowsInterruptedExceptionWhenInterrupted() throws Exception {
    WorkerQueue<String> queue = queue(1);
    var poll = threads.start("poller", () -> interruptible(() -> queue.poll(LONG))).awaitParked();
    poll.thread().interrupt();
    assertThat(poll.result()).isEqualTo(INTERRUPTED);
  }

  @RepeatedTest(50)
  void aBlockedPutThrowsInterruptedExceptionWhenInterruptedAndAddsNothing() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("a");
    var put =
        threads
            .start(
                "putter",
                () ->
                    interruptible(
                        () -> {
                          queue.put("b");
                          return "added";
                        }))
            .awaitParked();
    put.thread().interrupt();
    assertThat(put.result()).isEqualTo(INTERRUPTED);
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.poll()).isEqualTo("a");
    assertThat(queue.poll()).isNull();
    assertThat(puts).hasValue(1);
  }

  @RepeatedTest(50)
  void aBlockedTimedPutThrowsInterruptedExceptionWhenInterrupted() throws Exception {
    WorkerQueue<String> queue = queue(1);
    queue.put("a");
    var put =
        threads.start("putter", () -> interruptible(() -> queue.put("b", LONG))).awaitParked();
    put.thread().interrupt();
    assertThat(put.result()).isEqualTo(INTERRUPTED);
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void anAlreadyInterruptedThreadThrowsInsteadOfWaiting() throws InterruptedException {
    WorkerQueue<String> queue = queue(1);
    Thread.currentThread().interrupt();
    assertThat(interruptible(queue::take)).isEqualTo(INTERRUPTED);
    Thread.currentThread().interrupt();
    assertThat(interruptible(() -> queue.poll(LONG))).isEqualTo(INTERRUPTED);
    queue.put("a");
    Thread.currentThread().interrupt();
    assertThat(interruptible(() -> queue.put("b", LONG))).isEqualTo(INTERRUPTED);
    Thread.currentThread().interrupt();
    assertThat(
            interruptible(
                () -> {
                  queue.put("b");
                  return "added";
                }))
        .isEqualTo(INTERRUPTED);
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void anInterruptedThreadStillGetsAnItemThatIsThereWithoutWaiting() throws InterruptedException {
    WorkerQueue<String> queue = queue(2);
    queue.put("a");
    Thread.currentThread().interrupt();
    try {
      assertThat(queue.take()).isEqualTo("a");
      queue.put("b");
      assertThat(queue.poll(LONG)).isEqualTo("b");
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
