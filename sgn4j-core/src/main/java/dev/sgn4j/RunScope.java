package dev.sgn4j;

/**
 * Something a run happens inside of, such as the {@code Parallelize} scope that owns a pipeline's
 * workers: elements find it through {@link RunContext#scope(Class)} while the run is active. An
 * element that needs a scope names how to open one ({@link Element#runScopeOpener()}), and {@link
 * Pipeline#run()} opens it by itself, runs inside it and closes it.
 *
 * <pre>{@code
 * try (var scope = new Parallelize(pipeline)) {   // the long form of pipeline.run()
 *   scope.run();
 * }
 * }</pre>
 */
public interface RunScope extends AutoCloseable {

  /**
   * The pipeline this scope runs.
   *
   * @return the pipeline
   */
  Pipeline pipeline();

  /**
   * Runs the pipeline inside this scope, normally by calling {@link Pipeline#runIn(RunScope...)}
   * with itself.
   *
   * @throws PipelineException when the run fails
   */
  void run();

  /** Releases what the scope holds; never throws a checked exception. */
  @Override
  void close();

  /** Opens the scope an element needs for a pipeline. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens a scope over {@code pipeline}.
     *
     * @param pipeline the pipeline about to run
     * @return the open scope, which the caller closes
     */
    RunScope open(Pipeline pipeline);
  }
}
