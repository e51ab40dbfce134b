package dev.sgn4j.parallel.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.sharedtests.QueueTestThreads;
import dev.sgn4j.worker.QueueClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The batched hand-over of {@link BatchingQueue}: when batched items become visible, when the
 * producer hears of removals, that closing loses nothing, and that random mixes of batched and
 * plain calls on two threads deliver every item in order without a lost wake-up.
 */
class BatchingQueueTest {

  private final QueueTestThreads threads = new QueueTestThreads();

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  private static List<Integer> pollAll(BatchingQueue<Integer> queue) {
    List<Integer> items = new ArrayList<>();
    for (Integer item = queue.pollBatched(); item != null; item = queue.pollBatched()) {
      items.add(item);
    }
    return items;
  }

  @Test
  void batchedItemsAreSeenOncePublished() {
    AtomicInteger published = new AtomicInteger();
    BatchingQueue<Integer> queue =
        WorkerQueues.batching("q", 256, published::incrementAndGet, null);
    queue.offerBatched(1);
    queue.offerBatched(2);

    assertThat(queue.pollBatched()).isNull();
    assertThat(queue.poll()).isNull();
    assertThat(queue.size()).isZero();
    assertThat(published).hasValue(0);

    queue.publish();
    queue.publish(); // nothing new: no second hook call
    assertThat(published).hasValue(1);
    assertThat(queue.size()).isEqualTo(2);
    assertThat(pollAll(queue)).containsExactly(1, 2);
  }

  @Test
  void aFullBatchIsPublishedByItself() {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 256, null, null);
    for (int i = 0; i < SpscWorkerQueue.MAX_BATCH - 1; i++) {
      queue.offerBatched(i);
    }
    assertThat(queue.size()).isZero();

    queue.offerBatched(SpscWorkerQueue.MAX_BATCH - 1);

