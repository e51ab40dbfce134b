package dev.sgn4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A node of a pipeline with named pads: a {@link SourceElement}, {@link TransformElement} or {@link
 * SinkElement}. Users extend one of those three and override its callbacks; the pipeline calls them
 * once per iteration in dependency order: each {@code pull} of the element's sink pads, then {@link
 * #internal()}, then {@code newFrame} for each source pad (SGN's {@code new}).
 *
 * <p>Lifecycle: {@link #start()} runs once before the first iteration of a run and {@link #stop()}
 * once after the last, also when the run fails. All callbacks of one run are made by the thread
 * that called {@link Pipeline#run()}, so element state needs no synchronisation.
 *
 * <p>Pads come from the names passed to the constructor followed by the names declared with {@link
 * StaticPads} on the class. A name left {@code null} or blank is generated from the class name.
 * Element names must be unique in a pipeline and must not contain {@code ':'}; pad names must be
 * non-empty and free of {@code ':'} and whitespace.
 *
 * <p><b>Shipping.</b> Elements are {@link java.io.Serializable} so that an executor can run them on
 * other machines (sgn4j-flink's {@code FlinkRunner} ships each element to a Flink task manager). An
 * element travels when every field of it holds a serializable value: mark what {@link #start()}
 * rebuilds (connections, threads, open files) {@code transient}, keep functions in classes or in
 * lambdas cast to a serializable type ({@code (Function<Frame, Frame> & Serializable) f -> f}), and
 * make data specifications serializable. Pads travel with their element; links and the run do not.
 * The runner checks this before it submits anything and names the field that cannot travel.
 *
 * @serial exclude
 */
public abstract sealed class Element implements Connectable, java.io.Serializable
    permits SourceElement, TransformElement, SinkElement {

  private final String name;
  private final List<SourcePad> sourcePads;
  private final List<SinkPad> sinkPads;
  private final InternalPad internalPad;
  private final Map<String, SourcePad> srcs;
  private final Map<String, SinkPad> snks;
  private static final long serialVersionUID = 1L;

  private transient System.Logger logger;

  /** The pipeline this element was inserted into; an element belongs to at most one. */
  transient Pipeline owner;

  /** The composition this element is part of (a Compose, then its composed element), or null. */
  transient Object container;

  /** For a composed element, what it is made of; null for every other element. */
  transient Composition composition;

  /** The active run, from just before {@link #start()} to just after {@link #stop()}. */
  transient volatile RunContext context;

  Element(String name, List<String> sinkPadNames, List<String> sourcePadNames) {
    this.name = checkName(name, getClass());
    StaticPads declared = getClass().getAnnotation(StaticPads.class);
    List<String> sinkNames = padNames("sink", sinkPadNames, declared);
    List<String> sourceNames = padNames("source", sourcePadNames, declared);
    checkKind(sinkNames, sourceNames);
    List<SinkPad> sinks = new ArrayList<>(sinkNames.size());
    Map<String, SinkPad> snkMap = new LinkedHashMap<>();
    for (String padName : sinkNames) {
      SinkPad pad = new SinkPad(this, padName, sinks.size());
      sinks.add(pad);
      snkMap.put(padName, pad);
    }
    List<SourcePad> sources = new ArrayList<>(sourceNames.size());
    Map<String, SourcePad> srcMap = new LinkedHashMap<>();
    for (String padName : sourceNames) {
      SourcePad pad = new SourcePad(this, padName, sources.size());
      sources.add(pad);
      srcMap.put(padName, pad);
    }
    this.sinkPads = List.copyOf(sinks);
    this.sourcePads = List.copyOf(sources);
    this.snks = Collections.unmodifiableMap(snkMap);
    this.srcs = Collections.unmodifiableMap(srcMap);
    this.internalPad = new InternalPad(this);
  }

  private static String checkName(String name, Class<?> type) {
    if (name == null || name.isBlank()) {
      String base = type.getSimpleName().isEmpty() ? "element" : type.getSimpleName();
      return base.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
    if (name.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "element name '" + name + "' must not contain ':' (it separates the parts of pad names)");
    }
    return name;
  }

  private List<String> padNames(String kind, List<String> given, StaticPads declared) {
    List<String> names = new ArrayList<>(given == null ? List.of() : given);
    if (declared != null) {
      boolean source = kind.equals("source");
      String[] statics = source ? declared.source() : declared.sink();
      boolean dynamic =
          source ? declared.allowDynamicSourcePads() : declared.allowDynamicSinkPads();
      String option = source ? "allowDynamicSourcePads" : "allowDynamicSinkPads";
      if (!dynamic && statics.length == 0) {
        throw new IllegalArgumentException(
            "Element '%s' (%s) has %s=false but declares no static %s pads; list them in @StaticPads"
                .formatted(name, getClass().getName(), option, kind));
      }
      if (!dynamic && !names.isEmpty()) {
        throw new IllegalArgumentException(
            "Element '%s' has %s=false; it has the static %s pads %s, so do not pass %s pad names %s"
                .formatted(name, option, kind, List.of(statics), kind, names));
      }
      names.addAll(List.of(statics));
    }
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < names.size(); index++) {
      String padName = names.get(index);
      if (padName == null) {
        throw new IllegalArgumentException(
            "Element '%s' has a null %s pad name at index %d of %s; give every pad a non-empty name free of ':' and whitespace"
                .formatted(name, kind, index, names));
      }
      if (!padName.isBlank() && padName.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "Element '%s' has an invalid %s pad name '%s'; pad names must not contain whitespace (spaces, tabs or line breaks) or ':'"
                .formatted(name, kind, padName));
      }
      if (padName.isBlank() || padName.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "Element '%s' has an invalid %s pad name '%s'; pad names must be non-empty and free of ':'"
                .formatted(name, kind, padName));
      }
      if (!seen.add(padName)) {
        throw new IllegalArgumentException(
            "Element '%s' declares %s pad '%s' twice %s; pad names must be unique per kind"
                .formatted(name, kind, padName, names));
      }
    }
    return names;
  }

  /** Checks the pad kinds this element type allows; see the three subclasses. */
  abstract void checkKind(List<String> sinkNames, List<String> sourceNames);

  /**
   * The element's name, unique in its pipeline.
   *
   * @return the name
   */
  public final String name() {
    return name;
  }

  /**
   * The source pads, in declaration order (instance names, then static names).
   *
   * @return an unmodifiable list, empty for sinks
   */
  public final List<SourcePad> sourcePads() {
    return sourcePads;
  }

  /**
   * The sink pads, in declaration order (instance names, then static names).
   *
   * @return an unmodifiable list, empty for sources
   */
  public final List<SinkPad> sinkPads() {
    return sinkPads;
  }

  /**
   * The pad of {@link #internal()}.
   *
   * @return the internal pad
   */
  public final InternalPad internalPad() {
    return internalPad;
  }

  /**
   * All pads: source pads, then sink pads, then the internal pad (SGN's {@code pad_list}).
   *
   * @return an unmodifiable list
   */
  public final List<Pad> pads() {
    List<Pad> all = new ArrayList<>(sourcePads.size() + sinkPads.size() + 1);
    all.addAll(sourcePads);
    all.addAll(sinkPads);
    all.add(internalPad);
    return Collections.unmodifiableList(all);
  }

  /**
   * The source pad with this short name.
   *
   * @param shortName the name given when the element was built
   * @return the pad
   * @throws IllegalArgumentException naming the available pads when there is none
   */
  public final SourcePad sourcePad(String shortName) {
    SourcePad pad = srcs.get(shortName);
    if (pad == null) {
      throw new IllegalArgumentException(
          "Element '%s' has no source pad '%s'; its source pads are %s"
              .formatted(name, shortName, srcs.keySet()));
    }
    return pad;
  }

  /**
   * The sink pad with this short name.
   *
   * @param shortName the name given when the element was built
   * @return the pad
   * @throws IllegalArgumentException naming the available pads when there is none
   */
  public final SinkPad sinkPad(String shortName) {
    SinkPad pad = snks.get(shortName);
    if (pad == null) {
      throw new IllegalArgumentException(
          "Element '%s' has no sink pad '%s'; its sink pads are %s"
              .formatted(name, shortName, snks.keySet()));
    }
    return pad;
  }

  @Override
  public final Map<String, SourcePad> srcs() {
    return srcs;
  }

  @Override
  public final Map<String, SinkPad> snks() {
    return snks;
  }

  @Override
  public final List<Element> elements() {
    return List.of(this);
  }

  /**
   * Called once per iteration after every sink pad was pulled and before any source pad makes its
   * frame. Override it for work that needs all inputs of the iteration, or once-per-iteration
   * bookkeeping. Does nothing by default.
   */
  protected void internal() {}

  /**
   * Called once before the first iteration of a run, after the pipeline was checked. Override it to
   * acquire resources (files, connections, workers). Elements start in reverse dependency order
   * (sinks first). If it throws, the run fails and the elements already started are stopped.
   */
  protected void start() {}

  /**
   * Called once after the last iteration of a run, also when the run failed; it runs only if {@link
   * #start()} returned normally. Override it to release resources. Elements stop in dependency
   * order (sources first).
   */
  protected void stop() {}

  /**
   * The active run: how threads working for this element wake the run loop, fail the run, and find
   * the run's scopes. Available from {@link #start()} until {@link #stop()} returns.
   *
   * @return the run context
   * @throws IllegalStateException outside a run
   */
  protected final RunContext runContext() {
    RunContext current = context;
    if (current == null) {
      throw new IllegalStateException(
          "element '%s' is not running; runContext() is available from start() to stop()"
              .formatted(name));
    }
    return current;
  }

  /**
   * Whether this element becomes ready through other threads (a worker thread, a process, a
   * socket). The run loop then asks {@link #readyToPull()} before each iteration of the element's
   * inputs and {@link #readyToProduce()} before each iteration of its outputs, runs a transform's
   * inputs and outputs as two halves that advance separately (its outputs may lag its inputs), and
   * parks when nothing is ready until {@link RunContext#wakeUp()}. False by default.
   *
   * @return true for asynchronous elements
   */
  protected boolean asynchronous() {
    return false;
  }

  /**
   * For {@linkplain #asynchronous() asynchronous} elements: whether the next iteration's frames can
   * be pulled now (for example, the worker's input queue has room). Called on the run thread; may
   * throw to fail the run.
   *
   * @return true when ready
   */
  protected boolean readyToPull() {
    return true;
  }

  /**
   * For {@linkplain #asynchronous() asynchronous} elements: whether the next iteration's frames can
   * be made now (for example, the worker delivered them). Called on the run thread; may throw to
   * fail the run.
   *
   * @return true when ready
   */
  protected boolean readyToProduce() {
    return true;
  }

  /**
   * For {@linkplain #asynchronous() asynchronous} elements: hands over anything the element's pad
   * calls held back to batch it, such as frames given to a worker thread but not yet published to
   * it. The executor calls it on the thread that made the element's pad calls, before that thread
   * waits for work or turns to other elements for a while, so nothing held back waits on it. Does
   * nothing by default.
   */
  protected void flush() {}

  /**
   * How to open the {@link RunScope} this element needs, or {@code null} when it needs none. {@link
   * Pipeline#run()} opens the scope of the first element that names one.
   *
   * @return the opener, or null
   */
  protected RunScope.Opener runScopeOpener() {
    return null;
  }

  /**
   * Figures this element adds to {@link Pipeline#stats()}, such as a parallel element's queue
   * depths; called from any thread, so read only what is safe to read concurrently. Empty by
   * default.
   *
   * @return names to values (numbers or strings)
   */
  protected java.util.Map<String, Object> statistics() {
    return java.util.Map.of();
  }

  /**
   * The logger of this element, named {@code sgn.<element name>}.
   *
   * @return the logger
   */
  protected final System.Logger logger() {
    System.Logger current = logger;
    if (current == null) {
      current = System.getLogger("sgn." + name);
      logger = current;
    }
    return current;
  }

  /** Runs the pad's frame callback; overridden by the element kinds that have source pads. */
  Frame runNewFrame(SourcePad pad) {
    throw new IllegalStateException(name + " has no source pads");
  }

  /** Runs the pad's pull callback; overridden by the element kinds that have sink pads. */
  void runPull(SinkPad pad, Frame frame) {
    throw new IllegalStateException(name + " has no sink pads");
  }

  /** The elements a composed element is made of; empty for every other element. */
  final List<Element> parts() {
    return composition == null ? List.of() : composition.elements;
  }

  /** For a composed element's pad, the inner pad it stands for; null otherwise. */
  final Pad innerPad(Pad boundary) {
    return composition == null ? null : composition.innerPad(boundary);
  }

  /** Resets per-run framework state before {@link #start()}. */
  void resetForRun() {}

  /**
   * The class name shown for this element in graphs and statistics: the simple name of its class,
   * or of the class an anonymous class extends.
   *
   * @return e.g. {@code CollectSink}
   */
  public final String typeName() {
    Class<?> type = getClass();
    while (type.getSimpleName().isEmpty()) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }

  /** A short description for messages and logs: {@code name (SimpleClassName)}. */
  @Override
  public String toString() {
    return name + " (" + getClass().getSimpleName() + ")";
  }
}
