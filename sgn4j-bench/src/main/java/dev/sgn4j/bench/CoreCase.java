package dev.sgn4j.bench;

/**
 * The {@code core}, {@code thread} and {@code pool} cases: one {@link CorePipeline}, source to
 * doubling transform to sink, timed around {@link dev.sgn4j.Pipeline#run()} only. The run loop runs
 * on the calling thread; in {@code thread} and {@code pool} the doubling runs in worker threads.
 */
final class CoreCase implements BenchCase {

  private final String name;
  private final CorePipeline.Doubling doubling;

  /**
   * A core case.
   *
   * @param name the case name on the command line
   * @param doubling how the doubling transform is written
   */
  CoreCase(String name, CorePipeline.Doubling doubling) {
    this.name = name;
    this.doubling = doubling;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result run(long frames) {
    CorePipeline pipeline = CorePipeline.build(frames, doubling);
    Result result = Result.measure(frames, pipeline::run);
    pipeline.check();
    return result;
  }
}
