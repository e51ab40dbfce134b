package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.Execution;
import dev.sgn4j.Pad;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.parallel.ParallelElement;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.parallel.spi.FrameFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Turns a checked pipeline into a Flink job: a source per source element, an operator of
 * parallelism 1 per transform and sink (its input the union of its producers' streams), and an
 * operator of parallelism N for a parallel transform's map with N workers. Every element is packed
 * for shipping first, so one that cannot travel fails here, before anything is submitted.
 */
final class JobBuilder {

  /** What the job needs besides the environment it was added to. */
  record Job(DataStream<FrameRecord> results, List<Element> elements) {}

  private final Execution execution;
  private final RunSettings settings;
  private final FrameRecordType type;
  private final List<Element> elements;
  private final Map<Element, Integer> indexes = new HashMap<>();
  private final Map<Element, DataStream<FrameRecord>> streams = new HashMap<>();
  private final Set<Class<?>> classes = new LinkedHashSet<>();
  private final Map<Element, byte[]> packed = new LinkedHashMap<>();
  private final List<Element> order;

  /**
   * Checks the graph and packs every element for shipping.
   *
   * @throws IllegalStateException when the graph is invalid
   * @throws IllegalArgumentException naming an element that cannot run on Flink, and why
   */
  JobBuilder(Execution execution, RunSettings settings, List<String> codecNames) {
    this.execution = execution;
    this.settings = settings;
    this.type = new FrameRecordType(codecNames);
    this.elements = execution.elements();
    for (int i = 0; i < elements.size(); i++) {
      indexes.put(elements.get(i), i);
    }
    this.order = scheduleOrder();
    for (Element element : order) {
      packed.put(element, pack(element));
    }
  }

  /** The classes the packed elements name, whose code a remote cluster needs. */
  Set<Class<?>> classes() {
    return classes;
  }

  /** The parallelism of the widest operator: the most workers of a parallel transform. */
  int maxParallelism() {
    int widest = 1;
    for (Element element : order) {
      if (element instanceof ParallelTransformElement parallel) {
        widest = Math.max(widest, parallel.workers());
      }
    }
    return widest;
  }

  /** Adds the job to {@code environment}. */
  Job build(StreamExecutionEnvironment environment) {
    List<DataStream<FrameRecord>> sinks = new ArrayList<>();
    for (Element element : order) {
      DataStream<FrameRecord> stream = add(environment, element);
      streams.put(element, stream);
      if (element instanceof SinkElement) {
        sinks.add(stream);
      }
    }
    DataStream<FrameRecord> results = sinks.get(0);
    if (sinks.size() > 1) {
      @SuppressWarnings("unchecked")
      DataStream<FrameRecord>[] others = sinks.subList(1, sinks.size()).toArray(DataStream[]::new);
      results = results.union(others);
    }
    return new Job(results, elements);
  }

  /**
   * The elements with every producer before its consumers (Kahn's order, ties in the order of the
   * schedule).
   */
  private List<Element> scheduleOrder() {
    Set<Element> scheduled = new LinkedHashSet<>();
    for (Pad pad : execution.checkedPads()) {
      scheduled.add(pad.element());
    }
    scheduled.addAll(elements);
    Set<Element> placed = new LinkedHashSet<>();
    while (placed.size() < scheduled.size()) {
      for (Element element : scheduled) {
        if (!placed.contains(element) && producersPlaced(element, placed)) {
          placed.add(element);
          break;
        }
      }
    }
    return List.copyOf(placed);
  }

  private boolean producersPlaced(Element element, Set<Element> placed) {
    for (SinkPad pad : element.sinkPads()) {
      if (!placed.contains(execution.upstream(pad).element())) {
        return false;
      }
    }
    return true;
  }

  private byte[] pack(Element element) {
    if (element instanceof ParallelTransformElement parallel) {
      FrameFunction work =
          parallel
              .frameFunction()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          ("parallel transform '%s' cannot run on Flink: only parallel transforms"
                                  + " built with map(function) or map(Class) become parallel"
                                  + " operators; write its work as a map, or run this pipeline"
                                  + " locally")
                              .formatted(element.name())));
      Shipping.Packed shipped = Shipping.pack(work, "parallel transform '" + element.name() + "'");
      classes.addAll(shipped.classes());
      return shipped.bytes();
    }
    if (element instanceof ParallelElement) {
      throw new IllegalArgumentException(
          ("parallel element '%s' cannot run on Flink: its workers run in this JVM; on Flink, use"
                  + " a plain element (Flink runs every element in a task of its own) or a parallel"
                  + " transform built with map(function) or map(Class)")
              .formatted(element.name()));
    }
    Shipping.Packed shipped = Shipping.pack(element, "element '" + element.name() + "'");
    classes.addAll(shipped.classes());
    return shipped.bytes();
  }

  private DataStream<FrameRecord> add(StreamExecutionEnvironment environment, Element element) {
    int index = indexes.get(element);
    String name = element.name();
    if (element instanceof SourceElement) {
      return environment
          .fromSource(
              new ElementSource(packed.get(element), index, settings),
              WatermarkStrategy.noWatermarks(),
              name,
              type)
          .setParallelism(1)
          .uid(name);
    }
    if (element instanceof ParallelTransformElement parallel) {
      SinkPad in = parallel.sinkPads().get(0);
      DataStream<FrameRecord> input = streams.get(execution.upstream(in).element());
      int workers = parallel.workers();
      if (workers > 1) {
        input = input.rebalance();
      }
      return input
          .transform(name, type, new MapOperator(packed.get(element), index, in.fullName()))
          .setParallelism(workers)
          .uid(name);
    }
    Map<Integer, int[][]> routes = new HashMap<>();
    Map<Integer, List<Integer>> producerPads = new LinkedHashMap<>();
    Map<Integer, String> producerNames = new HashMap<>();
    for (SinkPad pad : element.sinkPads()) {
      SourcePad upstream = execution.upstream(pad);
      Element producer = upstream.element();
      int producerIndex = indexes.get(producer);
      int[][] byPad =
          routes.computeIfAbsent(producerIndex, p -> new int[producer.sourcePads().size()][]);
      int[] previous = byPad[upstream.index()];
      int[] next =
          previous == null ? new int[1] : java.util.Arrays.copyOf(previous, previous.length + 1);
      next[next.length - 1] = pad.index();
      byPad[upstream.index()] = next;
      producerPads.computeIfAbsent(producerIndex, p -> new ArrayList<>()).add(pad.index());
      producerNames.put(producerIndex, producer.name());
    }
    for (int[][] byPad : routes.values()) {
      for (int i = 0; i < byPad.length; i++) {
        if (byPad[i] == null) {
          byPad[i] = new int[0];
        }
      }
    }
    Map<Integer, int[]> padsByProducer = new HashMap<>();
    producerPads.forEach(
        (producer, pads) ->
            padsByProducer.put(producer, pads.stream().mapToInt(Integer::intValue).toArray()));
    DataStream<FrameRecord> input = null;
    for (Integer producer : producerPads.keySet()) {
      DataStream<FrameRecord> stream = streams.get(elements.get(producer));
      input = input == null ? stream : input.union(stream);
    }
    return input
        .transform(
            name,
            type,
            new ElementOperator(
                packed.get(element), index, settings, routes, padsByProducer, producerNames))
        .setParallelism(1)
        .uid(name);
  }
}
