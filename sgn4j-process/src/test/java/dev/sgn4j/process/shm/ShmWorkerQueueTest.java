package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.process.codec.BytesTestCodec;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.sharedtests.QueueTestThreads;
import dev.sgn4j.worker.QueueClosedException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What the shared-memory queue adds to the contract: byte bounds, sizes, hints, decode errors. */
final class ShmWorkerQueueTest {

  static final String NAME = "worker input of 'square'";

  private final QueueTestThreads threads = new QueueTestThreads();
  private final AtomicInteger takes = new AtomicInteger();

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  private ShmWorkerQueue bytesQueue(int dataBytes, int capacity) {
    return new ShmWorkerQueue(
        NAME,
        RingBufferTest.ring(dataBytes, capacity),
        new BytesTestCodec(),
        null,
        takes::incrementAndGet);
  }

  @Test
  void theQueueIsBoundedByBytesAsWellAsByItems() throws InterruptedException {
    ShmWorkerQueue queue = bytesQueue(4096, 100);
    assertThat(queue.offer(new byte[2044])).isTrue(); // 2048 bytes
    assertThat(queue.offer(new byte[2044])).isTrue();
    assertThat(queue.offer(new byte[0])).isFalse();
    assertThat(queue.put(new byte[0], Duration.ofMillis(1))).isFalse();
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.capacity()).isEqualTo(100);
    assertThat(queue)
        .hasToString("ShmWorkerQueue[worker input of 'square', 2/100 items, 4096/4096 bytes]");

    assertThat((byte[]) queue.take()).hasSize(2044);
    assertThat(queue.offer(new byte[0])).isTrue();
  }

  @Test
  void anItemLargerThanTheRingFailsAtOnceNamingTheQueueTheTypeAndBothSizes() {
    ShmWorkerQueue queue = bytesQueue(4096, 4);
    String message =
        "worker input of 'square' cannot take a byte[]: an item of 5000 bytes does not fit in a ring"
            + " of 4096 data bytes (at most 4092 bytes per item): raise the element's queueBytes,"
            + " or pass large payloads through shared memory (toShm)";

    assertThatThrownBy(() -> queue.offer(new byte[5000]))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> queue.put(new byte[5000]))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> queue.put(new byte[5000], Duration.ofSeconds(1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.offer(new byte[4092])).isTrue();
  }

  @Test
  void anItemTheCodecRejectsFailsWithTheCodecsMessageAndChangesNothing() {
    ShmWorkerQueue queue = bytesQueue(4096, 4);
    assertThatThrownBy(() -> queue.offer("text"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("BytesTestCodec encodes byte[] only, not text");
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void anItemThatCannotBeDecodedIsRemovedAndTheErrorPropagatesWithoutTheHook() {
    ItemCodec failing =
        new ItemCodec() {
          final BytesTestCodec bytes = new BytesTestCodec();

          @Override
          public Encoded encode(Object item) {
            return bytes.encode(item);
          }

          @Override
          public Object decode(ByteBuffer record) {
            if (record.remaining() == 1) {
              throw new IllegalArgumentException("cannot decode a 1-byte record");
            }
            return bytes.decode(record);
          }
        };
    ShmWorkerQueue queue =
        new ShmWorkerQueue(
            NAME, RingBufferTest.ring(4096, 4), failing, null, takes::incrementAndGet);
    queue.offer(new byte[1]);
    queue.offer(new byte[2]);

    assertThatThrownBy(queue::poll)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot decode a 1-byte record");
    assertThat(takes).hasValue(0);
    assertThat((byte[]) queue.poll()).hasSize(2);
    assertThat(takes).hasValue(1);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void closingFromTheConsumersSideMakesTheProducersPutsThrow() {
    RingBuffer producerRing = RingBufferTest.ring(4096, 4);
    ShmWorkerQueue producer =
        new ShmWorkerQueue(NAME, producerRing, new BytesTestCodec(), null, null);
    producer.offer(new byte[3]);
    ShmWorkerQueue consumer =
        new ShmWorkerQueue(NAME, producerRing, new BytesTestCodec(), null, null);
    consumer.close();

    assertThatThrownBy(() -> producer.offer(new byte[1]))
        .isExactlyInstanceOf(QueueClosedException.class)
        .hasMessage("worker input of 'square' is closed");
    assertThat(producer.isClosed()).isTrue();
    assertThat((byte[]) consumer.poll()).hasSize(3);
    assertThatThrownBy(consumer::take).isExactlyInstanceOf(QueueClosedException.class);
  }

  @RepeatedTest(10)
  void aWaitingConsumerSetsItsHintUntilItGetsAnItem() throws Exception {
    ShmWorkerQueue queue = bytesQueue(4096, 4);
    var take = threads.start("taker", queue::take).awaitParked();
    assertThat(queue.ring().isConsumerWaiting()).isTrue();
    assertThat(queue)
        .hasToString(
            "ShmWorkerQueue[worker input of 'square', 0/4 items, 0/4096 bytes, consumer waiting]");
    queue.put(new byte[] {7});
    assertThat((byte[]) take.result()).containsExactly(7);
    assertThat(queue.ring().isConsumerWaiting()).isFalse();
  }

  @RepeatedTest(10)
  void aWaitingProducerSetsItsHintUntilThereIsRoom() throws Exception {
    ShmWorkerQueue queue = bytesQueue(4096, 1);
    queue.put(new byte[] {1});
    var put =
        threads
            .start(
                "putter",
                () -> {
                  queue.put(new byte[] {2});
                  return "added";
                })
            .awaitParked();
    assertThat(queue.ring().isProducerWaiting()).isTrue();
    assertThat((byte[]) queue.take()).containsExactly(1);
    assertThat(put.result()).isEqualTo("added");
    assertThat(queue.ring().isProducerWaiting()).isFalse();
    assertThat((byte[]) queue.take()).containsExactly(2);
  }

  @Test
  void nullArgumentsOfTheConstructorAreNamed() {
    RingBuffer ring = RingBufferTest.ring(4096, 1);
    BytesTestCodec codec = new BytesTestCodec();
    assertThatThrownBy(() -> new ShmWorkerQueue(null, ring, codec, null, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("the name of a worker queue must not be null");
    assertThatThrownBy(() -> new ShmWorkerQueue(NAME, null, codec, null, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("ring of worker input of 'square' must not be null");
    assertThatThrownBy(() -> new ShmWorkerQueue(NAME, ring, null, null, null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("codec of worker input of 'square' must not be null");
  }
}
