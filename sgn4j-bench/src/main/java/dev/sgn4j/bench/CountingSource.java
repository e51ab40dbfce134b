package dev.sgn4j.bench;

import dev.sgn4j.Frame;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;

/**
 * A source with one pad, {@code out}, that sends the longs {@code 1..count} as data frames and then
 * {@link Frame#eos()} frames. It starts over at every run, so one pipeline can be run many times.
 */
final class CountingSource extends SourceElement {

  private final long count;
  private long sent;

  CountingSource(String name, long count) {
    super(name, List.of("out"));
    if (count <= 0) {
      throw new IllegalArgumentException(
          "CountingSource '%s': count > 0 required but it was %d".formatted(name, count));
    }
    this.count = count;
  }

  @Override
  protected void start() {
    sent = 0;
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    if (sent < count) {
      return Frame.of(++sent);
    }
    return Frame.eos();
  }
}
