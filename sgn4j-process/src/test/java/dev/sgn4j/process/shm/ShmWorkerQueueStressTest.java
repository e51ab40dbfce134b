package dev.sgn4j.process.shm;

import dev.sgn4j.parallel.spi.SharedFile;
import dev.sgn4j.sharedtests.WorkerQueueStressTest;
import dev.sgn4j.worker.WorkerQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * sgn4j-core's queue stress cases on a {@link ShmWorkerQueue} split over two mappings of one file,
 * as two processes have it: random batches of blocking, timed and non-blocking calls on each side,
 * every number checked in order.
 */
final class ShmWorkerQueueStressTest extends WorkerQueueStressTest {

  private final List<SharedFile> files = new ArrayList<>();

  @TempDir Path directory;

  @Override
  @SuppressWarnings("unchecked")
  protected <T> WorkerQueue<T> create(
      String name, int capacity, Runnable afterPut, Runnable afterTake) {
    return (WorkerQueue<T>)
        ShmWorkerQueueContractTwoMappingsTest.Split.over(
            directory, files, name, capacity, afterPut, afterTake);
  }

  @AfterEach
  void closeFiles() {
    files.forEach(SharedFile::close);
  }
}
