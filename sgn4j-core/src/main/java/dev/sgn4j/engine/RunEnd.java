package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.SinkElement;
import java.util.Arrays;

/**
 * When a run may end, and how far each sink may go before it does: SGN's rule that a run ends after
 * the iteration in which the last sink reached EOS, kept when elements are out of step.
 *
 * <p>In SGN's lock-step loop every sink completes the same iterations, and the run ends after
 * iteration N, the first in which every sink is at EOS: N is the largest of the sinks' EOS
 * iterations, and every sink, also one that reached EOS earlier, completes all N. Around parallel
 * elements sinks are out of step: one may have completed iteration 6 while another still waits for
 * a worker's frame of iteration 4. The run then ends only when every sink completed N whole
 * iterations (every pull, then {@code internal()}) and every sink {@linkplain SinkElement#drained()
 * finished its own work}; and a sink already at EOS starts another iteration only once some sink
 * shows that the run needs it, so no sink runs past N. Every sink thus sees exactly the frames of
 * the lock-step run.
 *
 * <p>A sink's EOS iteration is read at iteration boundaries: the first boundary at which {@link
 * SinkElement#atEos()} is true. Used on the run thread only.
 */
final class RunEnd {

  private final Execution execution;
  private final SinkElement[] sinks;
  private final Stage[] stages;

  /** Per sink, the iterations it had completed when it was first seen at EOS; -1 until then. */
  private final long[] eosAt;

  /**
   * @param sinks the pipeline's sinks
   * @param stages their stages, in the same order
   */
  RunEnd(Execution execution, SinkElement[] sinks, Stage[] stages) {
    this.execution = execution;
    this.sinks = sinks;
    this.stages = stages;
    this.eosAt = new long[sinks.length];
    Arrays.fill(eosAt, -1L);
    for (int i = 0; i < stages.length; i++) {
      stages[i].sinkIndex = i;
    }
  }

  /**
   * Whether the run is over: every sink at EOS, every sink through the same last iteration, at an
   * iteration boundary, and done with its own work.
   */
  boolean finished() {
    long last = 0;
    boolean everySinkAtEos = true;
    for (int i = 0; i < sinks.length; i++) {
      long at = eosAt[i];
      if (at < 0) {
        Stage stage = stages[i];
        if (stage.pc != 0 || !sinks[i].atEos()) {
          // Look at the other sinks still: each one's EOS iteration is a figure of its own.
          everySinkAtEos = false;
          continue;
        }
        at = reachedEos(i);
      }
      last = Math.max(last, at);
    }
    if (!everySinkAtEos) {
      return false;
    }
    for (int i = 0; i < sinks.length; i++) {
      Stage stage = stages[i];
      if (stage.pc != 0 || stage.iterations != last || !execution.drained(sinks[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the sink of {@code stage} may start its next iteration: always while it is not at EOS;
   * once it is, only if the run is known to need that iteration (some sink is not at EOS after as
   * many iterations, or reached EOS later). Called at the sink's iteration boundary.
   */
  boolean mayStart(Stage stage) {
    int i = stage.sinkIndex;
    if (eosAt[i] < 0) {
      if (!sinks[i].atEos()) {
        return true;
      }
      reachedEos(i);
    }
    long next = stage.iterations + 1;
    for (int j = 0; j < sinks.length; j++) {
      if (leastIterations(j) >= next) {
        return true;
      }
    }
    return false;
  }

  /** Records that sink {@code i} is at EOS after its completed iterations; returns them. */
  private long reachedEos(int i) {
    Stage stage = stages[i];
    eosAt[i] = stage.iterations;
    stage.markEos(stage.iterations);
    return eosAt[i];
  }

  /** The fewest iterations the run takes, as far as sink {@code j} shows it. */
  private long leastIterations(int j) {
    if (eosAt[j] >= 0) {
      return eosAt[j];
    }
    Stage stage = stages[j];
    if (stage.pc == 0 && sinks[j].atEos()) {
      return reachedEos(j);
    }
    // Not at EOS after its completed iterations, so it reaches EOS in a later one.
    return stage.iterations + 1;
  }
}
