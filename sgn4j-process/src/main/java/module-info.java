/**
 * Worker processes for sgn4j's parallel elements: {@code WorkerMode.PROCESS} runs a worker in a
 * child JVM ({@code dev.sgn4j.process}), frames cross as bytes through codecs that users may add to
 * ({@code dev.sgn4j.process.codec}), over ring buffers in shared memory (an internal package).
 */
module dev.sgn4j.process {
  requires transitive dev.sgn4j.core;
  requires java.management;

  exports dev.sgn4j.process;
  exports dev.sgn4j.process.codec;

  provides dev.sgn4j.parallel.spi.WorkerLauncher with
      dev.sgn4j.process.ProcessLauncher;
  provides dev.sgn4j.parallel.spi.EncodabilityCheck with
      dev.sgn4j.process.ProcessEncodabilityCheck;
}
