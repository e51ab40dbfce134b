/**
 * sgn4j's core: SGN's streaming graphs for the JVM. Build a {@link dev.sgn4j.Pipeline} of sources,
 * transforms and sinks joined through named pads ({@code dev.sgn4j}), from the built-in elements
 * ({@code dev.sgn4j.elements}) or your own, and run it until end of stream; read its figures
 * ({@code dev.sgn4j.stats}) and draw its graph ({@code dev.sgn4j.graph}). Any element can do its
 * work in worker threads ({@code dev.sgn4j.parallel}, with the worker side in {@code
 * dev.sgn4j.worker}); worker processes plug in through {@code dev.sgn4j.parallel.spi}. {@code
 * dev.sgn4j.concurrent} holds how sgn4j's threads wait.
 *
 * <p>The engine that runs pipelines ({@code dev.sgn4j.engine}) is not exported: it is reached
 * through {@link dev.sgn4j.Executor}. Elements with {@code @WorkerParameter} fields are read
 * reflectively: a module declaring such elements opens their package to this one.
 */
@SuppressWarnings("module") // the qualified export names dev.sgn4j.process, built after this module
module dev.sgn4j.core {
  requires java.logging;
  requires java.management;
  requires jdk.management;
  requires jdk.jfr;
  requires jdk.unsupported;

  exports dev.sgn4j;
  exports dev.sgn4j.concurrent;
  exports dev.sgn4j.elements;
  exports dev.sgn4j.stats;
  exports dev.sgn4j.graph;
  exports dev.sgn4j.worker;
  exports dev.sgn4j.parallel;
  exports dev.sgn4j.parallel.spi;
  exports dev.sgn4j.signals to
      dev.sgn4j.process;

  uses dev.sgn4j.Executor;
  uses dev.sgn4j.parallel.spi.WorkerLauncher;
  uses dev.sgn4j.parallel.spi.EncodabilityCheck;

  provides dev.sgn4j.Executor with
      dev.sgn4j.engine.LockStepExecutor,
      dev.sgn4j.engine.PipelinedExecutor;
}
