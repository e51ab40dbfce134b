package dev.sgn4j.test;

import dev.sgn4j.Frame;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.List;
import java.util.Map;

/**
 * Sends each pad's scripted frames, one per iteration, then EOS frames; counts iterations and
 * aborts the run past the tester's limit.
 */
final class ScriptSource extends SourceElement {

  private final Map<String, List<Frame>> scripts;
  private final IterationLimit limit;
  private final int[] sent;
  private long iteration;

  ScriptSource(String name, Map<String, List<Frame>> scripts, IterationLimit limit) {
    super(name, List.copyOf(scripts.keySet()));
    this.scripts = scripts;
    this.limit = limit;
    this.sent = new int[scripts.size()];
  }

  @Override
  protected void internal() {
    limit.check(++iteration);
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    List<Frame> script = scripts.get(pad.shortName());
    int index = sent[pad.index()]++;
    return index < script.size() ? script.get(index) : Frame.eos();
  }
}
