package dev.sgn4j.elements;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A {@link CollectSink} whose collections are thread-safe deques, so another thread can consume
 * what arrives while the pipeline runs.
 *
 * <pre>{@code
 * var sink = new DequeSink("out", List.of("in"));
 * // on another thread, while the pipeline runs:
 * Object next = sink.deque("in").pollFirst();
 * }</pre>
 *
 * <p>Data is appended at the tail in arrival order. {@code null} data cannot be held by the deque
 * and fails the run; keep whole frames ({@code extractData = false}) when data may be null.
 */
public class DequeSink extends CollectSink {

  /**
   * A sink that keeps the data of non-gap frames.
   *
   * @param name the element name
   * @param padNames the sink pad names
   */
  public DequeSink(String name, List<String> padNames) {
    this(name, padNames, true, true);
  }

  /**
   * A sink with explicit options.
   *
   * @param name the element name
   * @param padNames the sink pad names
   * @param extractData keep {@code frame.data()} (true) or the whole frame (false)
   * @param skipGaps leave gap frames out (true) or keep them (false)
   */
  public DequeSink(String name, List<String> padNames, boolean extractData, boolean skipGaps) {
    super(name, padNames, extractData, skipGaps, ConcurrentLinkedDeque::new);
  }

  /**
   * The live deque of a pad.
   *
   * @param padName the sink pad name
   * @return the deque, safe to read and drain from any thread
   */
  @SuppressWarnings("unchecked")
  public ConcurrentLinkedDeque<Object> deque(String padName) {
    return (ConcurrentLinkedDeque<Object>) collection(padName);
  }
}
