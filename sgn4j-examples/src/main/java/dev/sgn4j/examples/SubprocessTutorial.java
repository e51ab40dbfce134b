package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.ParallelSinkElement;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import java.time.Duration;
import java.util.List;

/**
 * SGN's subprocess tutorial: numbers are squared in a worker and logged by another worker.
 *
 * <p>The pipeline is the tutorial's: {@code NumberSourceElement} sends 1 to 10, the tenth frame
 * carrying EOS; {@code ProcessingTransformElement} squares each number in its worker; {@code
 * LoggingSinkElement} logs each frame in its own worker. Where the Python tutorial subclasses
 * {@code ParallelizeTransformElement} and writes {@code pull}, {@code new} and {@code
 * worker_process} by hand (queues, EOS bookkeeping and {@code sub_process_shutdown} included), here
 * the element is built and only the worker code is written:
 *
 * <ul>
 *   <li>{@link Square} is the tutorial's {@code worker_process}: a {@link WorkerLogic} class the
 *       framework calls in a loop; each call takes one frame from {@code context.input()} (the
 *       tutorial's {@code input_queue.get(timeout=0.1)}), squares it and puts it on {@code
 *       context.output()}. EOS travels on as a flag of the frame, so the worker finishes what is
 *       queued and ends by itself; no {@code sub_process_shutdown} is needed.
 *   <li>The logging sink is a function given to {@code consume}; it runs on the sink's worker
 *       thread.
 *   <li>{@code pipeline.run()} opens the {@code Parallelize} scope by itself (the tutorial's {@code
 *       with Parallelize(pipeline)}), starts the workers, and joins them when the run ends.
 * </ul>
 *
 * <p>Only the sink prints: two workers printing at the same time would interleave their lines
 * differently from run to run. The output is always:
 *
 * <pre>
 * Sink received on in: 1
 * Sink received on in: 4
 * ...
 * Sink received on in: 100
 * Sink received EOS on in
 * Pipeline finished: 10 squares
 * </pre>
 *
 * <p>The tutorial runs its transform in a child process. Here both workers are threads, the default
 * {@link dev.sgn4j.worker.WorkerMode#THREAD}; once the sgn4j-process module exists, putting the
 * squares in a child JVM needs only {@code .mode(WorkerMode.PROCESS)} on the transform's builder,
 * which is why the worker is a public class with a public no-argument constructor.
 */
public final class SubprocessTutorial {

  private SubprocessTutorial() {}

  /**
   * Builds and runs the pipeline, then says how many squares came out.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    var source = new NumberSource(10);
    var square = ParallelTransformElement.builder("square").worker(Square.class).build();
    var log =
        ParallelSinkElement.builder("log")
            .consume(
                (pad, frame) -> {
                  if (!frame.isGap()) {
                    System.out.println("Sink received on " + pad + ": " + frame.data());
                  }
                  if (frame.isEos()) {
                    System.out.println("Sink received EOS on " + pad);
                  }
                })
            .build();

    new Pipeline().connect(source, square).connect(square, log).run();
    System.out.println("Pipeline finished: " + square.framesOut() + " squares");
  }

  /**
   * The transform's worker code (the tutorial's {@code worker_process}): squares the number in each
   * frame and passes the frame on, EOS flag included. Public with a public no-argument constructor,
   * because each worker creates its own instance.
   */
  public static final class Square implements WorkerLogic {

    /** Called by each worker when it starts; keeps no state. */
    public Square() {}

    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item instanceof Frame frame) {
        context.output().put(frame.isGap() ? frame : frame.withData(square(frame)));
      }
    }

    private static int square(Frame frame) {
      int n = frame.dataAs(Integer.class);
      return n * n;
    }
  }

  /** Sends 1 to {@code last}, the last number with EOS, then only EOS frames. */
  private static final class NumberSource extends SourceElement {
    private final int last;
    private int sent;

    NumberSource(int last) {
      super("numbers", List.of("out"));
      this.last = last;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (sent == last) {
        return Frame.eos();
      }
      sent++;
      return Frame.of(sent).withEos(sent == last);
    }
  }
}
