/**
 * For code that runs workers somewhere else (sgn4j-process's launcher) or hands items between
 * threads as parallel elements do: the {@link dev.sgn4j.parallel.spi.WorkerLauncher} and {@link
 * dev.sgn4j.parallel.spi.EncodabilityCheck} services, the single-producer/single-consumer queues
 * ({@link dev.sgn4j.parallel.spi.WorkerQueues}, {@link dev.sgn4j.parallel.spi.BatchingQueue}), and
 * shared files. Pipelines do not need it.
 */
package dev.sgn4j.parallel.spi;
