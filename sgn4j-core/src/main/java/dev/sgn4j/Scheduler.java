package dev.sgn4j;

/**
 * How a run's iterations are executed. Both give every pad the frames of SGN's lock-step loop, in
 * the same order; they differ in which threads call the elements and how many cores a run uses.
 *
 * <pre>{@code
 * pipeline.scheduler(Scheduler.PIPELINED).run();       // every run of this pipeline
 * pipeline.start(RunOptions.defaults().scheduler(Scheduler.PIPELINED).threads(4)).await();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #LOCK_STEP} — SGN's loop on the thread that runs the pipeline: one element at a
 *       time, one core (plus the workers of parallel elements). The default.
 *   <li>{@link #PIPELINED} — every element is a task that runs when its inputs are there and its
 *       outputs have room, on a pool of threads (one per core unless {@link
 *       RunOptions#threads(int)} says otherwise), so a chain of heavy elements keeps every core
 *       busy: while one element works on iteration k, the next works on iteration k-1. One element
 *       never runs on two threads at once, and the threads it runs on see everything its previous
 *       calls did. Elements may run ahead of their consumers by the link capacity ({@link
 *       RunOptions#linkCapacity(int)}).
 * </ul>
 *
 * <p>Under {@link #PIPELINED}, side effects of <em>different</em> elements may interleave
 * differently than under the loop (two sinks printing, for example), and an element that is still
 * streaming when a sink ends the run may have been called for a few iterations past the run's last
 * one (at most the link capacity times its distance to a sink); their frames reach no sink. {@code
 * start()} and {@code stop()} hooks run on the thread that runs the pipeline, pad calls on the
 * pool's threads.
 */
public enum Scheduler {

  /** SGN's lock-step loop on the run thread. */
  LOCK_STEP("lock-step"),

  /** Elements as tasks on a pool of threads, pipelined. */
  PIPELINED("pipelined");

  private final String executorName;

  Scheduler(String executorName) {
    this.executorName = executorName;
  }

  /**
   * The name of the {@link Executor} that implements this scheduler.
   *
   * @return e.g. {@code lock-step}
   */
  public String executorName() {
    return executorName;
  }

  /**
   * The scheduler called {@code name}, as on the command line: {@code lock-step} or {@code
   * pipelined} (case and {@code _}/{@code -} do not matter).
   *
   * @param name the name
   * @return the scheduler
   * @throws IllegalArgumentException naming the schedulers there are
   */
  public static Scheduler named(String name) {
    String wanted = name.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    for (Scheduler scheduler : values()) {
      if (scheduler.executorName.equals(wanted)) {
        return scheduler;
      }
    }
    throw new IllegalArgumentException(
        "unknown scheduler '" + name + "'; use lock-step or pipelined");
  }
}
