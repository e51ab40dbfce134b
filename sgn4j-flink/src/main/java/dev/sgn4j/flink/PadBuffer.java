package dev.sgn4j.flink;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The frames waiting for one sink pad, by iteration: frames arrive in iteration order from an
 * element of parallelism 1 and in any order from a parallel one, and leave in iteration order. Once
 * its producer ended, the pad has an EOS frame for every later iteration, as a local run's ended
 * source keeps sending EOS.
 */
final class PadBuffer {

  /** Frames of consecutive iterations from {@link #next}. */
  private final ArrayDeque<Frame> inOrder = new ArrayDeque<>();

  /** Frames that came ahead of a missing one, by iteration. */
  private final Map<Long, Frame> early = new HashMap<>();

  /** The iteration of the frame {@link #take()} gives next. */
  private long next = 1;

  /** The producer's last iteration, or {@link Long#MAX_VALUE} while it streams. */
  private long lastIteration = Long.MAX_VALUE;

  /** The last frame taken: its data specification goes on the EOS frames after the end. */
  private DataSpec lastSpec = DataSpec.NONE;

  void add(long iteration, Frame frame) {
    if (iteration == next + inOrder.size()) {
      inOrder.add(frame);
      if (!early.isEmpty()) {
        Frame following;
        while ((following = early.remove(next + inOrder.size())) != null) {
          inOrder.add(following);
        }
      }
    } else if (iteration > next + inOrder.size()) {
      early.put(iteration, frame);
    } else {
      throw new IllegalStateException(
          "frame of iteration " + iteration + " arrived twice or too late (next " + next + ")");
    }
  }

  /** The producer sent its last frame, of iteration {@code last}. */
  void end(long last) {
    lastIteration = last;
  }

  /** Whether the producer ended (or Flink ended its stream, as in a drain). */
  void endNow() {
    lastIteration = Math.min(lastIteration, next - 1 + inOrder.size());
  }

  boolean ended() {
    return lastIteration != Long.MAX_VALUE;
  }

  /** Whether {@link #take()} gives a frame the producer sent. */
  boolean hasFrame() {
    return !inOrder.isEmpty();
  }

  /** Whether the next iteration is past the producer's last one. */
  boolean pastEnd() {
    return inOrder.isEmpty() && next > lastIteration;
  }

  /** The next iteration's frame: the producer's, or an EOS frame after its end. */
  Frame take() {
    next++;
    Frame frame = inOrder.poll();
    if (frame == null) {
      return new Frame(null, true, true, lastSpec, Map.of());
    }
    lastSpec = frame.spec();
    return frame;
  }
}
