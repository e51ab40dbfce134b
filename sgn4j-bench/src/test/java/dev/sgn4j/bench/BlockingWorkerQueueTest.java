package dev.sgn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.worker.WorkerQueue;
import org.junit.jupiter.api.Test;

/** The benchmarks' baseline queue checks its arguments as every worker queue does. */
class BlockingWorkerQueueTest {

  @Test
  void aNewQueueIsEmptyOpenAndOfTheRequestedCapacity() {
    WorkerQueue<String> blocking = BlockingWorkerQueue.create("b", 5);

    assertThat(blocking).isExactlyInstanceOf(BlockingWorkerQueue.class);
    assertThat(blocking.capacity()).isEqualTo(5);
    assertThat(blocking.isEmpty()).isTrue();
    assertThat(blocking.isClosed()).isFalse();
    assertThat(blocking).hasToString("BlockingWorkerQueue[b, 0/5]");
  }

  @Test
  void capacitiesOutsideOneToTwoToTheThirtyAreRejectedWithTheQueueName() {
    for (int capacity : new int[] {0, -1, Integer.MIN_VALUE, (1 << 20) + 1}) {
      assertThatThrownBy(() -> BlockingWorkerQueue.create("worker input of 'square'", capacity))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "capacity of worker input of 'square' must be between 1 and 1048576 but it was "
                  + capacity);
    }
  }

  @Test
  void aNullNameIsRejected() {
    assertThatThrownBy(() -> BlockingWorkerQueue.create(null, 1))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("the name of a worker queue must not be null");
  }
}
