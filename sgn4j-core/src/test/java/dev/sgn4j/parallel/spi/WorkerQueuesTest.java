package dev.sgn4j.parallel.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.worker.WorkerQueue;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class WorkerQueuesTest {

  private static final List<BiFunction<String, Integer, WorkerQueue<Object>>> FACTORIES =
      List.of(
          WorkerQueues::spsc, (name, capacity) -> WorkerQueues.spsc(name, capacity, null, null));

  @Test
  void theFactoriesMakeEmptyOpenQueuesOfTheRequestedKindAndCapacity() {
    WorkerQueue<String> spsc = WorkerQueues.spsc("a", 5);
    WorkerQueue<String> withHooks = WorkerQueues.spsc("c", 5, null, null);

    assertThat(spsc).isExactlyInstanceOf(SpscWorkerQueue.class);
    assertThat(withHooks).isExactlyInstanceOf(SpscWorkerQueue.class);
    for (WorkerQueue<String> queue : List.of(spsc, withHooks)) {
      assertThat(queue.capacity()).isEqualTo(5);
      assertThat(queue.isEmpty()).isTrue();
      assertThat(queue.isClosed()).isFalse();
    }
    assertThat(spsc).hasToString("SpscWorkerQueue[a, 0/5]");
  }

  @Test
  void capacitiesOutsideOneToTwoToTheThirtyAreRejectedWithTheQueueName() {
    for (var factory : FACTORIES) {
      for (int capacity : new int[] {0, -1, Integer.MIN_VALUE, (1 << 20) + 1}) {
        assertThatThrownBy(() -> factory.apply("worker input of 'square'", capacity))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "capacity of worker input of 'square' must be between 1 and 1048576 but it was "
                    + capacity);
      }
    }
  }

  @Test
  void aNullNameIsRejected() {
    for (var factory : FACTORIES) {
      assertThatThrownBy(() -> factory.apply(null, 1))
          .isExactlyInstanceOf(NullPointerException.class)
          .hasMessage("the name of a worker queue must not be null");
    }
  }
}
