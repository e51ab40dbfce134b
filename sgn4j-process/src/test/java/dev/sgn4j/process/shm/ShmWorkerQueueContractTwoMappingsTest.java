package dev.sgn4j.process.shm;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.process.codec.ValueTestCodec;
import dev.sgn4j.worker.WorkerQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a queue split as two processes split it: the producer side's {@link
 * ShmWorkerQueue} over one mapping of a file, the consumer side's over another mapping, each with
 * its own {@link RingBuffer}. Only the ring's shared memory connects them.
 */
final class ShmWorkerQueueContractTwoMappingsTest extends ShmWorkerQueueContractTest {

  @TempDir Path directory;

  private final List<SharedFile> files = new ArrayList<>();

  @AfterEach
  void closeFiles() {
    files.forEach(SharedFile::close);
  }

  @Override
  WorkerQueue<Object> createQueue(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return Split.over(directory, files, name, capacity, afterPut, afterTake);
  }

  /** Puts through one queue, takes through the other; the rest from the consumer's side. */
  record Split(ShmWorkerQueue producer, ShmWorkerQueue consumer) implements WorkerQueue<Object> {

    /** Two mappings of a new file in {@code directory}, added to {@code files} to close. */
    static Split over(
        Path directory,
        List<SharedFile> files,
        String name,
        int capacity,
        Runnable afterPut,
        Runnable afterTake) {
      SharedFile file = SharedFile.create(directory, "split", RingBuffer.regionBytes(4096));
      SharedFile other = SharedFile.open(file.path());
      files.add(file);
      files.add(other);
      ValueTestCodec codec = new ValueTestCodec();
      ShmWorkerQueue producer =
          new ShmWorkerQueue(
              name, RingBuffer.create(file.buffer(), 0, 4096, capacity), codec, afterPut, null);
      ShmWorkerQueue consumer =
          new ShmWorkerQueue(name, RingBuffer.open(other.buffer(), 0), codec, null, afterTake);
      return new Split(producer, consumer);
    }

    @Override
    public void put(Object item) throws InterruptedException {
      producer.put(item);
    }

    @Override
    public boolean put(Object item, Duration timeout) throws InterruptedException {
      return producer.put(item, timeout);
    }

    @Override
    public boolean offer(Object item) {
      return producer.offer(item);
    }

    @Override
    public Object take() throws InterruptedException {
      return consumer.take();
    }

    @Override
    public Object poll() {
      return consumer.poll();
    }

    @Override
    public Object poll(Duration timeout) throws InterruptedException {
      return consumer.poll(timeout);
    }

    @Override
    public boolean isEmpty() {
      return consumer.isEmpty();
    }

    @Override
    public int size() {
      return producer.size();
    }

    @Override
    public int capacity() {
      return consumer.capacity();
    }

    @Override
    public void close() {
      producer.close(); // seen by the consumer's side through the shared header
    }

    @Override
    public boolean isClosed() {
      return consumer.isClosed();
    }
  }
}
