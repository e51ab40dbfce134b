package dev.sgn4j.parallel;

import dev.sgn4j.Frame;
import dev.sgn4j.parallel.spi.BatchingQueue;

/**
 * The consumer's end of a {@link BatchingQueue} that takes what is there in one go (up to {@value
 * #SIZE} items) and hands it out one by one. Frames handed between a thread worker and its element
 * were made on the other core: using them one at a time costs a cache miss for the frame and
 * another for its data, one after the other. Reading a whole batch's frames in one loop, then their
 * data in another, lets the processor fetch them together. Used by one thread at a time.
 */
final class ReadAhead {

  /** The most items taken from the queue at once. */
  static final int SIZE = 32;

  private final Object[] items = new Object[SIZE];
  private final Object[] data = new Object[SIZE];
  private int next;
  private int end;

  /** Written after each batch so that its reads are kept; never read. */
  @SuppressWarnings("unused")
  private int touched;

  /**
   * The next item: one taken before, or the first of what the queue holds now.
   *
   * @return the item, or null when none was held and the queue had none published
   */
  Object poll(BatchingQueue<Object> queue) {
    if (next < end) {
      Object item = items[next];
      items[next++] = null;
      return item;
    }
    int count = 0;
    Object item;
    while (count < SIZE && (item = queue.pollBatched()) != null) {
      items[count++] = item;
    }
    if (count == 0) {
      return null;
    }
    touch(count);
    end = count;
    next = 1;
    Object first = items[0];
    items[0] = null;
    return first;
  }

  /** Reads each frame, then each frame's data object, in loops of independent loads. */
  private void touch(int count) {
    for (int i = 0; i < count; i++) {
      data[i] = items[i] instanceof Frame frame ? frame.data() : null;
    }
    int values = 0;
    for (int i = 0; i < count; i++) {
      Object value = data[i];
      data[i] = null;
      if (value != null && value.getClass() != Frame.class) {
        values++;
      }
    }
    touched = values;
  }
}
