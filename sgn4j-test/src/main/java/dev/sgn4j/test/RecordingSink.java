package dev.sgn4j.test;

import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the frames of each pad up to and including its first EOS frame, and the iteration of that
 * frame; at EOS when every pad is.
 */
final class RecordingSink extends SinkElement {

  private final List<List<Frame>> frames = new ArrayList<>();
  private final long[] eosIteration;
  private final IterationLimit limit;
  private long iteration;

  RecordingSink(String name, List<String> padNames, IterationLimit limit) {
    super(name, padNames);
    setEosPolicy(EosPolicy.ALL);
    this.limit = limit;
    this.eosIteration = new long[padNames.size()];
    for (int i = 0; i < padNames.size(); i++) {
      frames.add(new ArrayList<>());
    }
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    if (pad.index() == 0) {
      limit.check(++iteration);
    }
    if (eosIteration[pad.index()] != 0) {
      return;
    }
    frames.get(pad.index()).add(frame);
    if (frame.isEos()) {
      eosIteration[pad.index()] = frames.get(pad.index()).size();
      markEos(pad);
    }
  }

  /** The frames of pad {@code index}, iteration 1 first. */
  List<Frame> frames(int index) {
    return List.copyOf(frames.get(index));
  }

  /** The iteration of the pad's first EOS frame, 0 when it saw none. */
  long eosIteration(int index) {
    return eosIteration[index];
  }
}
