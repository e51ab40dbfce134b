package dev.sgn4j.engine;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code sgn4j.Run}: one pipeline run, from its start to its end, with how many
 * iterations it ran and how it ended. Enabled by default: a recording started with {@code jcmd
 * <pid> JFR.start} or {@code -XX:StartFlightRecording} shows every run in JDK Mission Control.
 */
@Name("sgn4j.Run")
@Label("Pipeline Run")
@Category("sgn4j")
@Description("One run of an sgn4j pipeline, from start to end")
@StackTrace(false)
final class RunEvent extends jdk.jfr.Event {

  /** Outcomes of a run. */
  static final String COMPLETED = "completed";

  static final String STOPPED = "stopped";
  static final String FAILED = "failed";
  static final String ABORTED = "aborted";

  @Label("Pipeline")
  @Description("The pipeline's name (Pipeline@<identity hash> when it has none)")
  String pipeline;

  @Label("Elements")
  @Description("How many elements the pipeline has, parts of composed elements not counted")
  int elements;

  @Label("Iterations")
  @Description("How many iterations the run loop ran")
  long iterations;

  @Label("Outcome")
  @Description(
      "completed (every sink at EOS), stopped (drained after stop() or a signal), failed or aborted")
  String outcome;
}
