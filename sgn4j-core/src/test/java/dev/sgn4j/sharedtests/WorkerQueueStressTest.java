package dev.sgn4j.sharedtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Stress;
import dev.sgn4j.worker.QueueClosedException;
import dev.sgn4j.worker.WorkerQueue;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A producer and a consumer thread move sequence numbers through a queue, each side choosing random
 * batches of blocking, timed and non-blocking calls; the consumer checks every number in order,
 * then the producer's close ends the run. Each run has its own seed, printed on failure. Runs in
 * the full test loop only ({@code -Pstress}): it takes minutes on a 2-core machine.
 */
@Tag(Stress.TAG)
public abstract class WorkerQueueStressTest {

  private final QueueTestThreads threads = new QueueTestThreads();

  /** Creates the implementation under test. */
  protected abstract <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake);

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  @RepeatedTest(20)
  void aMillionItemsArriveInOrder() throws Exception {
    transfer(64, 1_000_000, System.nanoTime(), false);
  }

  @Test
  void tenMillionItemsArriveInOrder() throws Exception {
    transfer(1024, 10_000_000, System.nanoTime(), false);
  }

  @RepeatedTest(20)
  void aMillionItemsArriveInOrderBetweenVirtualThreads() throws Exception {
    transfer(64, 1_000_000, System.nanoTime(), true);
  }

  @RepeatedTest(20)
  void itemsArriveInOrderWithRandomCapacities() throws Exception {
    long seed = System.nanoTime();
    int capacity = 1 + new Random(seed).nextInt(64);
    transfer(capacity, 100_000, seed, false);
  }

  @RepeatedTest(50)
  void closeRacingWithAWaitingConsumerLosesNothing() throws Exception {
    Random random = new Random(System.nanoTime());
    for (int run = 0; run < 200; run++) {
      transfer(1 + random.nextInt(3), random.nextInt(5), random.nextLong(), run % 2 == 0);
    }
  }

  private void transfer(int capacity, long items, long seed, boolean virtual) throws Exception {
    AtomicLong puts = new AtomicLong();
    AtomicLong takes = new AtomicLong();
    WorkerQueue<Long> queue =
        create("stress queue", capacity, puts::incrementAndGet, takes::incrementAndGet);
    Callable<Long> producer = () -> produce(queue, items, new Random(seed));
    Callable<Long> consumer = () -> consume(queue, new Random(~seed));
    var produced =
        virtual ? threads.startVirtual("producer", producer) : threads.start("producer", producer);
    var consumed =
        virtual ? threads.startVirtual("consumer", consumer) : threads.start("consumer", consumer);

    String run =
        "capacity %d, %d items, seed %d, %s threads"
            .formatted(capacity, items, seed, virtual ? "virtual" : "platform");
    LongSupplier moved = () -> puts.get() + takes.get();
    Supplier<String> context = () -> run + ", " + queue + threads.dump();
    assertThat(produced.resultWhileProgressing(moved, context)).as(run).isEqualTo(items);
    assertThat(consumed.resultWhileProgressing(moved, context)).as(run).isEqualTo(items);
    assertThat(puts).as(run).hasValue(items);
    assertThat(takes).as(run).hasValue(items);
    assertThat(queue.isEmpty()).as(run).isTrue();
    assertThat(queue.size()).as(run).isZero();
  }

  private static long produce(WorkerQueue<Long> queue, long items, Random random)
      throws InterruptedException {
    long next = 0;
    while (next < items) {
      int batch = 1 + random.nextInt(64);
      int mode = random.nextInt(3);
      Duration slice = Duration.ofNanos(random.nextInt(2_000_000));
      for (int i = 0; i < batch && next < items; i++, next++) {
        Long item = next;
        switch (mode) {
          case 0 -> queue.put(item);
          case 1 -> {
            if (!queue.offer(item)) {
              queue.put(item);
            }
          }
          default -> {
            while (!queue.put(item, slice)) {
              // timed out while full: try again
            }
          }
        }
      }
    }
    queue.close();
    return next;
  }

  /** Takes until the queue is closed and empty; returns the count, failing on any gap. */
  private static long consume(WorkerQueue<Long> queue, Random random) throws InterruptedException {
    long expected = 0;
    try {
      while (true) {
        int batch = 1 + random.nextInt(64);
        int mode = random.nextInt(3);
        Duration slice = Duration.ofNanos(random.nextInt(2_000_000));
        for (int i = 0; i < batch; i++, expected++) {
          Long item =
              switch (mode) {
                case 0 -> queue.take();
                case 1 -> {
                  Long polled = queue.poll();
                  yield polled != null ? polled : queue.take();
                }
                default -> {
                  Long polled = queue.poll(slice);
                  while (polled == null) {
                    polled = queue.isClosed() ? queue.take() : queue.poll(slice);
                  }
                  yield polled;
                }
              };
          if (item != expected) {
            throw new AssertionError("expected item " + expected + " but got " + item);
          }
        }
      }
    } catch (QueueClosedException end) {
      return expected;
    }
  }
}
