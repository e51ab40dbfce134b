package dev.sgn4j.cli;

import dev.sgn4j.examples.ComposeRecipes;
import dev.sgn4j.examples.ConnectionStrategies;
import dev.sgn4j.examples.Demo;
import dev.sgn4j.examples.EndOfStream;
import dev.sgn4j.examples.Grouping;
import dev.sgn4j.examples.HelloWorld;
import dev.sgn4j.examples.HttpControlExample;
import dev.sgn4j.examples.InternalPads;
import dev.sgn4j.examples.MemoryProfiling;
import dev.sgn4j.examples.MixedConcurrency;
import dev.sgn4j.examples.MultiplePads;
import dev.sgn4j.examples.PadSelection;
import dev.sgn4j.examples.PoolQuickStart;
import dev.sgn4j.examples.ProcessQuickStart;
import dev.sgn4j.examples.QuickStart;
import dev.sgn4j.examples.SharedMemoryExample;
import dev.sgn4j.examples.SignalHandling;
import dev.sgn4j.examples.StatsMonitoring;
import dev.sgn4j.examples.SubprocessTutorial;
import dev.sgn4j.examples.Transforms;
import dev.sgn4j.examples.Visualization;
import dev.sgn4j.examples.WorkerPool;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The examples {@code sgn4j demo NAME} runs, by name, with a one-line description each. */
final class Examples {

  /** An example's {@code main}. */
  @FunctionalInterface
  interface Main {
    void run(String[] args) throws Exception;
  }

  /**
   * One example.
   *
   * @param name the name to run it by (kebab case of its class name)
   * @param type its class
   * @param main its main method
   * @param description one line about it
   */
  record Example(String name, Class<?> type, Main main, String description) {}

  static final List<Example> ALL =
      List.of(
          new Example(
              "demo",
              Demo.class,
              Demo::main,
              "thermometer -> to-fahrenheit -> display, printing every step (the default)"),
          new Example(
              "quick-start", QuickStart.class, QuickStart::main, "the README's quick start"),
          new Example(
              "pool-quick-start",
              PoolQuickStart.class,
              PoolQuickStart::main,
              "the README's parallel quick start: four workers, results in input order"),
          new Example(
              "process-quick-start",
              ProcessQuickStart.class,
              ProcessQuickStart::main,
              "the README's worker-process quick start: numbers squared in another JVM"),
          new Example(
              "hello-world",
              HelloWorld.class,
              HelloWorld::main,
              "a source that says hello forever, until Ctrl+C"),
          new Example(
              "end-of-stream",
              EndOfStream.class,
              EndOfStream::main,
              "hello world that stops by itself after 10 frames"),
          new Example(
              "multiple-pads",
              MultiplePads.class,
              MultiplePads::main,
              "a source with two pads feeding a sink with two pads"),
          new Example(
              "internal-pads",
              InternalPads.class,
              InternalPads::main,
              "internal() runs between an element's pulls and its frames"),
          new Example(
              "transforms",
              Transforms.class,
              Transforms::main,
              "a transform, and source pads that feed several sink pads"),
          new Example(
              "connection-strategies",
              ConnectionStrategies.class,
              ConnectionStrategies::main,
              "how connect decides which pads to link"),
          new Example(
              "grouping", Grouping.class, Grouping::main, "one connect call for several elements"),
          new Example(
              "pad-selection",
              PadSelection.class,
              PadSelection::main,
              "select some pads of an element to route them apart"),
          new Example(
              "visualization",
              Visualization.class,
              Visualization::main,
              "a pipeline's graph as DOT and Mermaid text"),
          new Example(
              "compose-recipes",
              ComposeRecipes.class,
              ComposeRecipes::main,
              "sub-graphs packaged as one source, transform or sink"),
          new Example(
              "signal-handling",
              SignalHandling.class,
              SignalHandling::main,
              "a slow live source that ends cleanly on Ctrl+C"),
          new Example(
              "memory-profiling",
              MemoryProfiling.class,
              MemoryProfiling::main,
              "where each iteration's memory goes, element by element"),
          new Example(
              "worker-pool",
              WorkerPool.class,
              WorkerPool::main,
              "four worker threads counting primes, results in input order"),
          new Example(
              "subprocess-tutorial",
              SubprocessTutorial.class,
              SubprocessTutorial::main,
              "numbers squared in one worker and logged by another"),
          new Example(
              "shared-memory",
              SharedMemoryExample.class,
              SharedMemoryExample::main,
              "an array of doubles shared with a worker that changes it in place"),
          new Example(
              "mixed-concurrency",
              MixedConcurrency.class,
              MixedConcurrency::main,
              "a worker thread, then a worker process, in one pipeline"),
          new Example(
              "stats-monitoring",
              StatsMonitoring.class,
              StatsMonitoring::main,
              "the JVM's CPU, memory, collections and threads while a pipeline runs"),
          new Example(
              "http-control",
              HttpControlExample.class,
              HttpControlExample::main,
              "change a running pipeline's settings over HTTP"));

  private Examples() {}

  /**
   * The example with this name; class names ({@code EndOfStream}) and any case also match.
   *
   * @param name the name
   * @return the example, or empty
   */
  static Optional<Example> find(String name) {
    String wanted = normalize(name);
    return ALL.stream()
        .filter(
            e ->
                normalize(e.name()).equals(wanted)
                    || normalize(e.type().getSimpleName()).equals(wanted))
        .findFirst();
  }

  /** The names, for messages. */
  static List<String> names() {
    return ALL.stream().map(Example::name).toList();
  }

  private static String normalize(String name) {
    return name.replace("-", "").toLowerCase(Locale.ROOT);
  }
}
