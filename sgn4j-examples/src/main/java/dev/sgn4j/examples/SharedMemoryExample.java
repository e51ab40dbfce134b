package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.Parallelize;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * SGN's shared-memory example: an array of doubles shared with a worker, which changes it in place.
 *
 * <p>The Python example puts a numpy array's bytes in shared memory with {@code
 * Parallelize.to_shm("shared_array_example", array.tobytes())}, and the worker finds the segment in
 * {@code context.shared_memory} and wraps it with {@code np.frombuffer}. Here the array's bytes go
 * to {@link Parallelize#toShm(String, byte[])} inside the long form of {@code pipeline.run()}, a
 * {@code try (var scope = new Parallelize(pipeline))} block; the worker finds the segment with
 * {@code context.sharedMemory("shared_array_example")} and reads it as doubles through {@link
 * ByteBuffer#asDoubleBuffer()}, a view of the same memory, so writing to the view changes the
 * segment. It doubles every value once, on its first frame, and passes the frames on.
 *
 * <p>After the run, {@code main} reads the segment before the scope closes; closing frees it:
 *
 * <pre>
 * before: [1.0, 2.0, 3.0, 4.0]
 * after: [2.0, 4.0, 6.0, 8.0]
 * freed: true
 * </pre>
 *
 * <p>The worker is a thread ({@link WorkerMode#THREAD}), so the segment is one direct buffer of
 * this JVM. In Python, shared memory matters only for processes; in sgn4j the same code is meant to
 * share the segment with child JVMs once process mode ({@code .mode(WorkerMode.PROCESS)}) exists.
 */
public final class SharedMemoryExample {

  /** The segment's name, the one the Python example uses. */
  static final String SEGMENT = "shared_array_example";

  private SharedMemoryExample() {}

  /**
   * Shares the array, runs the pipeline, and prints the array before and after.
   *
   * @param args {@code process} to run the worker in a child JVM; a worker thread otherwise
   */
  public static void main(String[] args) {
    WorkerMode mode =
        args.length > 0 && args[0].equals("process") ? WorkerMode.PROCESS : WorkerMode.THREAD;
    double[] values = {1.0, 2.0, 3.0, 4.0};
    var source = IterSource.of("frames", "out", List.of(1, 2, 3));
    var scale =
        ParallelTransformElement.builder("scale").mode(mode).worker(DoubleInPlace.class).build();
    var sink = new NullSink("sink", List.of("in"));
    var pipeline = new Pipeline().connect(source, scale).connect(scale, sink);

    System.out.println("worker mode: " + mode);
    System.out.println("before: " + Arrays.toString(values));
    SharedMemory segment;
    try (var scope = new Parallelize(pipeline)) {
      segment = scope.toShm(SEGMENT, toBytes(values));
      scope.run();
      System.out.println("after: " + Arrays.toString(toDoubles(segment.buffer())));
    }
    System.out.println("freed: " + segment.isFreed());
  }

  private static byte[] toBytes(double[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);
    bytes.asDoubleBuffer().put(values);
    return bytes.array();
  }

  private static double[] toDoubles(ByteBuffer bytes) {
    DoubleBuffer doubles = bytes.asDoubleBuffer();
    double[] values = new double[doubles.remaining()];
    doubles.get(values);
    return values;
  }

  /**
   * The worker: on its first frame, multiplies every value of the shared array by 2 in place;
   * passes every frame on unchanged, EOS included.
   */
  public static final class DoubleInPlace implements WorkerLogic {

    /** Called by the worker when it starts. */
    public DoubleInPlace() {}

    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        if (context.state().putIfAbsent("doubled", true) == null) {
          DoubleBuffer array = context.sharedMemory(SEGMENT).buffer().asDoubleBuffer();
          for (int i = 0; i < array.limit(); i++) {
            array.put(i, array.get(i) * 2);
          }
        }
        context.output().put(frame);
      }
    }
  }
}
