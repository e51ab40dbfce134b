package dev.sgn4j;

/**
 * Where a {@link Run} is in its life. A run goes from {@link #STARTING} to {@link #RUNNING} (its
 * elements started), may be {@link #DRAINING} after a stop, and ends in exactly one of the four
 * final states.
 */
public enum RunState {
  /** Created; the graph is being checked and compiled and the elements started. */
  STARTING,
  /** Every element started; iterations run. */
  RUNNING,
  /** A stop (drain) was asked for: sources send EOS and the graph finishes what is in flight. */
  DRAINING,
  /** Ended because every sink reached EOS by itself. */
  COMPLETED,
  /** Ended because every sink reached EOS after a stop (a drain) was asked for. */
  STOPPED,
  /** Ended by an exception, which {@link Run#await()} throws. */
  FAILED,
  /** Ended at once by an abort; {@link Run#await()} throws {@link RunAbortedException}. */
  ABORTED;

  /**
   * Whether this is one of the four final states.
   *
   * @return true for COMPLETED, STOPPED, FAILED and ABORTED
   */
  public boolean isFinal() {
    return ordinal() >= COMPLETED.ordinal();
  }
}
