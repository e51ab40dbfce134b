package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.util.List;

/**
 * A sink with one pad, {@code in}, that counts the data frames (not gaps) it receives and sums
 * their {@code Long} data, marking EOS when it arrives. The totals are reset when a run starts;
 * read them after {@link dev.sgn4j.Pipeline#run()} returned, on the thread that ran it.
 */
final class SumSink extends SinkElement {

  private long count;
  private long sum;

  SumSink(String name) {
    super(name, List.of("in"));
  }

  @Override
  protected void start() {
    count = 0;
    sum = 0;
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    if (frame.isEos()) {
      markEos(pad);
    }
    if (!frame.isGap()) {
      count++;
      sum += (Long) frame.data();
    }
  }

  /** The number of data frames received in the last run. */
  long count() {
    return count;
  }

  /** The sum of the data received in the last run (wrapping like {@code long} arithmetic). */
  long sum() {
    return sum;
  }
}
