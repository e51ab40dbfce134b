package dev.sgn4j.engine;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * JFR event {@code sgn4j.Iteration}: one iteration of a pipeline's run loop. Off by default, since
 * a pipeline may run millions of iterations a second; when enabled without a threshold it records
 * iterations that took 1 ms or more. Enable it with a JFC file or {@code
 * recording.enable("sgn4j.Iteration").withThreshold(Duration.ZERO)} to see every iteration.
 */
@Name("sgn4j.Iteration")
@Label("Pipeline Iteration")
@Category("sgn4j")
@Description("One iteration of an sgn4j pipeline: every pad called once")
@Enabled(false)
@Threshold("1 ms")
@StackTrace(false)
final class IterationEvent extends jdk.jfr.Event {

  @Label("Pipeline")
  @Description("The pipeline's name (Pipeline@<identity hash> when it has none)")
  String pipeline;

  @Label("Iteration")
  @Description("The iteration number, 1 for the first")
  long iteration;
}
