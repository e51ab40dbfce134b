package dev.sgn4j.flink;

import dev.sgn4j.RunOptions;
import java.io.Serializable;

/**
 * What every task needs to know of the run, in a form that travels with the job.
 *
 * @param pipelineName the pipeline's name, for logs
 * @param runId the run's id on the client, e.g. {@code hello#1}
 * @param maxIterations the iteration limit, 0 for none
 * @param stuckAfter frames after which an element that cannot end is reported
 * @param failWhenStuck whether that fails the run instead of warning
 * @param drained whether the run was asked to stop before its job existed: then every frame of
 *     every source carries EOS, as when a local run is stopped before its first frame
 */
record RunSettings(
    String pipelineName,
    String runId,
    long maxIterations,
    long stuckAfter,
    boolean failWhenStuck,
    boolean drained)
    implements Serializable {

  static RunSettings of(String pipelineName, String runId, RunOptions options, boolean drained) {
    return new RunSettings(
        pipelineName,
        runId,
        options.iterationLimit().orElse(0),
        options.stuckFrames(),
        options.failsWhenStuck(),
        drained);
  }

  /** The options a task's detached execution runs with. */
  RunOptions options() {
    RunOptions options = RunOptions.defaults().stuckAfter(stuckAfter).failWhenStuck(failWhenStuck);
    return maxIterations > 0 ? options.maxIterations(maxIterations) : options;
  }
}
