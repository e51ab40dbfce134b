package dev.sgn4j.engine;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * JFR event {@code sgn4j.PadCall}: one call of an element on one pad, on the run thread (a pull, an
 * {@code internal()} step or a new frame). Off by default; when enabled without a threshold it
 * records calls that took 1 ms or more, which finds the slow element without recording every call.
 */
@Name("sgn4j.PadCall")
@Label("Pad Call")
@Category("sgn4j")
@Description("One call of an sgn4j element on one of its pads, on the run thread")
@Enabled(false)
@Threshold("1 ms")
@StackTrace(false)
final class PadCallEvent extends jdk.jfr.Event {

  @Label("Element")
  @Description("The element's name")
  String element;

  @Label("Pad")
  @Description("The pad's full name: element:snk:name, element:inl:inl or element:src:name")
  String pad;

  @Label("Iteration")
  @Description("The element's iteration the call belongs to, 1 for the first")
  long iteration;
}
