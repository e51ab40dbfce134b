package dev.sgn4j.sharedtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Compose;
import dev.sgn4j.Element;
import dev.sgn4j.EosPolicy;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunOptions;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourcePad;
import dev.sgn4j.TransformElement;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelSinkElement;
import dev.sgn4j.parallel.ParallelTransformElement;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import dev.sgn4j.worker.WorkerMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A random pipeline for differential tests: two to four sources that reach EOS in different
 * iterations, transforms with one to three inputs and one or two outputs (fan-out: any source pad
 * may feed several sink pads), and one to three sinks with several pads and either EOS policy. One
 * graph can be built plain or with some of its elements moved to workers ({@link Placement}); every
 * build must give every sink pad the same frames, because a frame's content depends only on its
 * iteration and pad.
 *
 * <pre>{@code
 * var graph = RandomGraph.generate(seed);
 * var plain = graph.run(Map.of());
 * var moved = graph.run(graph.randomPlacements(new Random(seed), WorkerMode.THREAD));
 * }</pre>
 */
public final class RandomGraph {

  /** Where one element's work runs when it is moved to workers. */
  public record Placement(
      WorkerMode mode, int workers, int queueCapacity, boolean composed, boolean logicClass) {
    @Override
    public String toString() {
      return mode
          + (workers > 1 ? " x" + workers : "")
          + " cap "
          + queueCapacity
          + (composed ? " composed" : "")
          + (logicClass ? " logic" : "");
    }
  }

  /** A pad another element reads: the producing element's name and source pad. */
  record Ref(String element, String pad) {
    @Override
    public String toString() {
      return element + "." + pad;
    }
  }

  record SourceSpec(String name, List<List<Integer>> items) {}

  record TransformSpec(String name, List<Ref> inputs, int outputs, int salt) {}

  record SinkSpec(String name, List<Ref> inputs, EosPolicy policy) {}

  /**
   * What the sinks of one run received, and what every pad of the plain transforms saw ({@code
   * pads}: {@code t0.i0}, {@code t0.o1}, ... to frames; {@code internals} also counts the plain
   * transforms' {@code internal()} calls).
   */
  public record Result(
      Map<String, Map<String, List<Frame>>> frames,
      Map<String, Integer> internals,
      Map<String, Integer> eosIterations,
      Map<String, List<Frame>> pads) {}

  private final long seed;
  private final List<SourceSpec> sources;
  private final List<TransformSpec> transforms;
  private final List<SinkSpec> sinks;

  private RandomGraph(
      long seed, List<SourceSpec> sources, List<TransformSpec> transforms, List<SinkSpec> sinks) {
    this.seed = seed;
    this.sources = sources;
    this.transforms = transforms;
    this.sinks = sinks;
  }

