package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A source fed at run time: one thread-safe deque per source pad, read first in, first out (SGN
 * pops from the right, which reverses the order; sgn4j does not).
 *
 * <pre>{@code
 * var source = new DequeSource("live", List.of("out"), false);   // gaps while empty
 * source.deque("out").add("first");                               // from any thread
 * source.endOfStream("out");                                      // EOS once drained
 * }</pre>
 *
 * <p>Each iteration a pad sends its oldest item as {@link Frame#of(Object)}. When its deque is
 * empty it sends EOS if {@code eosOnEmpty} is true, otherwise a gap frame, until {@link
 * #endOfStream(String)} is called; after that it sends EOS as soon as the deque is empty. Items
 * must not be {@code null}.
 *
 * @serial exclude
 */
public class DequeSource extends SourceElement {

  private final List<ConcurrentLinkedDeque<Object>> deques;
  private final boolean eosOnEmpty;
  private final AtomicIntegerArray ended;

  /**
   * Builds a source with empty deques.
   *
   * @param name the element name
   * @param padNames the source pad names
   * @param eosOnEmpty send EOS as soon as a deque is empty (true) or gaps until {@link
   *     #endOfStream(String)} (false)
   */
  public DequeSource(String name, List<String> padNames, boolean eosOnEmpty) {
    super(name, padNames);
    this.eosOnEmpty = eosOnEmpty;
    this.deques = new ArrayList<>();
    for (int i = 0; i < sourcePads().size(); i++) {
      deques.add(new ConcurrentLinkedDeque<>());
    }
    this.ended = new AtomicIntegerArray(sourcePads().size());
  }

  /**
   * The live deque of a pad: add items to its tail from any thread.
   *
   * @param padName the source pad name
   * @return the deque the pad reads from its head
   */
  public ConcurrentLinkedDeque<Object> deque(String padName) {
    return deques.get(sourcePad(padName).index());
  }

  /**
   * Declares that no more items will be added to a pad: it sends EOS once its deque is drained.
   * Safe from any thread.
   *
   * @param padName the source pad name
   */
  public void endOfStream(String padName) {
    ended.set(sourcePad(padName).index(), 1);
  }

  @Override
  protected Frame newFrame(SourcePad pad) {
    // Read the end mark first: items added before endOfStream() are then visible to the poll.
    boolean end = ended.get(pad.index()) == 1;
    Object item = deques.get(pad.index()).pollFirst();
    if (item != null) {
      return Frame.of(item);
    }
    return eosOnEmpty || end ? Frame.eos() : Frame.gap();
  }
}
