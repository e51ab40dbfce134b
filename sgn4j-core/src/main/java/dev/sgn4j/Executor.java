package dev.sgn4j;

/**
 * Executes a run: takes the graph of one {@link Execution}, runs its iterations and its elements'
 * hooks, and returns when the run is over. sgn4j's engine brings the lock-step loop (the default);
 * other executors (the pipelined scheduler, the Flink runner of {@code sgn4j-flink}) plug in here.
 * This is a service-provider interface: users choose an executor, they do not call one.
 *
 * <p>Every executor keeps the same contract, so a pipeline gives the same result whichever runs it:
 *
 * <ul>
 *   <li><b>Iteration alignment.</b> The k-th frame on every pad belongs to iteration k; an element
 *       runs iteration k (each pull, then {@code internal()}, then each source pad's frame) only
 *       when every sink pad has its frame of iteration k, so a multi-input element pairs frames of
 *       one iteration. Every pad sees the frames of SGN's lock-step loop, in the same order; side
 *       effects of different elements may interleave differently.
 *   <li><b>End of stream.</b> The run ends after the iteration in which the last sink reached EOS
 *       ({@link SinkElement#atEos()}, read between iterations), once every sink completed that
 *       iteration and is {@linkplain SinkElement#drained() drained}; no sink runs past it. Elements
 *       at EOS keep being called until then. After {@link RunContext#requestStop() a stop}, every
 *       frame of every source that {@linkplain SourceElement#endsOnDrain() ends on drain} carries
 *       EOS.
 *   <li><b>Hooks and threads.</b> Before the first iteration every element is {@linkplain
 *       Execution#prepare prepared}, then started, sinks first; after the last, every started
 *       element is stopped, sources first, also when the run fails or is aborted; hooks run on the
 *       thread that called {@link #execute}. Pad calls may run on other threads, but the calls of
 *       one element never overlap, and each sees what the element's earlier calls and hooks did
 *       (they happen before it). A thread that made an {@linkplain Execution#asynchronous
 *       asynchronous} element's pad calls {@linkplain Execution#flush flushes} it before it waits
 *       for work or turns to other elements for a while, so frames the element holds back to hand
 *       over in a batch never wait on it; the element's "asked again with nothing sent" readiness
 *       check covers a loop that never waits.
 *   <li><b>Errors.</b> An exception from an element, or one passed to {@link
 *       RunContext#fail(PipelineException)}, ends the run: every started element is stopped, then
 *       the run ends with one {@link PipelineException} naming the element, the pad (or hook) and
 *       the iteration, with the element's exception, unchanged, as its cause; exceptions from
 *       {@code stop()} are added to it as suppressed.
 *   <li><b>Stop and abort.</b> {@link Execution#checkpoint(long)} throws once the run is aborted or
 *       failed; executors call it at least once per iteration and before and after every wait, and
 *       never wait without a deadline.
 *   <li><b>Statistics.</b> An executor {@linkplain Execution#publishStats publishes} where its
 *       figures come from, so {@link Run#stats()} reads them during and after the run.
 * </ul>
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} ({@code provides
 * dev.sgn4j.Executor}) and told apart by {@link #name()}; one instance serves any number of runs,
 * one {@link #execute} call per run, possibly at the same time.
 */
public interface Executor {

  /**
   * The executor's name, such as {@code lock-step}.
   *
   * @return a short lower-case name
   */
  String name();

  /**
   * Runs {@code execution} on the calling thread until it ends (see the class comment). Returns
   * normally when every sink reached EOS.
   *
   * @param execution the run, and the only way to call its elements' hooks
   * @throws PipelineException when an element failed
   * @throws RunAbortedException when the run was aborted
   */
  void execute(Execution execution);
}
