package dev.sgn4j.elements;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sink that keeps what it receives, per sink pad: the frames' data (or whole frames), skipping
 * gap frames unless told otherwise. It marks EOS on a pad when a frame with EOS arrives (then skips
 * that frame too if it is a gap).
 *
 * <pre>{@code
 * var sink = new CollectSink("collect", List.of("in"));
 * pipeline.connect(source, sink).run();
 * sink.collected("in");    // e.g. [10, 20, 30]
 * }</pre>
 *
 * <p>The collections are filled by the run's thread; read them after {@link Pipeline#run()}
 * returned, or use a {@link DequeSink} to consume while the pipeline runs.
 *
 * @serial exclude
 */
public class CollectSink extends SinkElement {

  private final List<Collection<Object>> collections;
  private final boolean extractData;
  private final boolean skipGaps;

  /**
   * A sink that collects the data of non-gap frames into lists.
   *
   * @param name the element name
   * @param padNames the sink pad names
   */
  public CollectSink(String name, List<String> padNames) {
    this(name, padNames, true, true);
  }

  /**
   * A sink with explicit options, collecting into lists.
   *
   * @param name the element name
   * @param padNames the sink pad names
   * @param extractData keep {@code frame.data()} (true) or the whole frame (false)
   * @param skipGaps leave gap frames out (true) or keep them (false)
   */
  public CollectSink(String name, List<String> padNames, boolean extractData, boolean skipGaps) {
    this(name, padNames, extractData, skipGaps, ArrayList::new);
  }

  /**
   * A sink that collects into collections made by {@code factory}, one per pad.
   *
   * @param name the element name
   * @param padNames the sink pad names
   * @param extractData keep {@code frame.data()} (true) or the whole frame (false)
   * @param skipGaps leave gap frames out (true) or keep them (false)
   * @param factory makes the collection of each pad
   */
  protected CollectSink(
      String name,
      List<String> padNames,
      boolean extractData,
      boolean skipGaps,
      Supplier<? extends Collection<Object>> factory) {
    super(name, padNames);
    this.extractData = extractData;
    this.skipGaps = skipGaps;
    this.collections = new ArrayList<>(sinkPads().size());
    for (int i = 0; i < sinkPads().size(); i++) {
      collections.add(factory.get());
    }
  }

  /**
   * What a pad received so far.
   *
   * @param padName the sink pad name
   * @return an unmodifiable copy, in arrival order
   */
  public List<Object> collected(String padName) {
    return Collections.unmodifiableList(new ArrayList<>(collection(padName)));
  }

  /** The live collection of a pad. */
  final Collection<Object> collection(String padName) {
    return collections.get(sinkPad(padName).index());
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    if (frame.isEos()) {
      markEos(pad);
    }
    if (skipGaps && frame.isGap()) {
      return;
    }
    collections.get(pad.index()).add(extractData ? frame.data() : frame);
  }
}
