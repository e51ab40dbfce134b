/**
 * A run's figures: per element and pad, calls, frames, gaps, EOS (with the iteration and time it
 * came), time spent (sampled), and the queue depths of parallel elements; read during or after a
 * run with {@code run.stats()}, printed as a table, served as JSON by the control server.
 *
 * <pre>{@code
 * RunStats stats = pipeline.lastRun().orElseThrow().stats();
 * System.out.println(stats.toTable());
 * }</pre>
 */
package dev.sgn4j.stats;
