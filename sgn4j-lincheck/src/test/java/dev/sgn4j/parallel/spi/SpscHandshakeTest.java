package dev.sgn4j.parallel.spi;

import dev.sgn4j.testsupport.Stress;
import dev.sgn4j.worker.WorkerQueue;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The worker queue's handshakes under Lincheck's model checker, which runs the producer's and the
 * consumer's steps in every interleaving (under sequential consistency): items arrive once and in
 * order, whether the two sides meet in the ring or through a park and an unpark. The queues park at
 * once (no spin phase), so every wait takes the park/unpark path.
 *
 * <p>What it cannot see: Java lets a parked thread wake spuriously and Lincheck does so, so a lost
 * wake-up would not hang it; and it does not reorder memory accesses as weak hardware may. Those
 * are the stress suites' and the documented fences' job.
 */
@Tag(Stress.TAG)
class SpscHandshakeTest {

  @Test
  void aProducerParkedOnAFullQueueAndAConsumerParkedOnAnEmptyOneMeetWithEveryItemInOrder() {
    Lincheck.runConcurrentTest(
        2_000,
        () -> {
          WorkerQueue<Integer> queue = new SpscWorkerQueue<>("q", 1, null, null, false);
          List<Integer> taken = new ArrayList<>();
          Thread producer =
              new Thread(
                  () -> {
                    try {
                      queue.put(1);
                      queue.put(2); // the queue holds one: parks until the consumer takes
                    } catch (InterruptedException e) {
                      throw new AssertionError(e);
                    }
                  });
          Thread consumer =
              new Thread(
                  () -> {
                    try {
                      taken.add(queue.take());
                      taken.add(queue.take()); // parks until the producer puts
                    } catch (InterruptedException e) {
                      throw new AssertionError(e);
                    }
                  });
          runBoth(producer, consumer);
          check(taken, List.of(1, 2));
        });
  }

  @Test
  void offersAndPollsThroughAWrappingRingLoseAndRepeatNothing() {
    Lincheck.runConcurrentTest(
        2_000,
        () -> {
          WorkerQueue<Integer> queue = new SpscWorkerQueue<>("q", 2, null, null, false);
          List<Integer> taken = new ArrayList<>();
          Thread producer =
              new Thread(
                  () -> {
                    for (int item = 1; item <= 3; item++) {
                      while (!queue.offer(item)) {
                        Thread.onSpinWait();
                      }
                    }
                  });
          Thread consumer =
              new Thread(
                  () -> {
                    while (taken.size() < 3) {
                      Integer item = queue.poll();
                      if (item == null) {
                        Thread.onSpinWait();
                      } else {
                        taken.add(item);
                      }
                    }
                  });
          runBoth(producer, consumer);
          check(taken, List.of(1, 2, 3));
        });
  }

  private static void runBoth(Thread producer, Thread consumer) {
    producer.start();
    consumer.start();
    try {
      producer.join();
      consumer.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** A plain check: the model checker instruments what runs in the block, AssertJ included. */
  private static void check(List<Integer> taken, List<Integer> expected) {
    if (!taken.equals(expected)) {
      throw new AssertionError("took " + taken + ", expected " + expected);
    }
  }
}
