package dev.sgn4j.flink;

import dev.sgn4j.Frame;

/**
 * What flows between the operators of a pipeline on Flink: one frame of one source pad in one
 * iteration, the end of an element's stream, or a piece of a sink's state on its way back to the
 * client. Immutable; the frame is handed on by reference within a task, as in a local run.
 *
 * @param kind what the record is
 * @param producer the index of the element that sent it, among the pipeline's running elements
 * @param pad the source pad's index ({@link Kind#FRAME}), or the piece's index ({@link Kind#STATE})
 * @param iteration the frame's iteration from 1, the last iteration the element sent ({@link
 *     Kind#END}), or the number of pieces ({@link Kind#STATE})
 * @param frame the frame, or for {@link Kind#STATE} a frame whose data is the piece's bytes; null
 *     for {@link Kind#END}
 */
record FrameRecord(Kind kind, int producer, int pad, long iteration, Frame frame) {

  /** The kinds of records. */
  enum Kind {
    /** A frame of a source pad. */
    FRAME,
    /** The producer sent its last frame; consumers see EOS frames for later iterations. */
    END,
    /** A piece of a sink's state after the run. */
    STATE,
    /** An element's {@link Figures} when it ended, passed on by every element downstream. */
    STATS
  }

  static FrameRecord frame(int producer, int pad, long iteration, Frame frame) {
    return new FrameRecord(Kind.FRAME, producer, pad, iteration, frame);
  }

  static FrameRecord end(int producer, long lastIteration) {
    return new FrameRecord(Kind.END, producer, -1, lastIteration, null);
  }

  static FrameRecord stats(int producer, Figures figures) {
    return new FrameRecord(
        Kind.STATS,
        producer,
        -1,
        0,
        Frame.of(Shipping.pack(figures, "the figures of an element").bytes()));
  }

  static FrameRecord state(int sink, int piece, int pieces, byte[] bytes) {
    return new FrameRecord(Kind.STATE, sink, piece, pieces, Frame.of(bytes));
  }
}