  /** The graph of {@code seed}. */
  public static RandomGraph generate(long seed) {
    Random random = new Random(seed);
    List<Ref> open = new ArrayList<>();
    List<Ref> unread = new ArrayList<>();
    List<SourceSpec> sources = new ArrayList<>();
    int sourceCount = 2 + random.nextInt(3);
    for (int s = 0; s < sourceCount; s++) {
      String name = "s" + s;
      List<List<Integer>> items = new ArrayList<>();
      int pads = 1 + random.nextInt(2);
      for (int p = 0; p < pads; p++) {
        int length = random.nextInt(13);
        List<Integer> padItems = new ArrayList<>();
        for (int k = 0; k < length; k++) {
          padItems.add(s * 1000 + p * 100 + k + 1);
        }
        items.add(padItems);
        open.add(new Ref(name, "o" + p));
      }
      sources.add(new SourceSpec(name, items));
    }
    unread.addAll(open);
    List<TransformSpec> transforms = new ArrayList<>();
    int transformCount = 1 + random.nextInt(5);
    for (int t = 0; t < transformCount; t++) {
      String name = "t" + t;
      List<Ref> inputs = pick(random, open, 1 + random.nextInt(3), unread);
      int outputs = 1 + random.nextInt(2);
      transforms.add(new TransformSpec(name, inputs, outputs, random.nextInt(50)));
      for (int o = 0; o < outputs; o++) {
        Ref ref = new Ref(name, "o" + o);
        open.add(ref);
        unread.add(ref);
      }
    }
    List<List<Ref>> sinkInputs = new ArrayList<>();
    int sinkCount = 1 + random.nextInt(3);
    for (int k = 0; k < sinkCount; k++) {
      sinkInputs.add(new ArrayList<>(pick(random, open, 1 + random.nextInt(3), unread)));
    }
    // Every source pad must be read: give the ones nobody reads to some sink.
    for (Ref ref : List.copyOf(unread)) {
      sinkInputs.get(random.nextInt(sinkCount)).add(ref);
    }
    List<SinkSpec> sinks = new ArrayList<>();
    for (int k = 0; k < sinkCount; k++) {
      EosPolicy policy = random.nextInt(3) == 0 ? EosPolicy.ALL : EosPolicy.ANY;
      sinks.add(new SinkSpec("k" + k, List.copyOf(sinkInputs.get(k)), policy));
    }
    return new RandomGraph(seed, sources, transforms, sinks);
  }

  /** {@code count} distinct pads from {@code open} (fewer if there are fewer), marked as read. */
  private static List<Ref> pick(Random random, List<Ref> open, int count, List<Ref> unread) {
    List<Ref> shuffled = new ArrayList<>(open);
    Collections.shuffle(shuffled, random);
    List<Ref> picked = List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    unread.removeAll(picked);
    return picked;
  }

  /**
   * Chooses elements to move to workers: each transform with probability ½ (a pool, a composition
   * or a worker class now and then), each sink with probability ¼ when {@code sinksToo}.
   *
   * @param random the choices' source
   * @param sinksToo whether sinks may move too (their work is a lambda, so not in process mode)
   * @param modes the modes to choose from
   * @return element name to placement
   */
  public Map<String, Placement> randomPlacements(
      Random random, boolean sinksToo, WorkerMode... modes) {
    Map<String, Placement> placements = new LinkedHashMap<>();
    int[] capacities = {1, 1, 2, 3, 256};
    for (TransformSpec transform : transforms) {
      if (!random.nextBoolean()) {
        continue;
      }
      WorkerMode mode = modes[random.nextInt(modes.length)];
      int capacity = capacities[random.nextInt(capacities.length)];
      boolean single = transform.inputs.size() == 1 && transform.outputs == 1;
      boolean lambdaOk = mode != WorkerMode.PROCESS;
      if (single && lambdaOk) {
        int workers = random.nextInt(3) == 0 ? 2 + random.nextInt(3) : 1;
        boolean composed = random.nextInt(5) == 0;
        placements.put(transform.name, new Placement(mode, workers, capacity, composed, false));
      } else {
        placements.put(transform.name, new Placement(mode, 1, capacity, false, true));
      }
    }
    if (sinksToo) {
      for (SinkSpec sink : sinks) {
        WorkerMode mode = modes[random.nextInt(modes.length)];
        if (mode != WorkerMode.PROCESS && random.nextInt(4) == 0) {
          int capacity = capacities[random.nextInt(capacities.length)];
          placements.put(sink.name, new Placement(mode, 1, capacity, false, false));
        }
      }
    }
    return placements;
  }

  /** Builds the graph with {@code placements} and runs it. */
  public Result run(Map<String, Placement> placements) {
    return run(placements, RunOptions.defaults(), false);
  }