    assertThat(queue.size()).isEqualTo(SpscWorkerQueue.MAX_BATCH);
  }

  @Test
  void batchesAreAQuarterOfASmallCapacityAndSingleItemsBelowFour() {
    BatchingQueue<Integer> eight = WorkerQueues.batching("q", 8, null, null);
    eight.offerBatched(1);
    assertThat(eight.size()).isZero();
    eight.offerBatched(2);
    assertThat(eight.size()).isEqualTo(2);

    BatchingQueue<Integer> three = WorkerQueues.batching("q", 3, null, null);
    three.offerBatched(1);
    assertThat(three.size()).isEqualTo(1);
  }

  @Test
  void aPlainPutPublishesTheBatchBeforeIt() throws InterruptedException {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 256, null, null);
    queue.offerBatched(1);
    queue.put(2);

    assertThat(pollAll(queue)).containsExactly(1, 2);
  }

  @Test
  void roomCountsUnpublishedItemsAndAFullQueuePublishesWhatItHolds() {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 4, null, null);
    for (int i = 0; i < 4; i++) {
      assertThat(queue.hasRoom()).isTrue();
      assertThat(queue.offerBatched(i)).isTrue();
    }
    assertThat(queue.hasRoom()).isFalse();

    assertThat(queue.offerBatched(4)).isFalse();

    assertThat(queue.size()).isEqualTo(4);
    assertThat(queue.pollBatched()).isZero();
    assertThat(queue.hasRoom()).isTrue();
  }

  @Test
  void onceFullTheProducerSeesRoomAgainOnlyWhenABatchIsFree() {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 64, null, null);
    for (int i = 0; i < 64; i++) {
      queue.offerBatched(i);
    }
    assertThat(queue.hasRoom()).isFalse();

    for (int i = 0; i < 15; i++) {
      queue.pollBatched();
    }
    assertThat(queue.hasRoom()).as("15 free slots, a batch is 16").isFalse();
    assertThat(queue.offerBatched(64)).as("a single add still fits").isTrue();

    queue.pollBatched();
    queue.pollBatched();
    assertThat(queue.hasRoom()).isTrue();
  }

  @RepeatedTest(10)
  void aBatchedPutWaitsForABatchOfRoomAndTheConsumerWakesItOnce() throws Exception {
    BatchingQueue<Integer> queue = new SpscWorkerQueue<>("q", 64, null, null, false);
    for (int i = 0; i < 64; i++) {
      queue.offerBatched(i);
    }
    var putter =
        threads.start(
            "producer",
            () -> {
              queue.putBatched(64);
              return true;
            });
    putter.awaitParked();

    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      taken.add(queue.pollBatched());
    }
    assertThat(putter.thread().getState()).as("not told yet").isEqualTo(Thread.State.WAITING);

    taken.add(queue.pollBatched()); // the 16th removal tells the producer
    assertThat(putter.result()).isTrue();
    queue.publish();
    taken.addAll(pollAll(queue));
    assertThat(taken).hasSize(65).startsWith(0, 1, 2).endsWith(63, 64);
  }

  @Test
  void theProducerHearsOfRemovalsOncePerBatchAndWhenTheQueueIsFoundEmpty()
      throws InterruptedException {
    AtomicInteger told = new AtomicInteger();
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 256, null, told::incrementAndGet);
    for (int i = 0; i < 40; i++) {
      queue.offerBatched(i);
    }
    queue.publish();

    for (int i = 0; i < SpscWorkerQueue.MAX_BATCH - 1; i++) {
      assertThat(queue.pollBatched()).isEqualTo(i);
    }
    assertThat(told).hasValue(0);
    assertThat(queue.pollBatched()).isEqualTo(SpscWorkerQueue.MAX_BATCH - 1);
    assertThat(told).hasValue(1);

    assertThat(pollAll(queue)).hasSize(40 - SpscWorkerQueue.MAX_BATCH);
    assertThat(told).hasValue(2);
    assertThat(queue.pollBatched()).isNull();
    assertThat(told).as("nothing removed since").hasValue(2);

    queue.put(99);
    assertThat(queue.poll()).isEqualTo(99);
    assertThat(told).as("a plain poll tells every time").hasValue(3);
  }

  @Test
  void closingAfterBatchedItemsLosesNone() throws InterruptedException {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 256, null, null);
    queue.offerBatched(1);
    queue.offerBatched(2);
    queue.close();

    assertThat(queue.pollBatched()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo(2);
    assertThatThrownBy(queue::take)
        .isInstanceOf(QueueClosedException.class)
        .hasMessage("q is closed");
    assertThatThrownBy(() -> queue.offerBatched(3)).isInstanceOf(QueueClosedException.class);
  }

  @RepeatedTest(20)
  void aWaitingConsumerTakesUnpublishedItemsWithoutAPublish() throws Exception {
    BatchingQueue<Integer> queue = WorkerQueues.batching("q", 256, null, null);
    var taker = threads.start("consumer", () -> queue.take());

    // Never published by the producer unless it sees the consumer parked: a consumer still
    // spinning (or not yet waiting) must look at the unpublished items, or it parks for good.
    queue.offerBatched(7);

    assertThat(taker.result()).isEqualTo(7);
  }

  @RepeatedTest(20)
  void aParkedConsumerIsWokenByABatchedOffer() throws Exception {
    BatchingQueue<Integer> queue = new SpscWorkerQueue<>("q", 256, null, null, false);
    var taker = threads.start("consumer", () -> queue.take());
    taker.awaitParked();

    queue.offerBatched(7);

    assertThat(taker.result()).isEqualTo(7);
  }

  @RepeatedTest(20)
  void aProducerParkedOnAFullQueueIsWokenByBatchedRemovals() throws Exception {
    BatchingQueue<Integer> queue = new SpscWorkerQueue<>("q", 8, null, null, false);
    for (int i = 0; i < 8; i++) {
      queue.offerBatched(i);
    }
    var putter =
        threads.start(
            "producer",
            () -> {
              queue.put(8);
              return true;
            });
    putter.awaitParked();

    List<Integer> taken = new ArrayList<>();
    taken.add(queue.pollBatched()); // one slot: not yet a batch of 2
    taken.add(queue.pollBatched());

    assertThat(putter.result()).isTrue();
    taken.addAll(pollAll(queue));
    assertThat(taken).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }

  @RepeatedTest(30)
  void randomMixesOfBatchedAndPlainCallsDeliverEveryItemInOrder() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int capacity = 1 + random.nextInt(80);
    boolean spins = random.nextBoolean();
    int items = 200_000;
    AtomicLong moved = new AtomicLong();
    BatchingQueue<Long> queue =
        new SpscWorkerQueue<>("q", capacity, moved::incrementAndGet, moved::incrementAndGet, spins);
    long producerSeed = random.nextLong();
    long consumerSeed = random.nextLong();
    var producer =
        threads.start(
            "producer",
            () -> {
              Random r = new Random(producerSeed);
              for (long next = 0; next < items; next++) {
                switch (r.nextInt(8)) {
                  case 0 -> queue.put(next);
                  case 1 -> {
                    if (!queue.offerBatched(next)) {
                      queue.put(next);
                    }
                    queue.publish();
                  }
                  default -> {
                    if (!queue.offerBatched(next)) {
                      queue.put(next);
                    }
                  }
                }
              }
              queue.close();
              return items;
            });
    var consumer =
        threads.start(
            "consumer",
            () -> {
              Random r = new Random(consumerSeed);
              long expected = 0;
              try {
                while (true) {
                  Long item =
                      switch (r.nextInt(4)) {
                        case 0 -> queue.take();
                        case 1 -> {
                          Long polled = queue.poll(Duration.ofNanos(r.nextInt(200_000)));
                          yield polled != null ? polled : queue.take();
                        }
                        default -> {
                          Long polled = queue.pollBatched();
                          yield polled != null ? polled : queue.take();
                        }
                      };
                  if (item != expected) {
                    throw new AssertionError("expected item " + expected + " but got " + item);
                  }
                  expected++;
                }
              } catch (QueueClosedException end) {
                return (int) expected;
              }
            });

    String run = "capacity %d, spins %s, seed %d".formatted(capacity, spins, seed);
    assertThat(producer.resultWhileProgressing(moved::get, () -> run + threads.dump()))
        .as(run)
        .isEqualTo(items);
    assertThat(consumer.resultWhileProgressing(moved::get, () -> run + threads.dump()))
        .as(run)
        .isEqualTo(items);
  }
}
