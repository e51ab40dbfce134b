package dev.sgn4j.flink;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.worker.FrameMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Elements of the Flink tests: every one travels (all fields serializable). */
final class TestElements {

  private TestElements() {}

  /** A data specification of the tests. */
  record Unit(String name) implements DataSpec, java.io.Serializable {}

  /**
   * Sends 1, 2, ... {@code count} (as longs) on each pad, then EOS frames; every {@code
   * gapEvery}-th frame is a gap (0: none); with {@code eosWithData} the last number carries EOS
   * itself.
   */
  static final class Numbers extends SourceElement {
    private final long[] counts;
    private final long[] sent;
    private final int gapEvery;
    private final boolean eosWithData;

    Numbers(String name, List<String> pads, long[] counts, int gapEvery, boolean eosWithData) {
      super(name, pads);
      this.counts = counts.clone();
      this.sent = new long[counts.length];
      this.gapEvery = gapEvery;
      this.eosWithData = eosWithData;
    }

    static Numbers of(String name, long count) {
      return new Numbers(name, List.of("out"), new long[] {count}, 0, false);
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      int i = pad.index();
      if (sent[i] >= counts[i]) {
        return Frame.eos();
      }
      long n = ++sent[i];
      if (gapEvery > 0 && n % gapEvery == 0) {
        return Frame.gap();
      }
      Frame frame = Frame.of(n);
      return eosWithData && n == counts[i] ? frame.withEos(true) : frame;
    }
  }

  /**
   * Sends 1, 2, 3, ... at most one frame a millisecond, like a live instrument, and never ends by
   * itself (paced, so that a collecting sink holds thousands of frames when the test stops it, not
   * millions).
   */
  static final class Endless extends SourceElement {
    private long sent;

    Endless(String name) {
      super(name, List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      return Frame.of(++sent);
    }
  }

  /** Sends frames with the data specification {@code Unit("m")}, then one with {@code "s"}. */
  static final class SpecChanger extends SourceElement {
    private long sent;

    SpecChanger(String name) {
      super(name, List.of("out"));
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      sent++;
      return Frame.of(sent).withSpec(new Unit(sent < 3 ? "m" : "s"));
    }
  }

  /** out = a + b (longs); EOS when any input is EOS, a gap when any input is a gap. */
  static final class Adder extends TransformElement {
    private final Frame[] in = new Frame[2];

    Adder(String name) {
      super(name, List.of("a", "b"), List.of("out"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      in[pad.index()] = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      boolean eos = in[0].isEos() || in[1].isEos();
      if (in[0].isGap() || in[1].isGap()) {
        return Frame.gap().withEos(eos);
      }
      return Frame.of((long) in[0].data() + (long) in[1].data()).withEos(eos);
    }
  }

  /** Passes frames on, and throws in iteration {@code failAt}. */
  static final class Failing extends TransformElement {
    private final long failAt;
    private long iteration;
    private Frame last;

    Failing(String name, long failAt) {
      super(name, List.of("in"), List.of("out"));
      this.failAt = failAt;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (++iteration == failAt) {
        throw new IllegalStateException("no frame " + frame.data() + " today");
      }
      last = frame;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      return last;
    }
  }

  /** A sink that writes a file named after it when it stops: where a test sees stop() ran. */
  static final class StopMarker extends SinkElement {
    private final String directory;

    StopMarker(String name, Path directory) {
      super(name, List.of("in"));
      this.directory = directory.toString();
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
    }

    @Override
    protected void stop() {
      try {
        Files.writeString(Path.of(directory, name() + ".stopped"), "stopped");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Checks that frame k carries 3k (2k through the parallel branch, k direct), and counts. */
  static final class TripleCheck extends SinkElement {
    long frames;
    final List<String> wrong = new ArrayList<>();

    TripleCheck(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
        return;
      }
      frames++;
      if ((long) frame.data() != 3 * frames && wrong.size() < 10) {
        wrong.add("frame " + frames + ": " + frame.data());
      }
    }
  }

  /** Doubles a long, slowly (a busy loop standing for real work). */
  public static final class SlowDouble implements FrameMap {
    /** Created by name where it runs. */
    public SlowDouble() {}

    @Override
    public Frame apply(Frame frame) {
      long x = (long) frame.data();
      long h = x;
      for (int i = 0; i < 2_000; i++) {
        h = h * 31 + i;
      }
      return Frame.of(2 * x + (h == 42 ? 1 : 0));
    }
  }

  /** Sends {@code count} frames of 1 MiB, frame k filled with the byte k. */
  static final class Megabytes extends SourceElement {
    private final int count;
    private int sent;

    Megabytes(String name, int count) {
      super(name, List.of("out"));
      this.count = count;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      if (sent == count) {
        return Frame.eos();
      }
      byte[] bytes = new byte[1 << 20];
      java.util.Arrays.fill(bytes, (byte) ++sent);
      return Frame.of(bytes);
    }
  }

  /** Adds 1 to every byte. */
  public static final class PlusOne implements FrameMap {
    /** Created by name where it runs. */
    public PlusOne() {}

    @Override
    public Frame apply(Frame frame) {
      byte[] in = (byte[]) frame.data();
      byte[] out = new byte[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = (byte) (in[i] + 1);
      }
      return Frame.of(out);
    }
  }

  /** Checks that 1 MiB frame k is filled with k + 1, and counts. */
  static final class MegabyteCheck extends SinkElement {
    int frames;
    final List<String> wrong = new ArrayList<>();

    MegabyteCheck(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
        return;
      }
      frames++;
      byte[] bytes = (byte[]) frame.data();
      byte expected = (byte) (frames + 1);
      if (bytes.length != 1 << 20) {
        wrong.add("frame " + frames + " has " + bytes.length + " bytes");
      }
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] != expected) {
          wrong.add("frame " + frames + " byte " + i + " is " + bytes[i]);
          break;
        }
      }
    }
  }

  /** A sink that never marks EOS: a run with it cannot end. */
  static final class Forgetful extends SinkElement {
    Forgetful(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {}
  }
}
