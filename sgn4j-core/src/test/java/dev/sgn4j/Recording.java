package dev.sgn4j;

import java.util.ArrayList;
import java.util.List;

/** Elements that record every callback into a shared log, for order and lifecycle tests. */
final class Recording {

  final List<String> log = new ArrayList<>();

  /** A source that sends 1, 2, ... on each pad and EOS once {@code frames} were sent. */
  Source source(String name, int frames, String... pads) {
    return new Source(name, frames, List.of(pads));
  }

  Transform transform(String name, List<String> sinks, List<String> sources) {
    return new Transform(name, sinks, sources);
  }

  Sink sink(String name, String... pads) {
    return new Sink(name, List.of(pads));
  }

  final class Source extends SourceElement {
    private final int frames;
    private int iteration;

    Source(String name, int frames, List<String> pads) {
      super(name, pads);
      this.frames = frames;
    }

    @Override
    protected void internal() {
      iteration++;
      log.add(name() + ".internal");
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      log.add(name() + ".new(" + pad.shortName() + ")");
      return iteration > frames ? Frame.eos() : Frame.of(iteration);
    }

    @Override
    protected void start() {
      log.add(name() + ".start");
    }

    @Override
    protected void stop() {
      log.add(name() + ".stop");
    }
  }

  final class Transform extends TransformElement {
    private final List<Frame> inputs = new ArrayList<>();

    Transform(String name, List<String> sinks, List<String> sources) {
      super(name, sinks, sources);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      log.add(name() + ".pull(" + pad.shortName() + ")");
      inputs.add(frame);
    }

    @Override
    protected void internal() {
      log.add(name() + ".internal");
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      log.add(name() + ".new(" + pad.shortName() + ")");
      Frame first = inputs.get(inputs.size() - sinkPads().size());
      return first;
    }

    @Override
    protected void start() {
      log.add(name() + ".start");
    }

    @Override
    protected void stop() {
      log.add(name() + ".stop");
    }
  }

  final class Sink extends SinkElement {
    final List<Frame> received = new ArrayList<>();

    Sink(String name, List<String> pads) {
      super(name, pads);
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      log.add(name() + ".pull(" + pad.shortName() + ")");
      received.add(frame);
      if (frame.isEos()) {
        markEos(pad);
      }
    }

    @Override
    protected void internal() {
      log.add(name() + ".internal");
    }

    @Override
    protected void start() {
      log.add(name() + ".start");
    }

    @Override
    protected void stop() {
      log.add(name() + ".stop");
    }
  }
}