  /**
   * Builds the graph with {@code placements} and runs it with {@code options}; with {@code costs},
   * every plain transform spends a random, seeded amount of CPU per call, so that elements go at
   * different speeds.
   */
  public Result run(Map<String, Placement> placements, RunOptions options, boolean costs) {
    Map<String, List<Frame>> pads = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, FnTransform> plainTransforms = new LinkedHashMap<>();
    Random costRandom = new Random(seed * 17 + 3);
    Map<String, Element> elements = new LinkedHashMap<>();
    for (SourceSpec source : sources) {
      var builder = IterSource.builder(source.name);
      for (int p = 0; p < source.items.size(); p++) {
        builder.pad("o" + p, source.items.get(p));
      }
      elements.put(source.name, builder.build());
    }
    for (TransformSpec transform : transforms) {
      Element element = transform(transform, placements.get(transform.name));
      int cost = costs ? costRandom.nextInt(4) * 500 : 0;
      if (element instanceof FnTransform fn) {
        fn.record(pads, cost);
        plainTransforms.put(transform.name, fn);
      }
      elements.put(transform.name, element);
    }
    Map<String, Map<String, List<Frame>>> received = new LinkedHashMap<>();
    List<RecordingSink> plainSinks = new ArrayList<>();
    for (SinkSpec spec : sinks) {
      Map<String, List<Frame>> byPad = new LinkedHashMap<>();
      for (int i = 0; i < spec.inputs.size(); i++) {
        byPad.put("i" + i, Collections.synchronizedList(new ArrayList<>()));
      }
      received.put(spec.name, byPad);
      Placement placement = placements.get(spec.name);
      SinkElement sink;
      if (placement == null) {
        RecordingSink recording = new RecordingSink(spec.name, List.copyOf(byPad.keySet()), byPad);
        plainSinks.add(recording);
        sink = recording;
      } else {
        sink =
            ParallelSinkElement.builder(spec.name)
                .sinkPads(byPad.keySet().toArray(String[]::new))
                .mode(placement.mode())
                .queueCapacity(placement.queueCapacity())
                .consume((pad, frame) -> byPad.get(pad).add(frame))
                .build();
      }
      sink.setEosPolicy(spec.policy);
      elements.put(spec.name, sink);
    }
    Pipeline pipeline = new Pipeline().insert(elements.values().toArray(Element[]::new));
    for (TransformSpec transform : transforms) {
      link(pipeline, elements, transform.name, transform.inputs);
    }
    for (SinkSpec sink : sinks) {
      link(pipeline, elements, sink.name, sink.inputs);
    }
    if (options == RunOptions.defaults()) {
      pipeline.run();
    } else {
      try {
        var run = pipeline.start(options);
        if (!run.await(Duration.ofSeconds(60))) {
          String threads = threadDump();
          String stats = run.stats().toString();
          run.abort();
          boolean ended;
          try {
            ended = run.await(Duration.ofSeconds(10));
          } catch (RuntimeException aborted) {
            ended = true; // the abort it was asked for
          }
          throw new AssertionError(
              "the run of %s with %s, placements %s did not end within 60 s (%s after abort);"
                      .formatted(this, options, placements, ended ? "ended" : "still running")
                  + " stats "
                  + stats
                  + "\nthreads:\n"
                  + threads);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    Map<String, Integer> internals = new LinkedHashMap<>();
    plainTransforms.forEach((name, fn) -> internals.put(name, fn.internals));
    Map<String, Integer> eosIterations = new LinkedHashMap<>();
    for (RecordingSink sink : plainSinks) {
      internals.put(sink.name(), sink.internals);
      eosIterations.put(sink.name(), sink.eosIteration);
    }
    Map<String, Map<String, List<Frame>>> frames = new LinkedHashMap<>();
    received.forEach(
        (sink, byPad) -> {
          Map<String, List<Frame>> copy = new LinkedHashMap<>();
          byPad.forEach((pad, list) -> copy.put(pad, List.copyOf(list)));
          frames.put(sink, copy);
        });
    Map<String, List<Frame>> padCopy = new java.util.TreeMap<>();
    pads.forEach((pad, list) -> padCopy.put(pad, List.copyOf(list)));
    return new Result(frames, internals, eosIterations, padCopy);
  }

  /**
   * Asserts that every plain sink received in {@code moved} exactly what it received in {@code
   * plain}, ran {@code internal()} as often and reached EOS in the same iteration; a sink moved to
   * workers received the frames up to its EOS iteration (its worker ends there). Failures name the
   * graph, its seed and the placements.
   */
  public void assertSameFrames(Map<String, Placement> placements, Result plain, Result moved) {
    String description = this + "\nmoved to workers: " + placements;
    plain
        .frames()
        .forEach(
            (sink, byPad) -> {
              boolean sinkMoved = placements.containsKey(sink);
              int eosIteration = plain.eosIterations().get(sink);
              byPad.forEach(
                  (pad, expected) -> {
                    List<Frame> want = sinkMoved ? expected.subList(0, eosIteration) : expected;
                    assertThat(moved.frames().get(sink).get(pad))
                        .as("frames of %s pad %s in %s", sink, pad, description)
                        .isEqualTo(want);
                  });
              if (!sinkMoved) {
                assertThat(moved.internals().get(sink))
                    .as("internal() calls of %s in %s", sink, description)
                    .isEqualTo(plain.internals().get(sink));
                assertThat(moved.eosIterations().get(sink))
                    .as("EOS iteration of %s in %s", sink, description)
                    .isEqualTo(eosIteration);
              }
            });
  }

  /**
   * Asserts that every pad of every plain transform saw in {@code other} the frames it saw in
   * {@code lockStep}, and that each ran {@code internal()} as often; a transform still streaming
   * when the lock-step run ended (its last frame not EOS) may have gone on for a few iterations
   * more, so its lock-step frames need only be the first ones. Unless {@code exact}, only each
   * pad's frames up to its first EOS count, and a transform past its own EOS may have run fewer
   * iterations (its outputs may feed a parallel element at EOS, which takes no more frames until
   * its workers are done): its pads' frames up to its EOS must match, the rest be a prefix.
   * Failures name the graph and seed.
   */
  public void assertSamePads(Result lockStep, Result other, boolean exact, String how) {
    String description = this + "\n" + how;
    for (TransformSpec transform : transforms) {
      if (!lockStep.internals().containsKey(transform.name)
          || !other.internals().containsKey(transform.name)) {
        continue; // moved to workers: its pads are the element's, not recorded
      }
      List<Frame> lastOutputs = lockStep.pads().get(transform.name + ".o0");
      boolean ended = !lastOutputs.isEmpty() && lastOutputs.get(lastOutputs.size() - 1).isEos();
      for (int i = 0; i < transform.inputs.size() + transform.outputs; i++) {
        String pad =
            transform.name
                + (i < transform.inputs.size() ? ".i" + i : ".o" + (i - transform.inputs.size()));
        List<Frame> want = lockStep.pads().get(pad);
        List<Frame> got = other.pads().getOrDefault(pad, List.of());
        if (!exact) {
          want = throughFirstEos(want);
          got = throughFirstEos(got);
        }
        if (!exact && ended && got.size() < want.size()) {
          // Past its own EOS, an element whose outputs feed a parallel element at EOS (which takes
          // no more frames until its workers are done) may end the run some iterations short:
          // its pads' frames up to the element's EOS are the same, the rest a prefix.
          int ownEos = throughFirstEos(lastOutputs).size();
          assertThat(got.size())
              .as("frames of pad %s up to the EOS of %s in %s", pad, transform.name, description)
              .isGreaterThanOrEqualTo(Math.min(ownEos, want.size()));
          assertThat(got)
              .as("frames of pad %s in %s", pad, description)
              .isEqualTo(want.subList(0, got.size()));
          continue;
        }
        if (ended) {
          assertThat(got).as("frames of pad %s in %s", pad, description).isEqualTo(want);
        } else {
          assertThat(got.subList(0, Math.min(got.size(), want.size())))
              .as("first frames of pad %s (still streaming) in %s", pad, description)
              .isEqualTo(want);
          assertThat(got.size())
              .as("frames of pad %s in %s", pad, description)
              .isGreaterThanOrEqualTo(want.size());
        }
      }
      if (ended && exact) {
        assertThat(other.internals().get(transform.name))
            .as("internal() calls of %s in %s", transform.name, description)
            .isEqualTo(lockStep.internals().get(transform.name));
      }
    }
  }

  /** The stacks of the pipeline's threads (pool, workers, run), for a run that hangs. */
  private static String threadDump() {
    StringBuilder dump = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              if (thread.getName().startsWith("sgn")) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                  dump.append("    at ").append(frame).append('\n');
                }
              }
            });
    return dump.toString();
  }

  private static List<Frame> throughFirstEos(List<Frame> frames) {
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).isEos()) {
        return frames.subList(0, i + 1);
      }
    }
    return frames;
  }

  private static void link(
      Pipeline pipeline, Map<String, Element> elements, String consumer, List<Ref> inputs) {
    Element element = elements.get(consumer);
    for (int i = 0; i < inputs.size(); i++) {
      Ref ref = inputs.get(i);
      SinkPad sink = element.sinkPad("i" + i);
      SourcePad source = elements.get(ref.element).sourcePad(ref.pad);
      pipeline.link(sink, source);
    }
  }

  private static Element transform(TransformSpec spec, Placement placement) {
    List<String> in = padNames("i", spec.inputs.size());
    List<String> out = padNames("o", spec.outputs);
    if (placement == null) {
      return new FnTransform(spec.name, in, out, spec.salt);
    }
    if (placement.logicClass()) {
      return ParallelTransformElement.builder(spec.name)
          .sinkPads(in.toArray(String[]::new))
          .sourcePads(out.toArray(String[]::new))
          .mode(placement.mode())
          .queueCapacity(placement.queueCapacity())
          .parameter("salt", spec.salt)
          .parameter("inputs", String.join(",", in))
          .parameter("outputs", String.join(",", out))
          .worker(FnLogic.class)
          .build();
    }
    int salt = spec.salt;
    if (placement.composed()) {
      var relay =
          ParallelTransformElement.builder(spec.name + "-relay")
              .sinkPads("i0")
              .sourcePads("r0")
              .mode(placement.mode())
              .workers(placement.workers())
              .queueCapacity(placement.queueCapacity())
              .map(frame -> frame)
              .build();
      var fn = new FnTransform(spec.name + "-fn", List.of("x0"), List.of("o0"), salt);
      return new Compose().connect(relay, fn, Map.of("x0", "r0")).asTransform(spec.name);
    }
    return ParallelTransformElement.builder(spec.name)
        .sinkPads("i0")
        .sourcePads("o0")
        .mode(placement.mode())
        .workers(placement.workers())
        .queueCapacity(placement.queueCapacity())
        .map(frame -> apply(List.of(frame), salt, 1).get(0))
        .build();
  }

  private static List<String> padNames(String prefix, int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  /**
   * The transforms' function: EOS if any input is EOS, a gap if any is a gap, else output j is the
   * sum of the inputs times j + 1, plus a salt, and a gap when that is a multiple of 7.
   */
  static List<Frame> apply(List<Frame> inputs, int salt, int outputs) {
    boolean eos = false;
    boolean gap = false;
    int sum = 0;
    for (Frame frame : inputs) {
      eos |= frame.isEos();
      gap |= frame.isGap();
      if (!frame.isGap()) {
        sum += (int) frame.data();
      }
    }
    List<Frame> out = new ArrayList<>(outputs);
    for (int j = 0; j < outputs; j++) {
      if (eos) {
        out.add(Frame.eos());
      } else if (gap) {
        out.add(Frame.gap());
      } else {
        int value = sum * (j + 1) + salt;
        out.add(value % 7 == 0 ? Frame.gap() : Frame.of(value));
      }
    }
    return out;
  }

  /** The transforms' function as a plain element; it can record what its pads see. */
  static final class FnTransform extends TransformElement {
    private final int salt;
    private final Frame[] inputs;
    private List<Frame> outputs;
    private Map<String, List<Frame>> pads;
    private int cost;
    private long spent;
    int internals;

    FnTransform(String name, List<String> in, List<String> out, int salt) {
      super(name, in, out);
      this.salt = salt;
      this.inputs = new Frame[in.size()];
    }

    /** Records every frame its pads see in {@code into}, and spends {@code spins} per call. */
    void record(Map<String, List<Frame>> into, int spins) {
      this.pads = into;
      this.cost = spins;
    }

    private void see(String pad, Frame frame) {
      if (pads != null) {
        pads.computeIfAbsent(name() + "." + pad, key -> new ArrayList<>()).add(frame);
      }
      for (int i = 0; i < cost; i++) {
        spent += i ^ spent;
      }
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      see(pad.shortName(), frame);
      inputs[pad.index()] = frame;
    }

    @Override
    protected void internal() {
      internals++;
      outputs = apply(List.of(inputs), salt + (int) (spent & 0), sourcePads().size());
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      Frame frame = outputs.get(pad.index());
      see(pad.shortName(), frame);
      return frame;
    }
  }

  /** The transforms' function as worker logic: for several pads, and for worker processes. */
  public static final class FnLogic implements WorkerLogic {
    @Override
    public void process(WorkerContext context) throws Exception {
      Object item = context.input().poll(Duration.ofMillis(100));
      if (item == null) {
        return;
      }
      int salt = context.parameter("salt");
      List<String> in = List.of(((String) context.parameter("inputs")).split(","));
      List<String> out = List.of(((String) context.parameter("outputs")).split(","));
      List<Frame> frames;
      if (item instanceof Frame frame) {
        frames = List.of(frame);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Frame> byPad = (Map<String, Frame>) item;
        frames = in.stream().map(byPad::get).toList();
      }
      List<Frame> results = apply(frames, salt, out.size());
      if (out.size() == 1) {
        context.output().put(results.get(0));
      } else {
        Map<String, Frame> byPad = new LinkedHashMap<>();
        for (int j = 0; j < out.size(); j++) {
          byPad.put(out.get(j), results.get(j));
        }
        context.output().put(byPad);
      }
    }
  }

  /** A sink that keeps every frame per pad and counts its iterations. */
  static final class RecordingSink extends SinkElement {
    private final Map<String, List<Frame>> frames;
    int internals;
    int eosIteration = -1;

    RecordingSink(String name, List<String> pads, Map<String, List<Frame>> frames) {
      super(name, pads);
      this.frames = frames;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
      frames.get(pad.shortName()).add(frame);
    }

    @Override
    protected void internal() {
      internals++;
      if (eosIteration < 0 && atEos()) {
        eosIteration = internals;
      }
    }
  }

  @Override
  public String toString() {
    String s =
        sources.stream()
            .map(
                src ->
                    src.name
                        + src.items.stream()
                            .map(items -> String.valueOf(items.size()))
                            .collect(Collectors.joining(",", "[", "]")))
            .collect(Collectors.joining(" "));
    String t =
        transforms.stream()
            .map(tr -> tr.name + tr.inputs + "->" + tr.outputs)
            .collect(Collectors.joining(" "));
    String k =
        sinks.stream()
            .map(sink -> sink.name + sink.inputs + (sink.policy == EosPolicy.ALL ? " ALL" : ""))
            .collect(Collectors.joining(" "));
    return "graph " + seed + ": sources " + s + "; transforms " + t + "; sinks " + k;
  }
}
