package dev.sgn4j.flink;

import dev.sgn4j.Element;
import dev.sgn4j.SinkElement;
import dev.sgn4j.stats.ElementStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a run on Flink, as {@code Run.stats()} reads them: every element's counts as they
 * come back from the tasks at its end (zeros until then), and the run's iterations, those of its
 * longest-running sink, as a local run counts them. Read from any thread.
 */
final class RunFigures {

  private final List<Element> elements;
  private final ClassLoader loader;
  private final Figures[] byElement;
  private volatile List<ElementStats> stats;
  private volatile long iterations;

  RunFigures(List<Element> elements, ClassLoader loader) {
    this.elements = elements;
    this.loader = loader;
    this.byElement = new Figures[elements.size()];
    this.stats = build();
  }

  /** Adds an element's (or one parallel instance's) figures. Called by one thread. */
  void add(FrameRecord record) {
    Figures figures;
    try {
      figures = (Figures) Shipping.unpack((byte[]) record.frame().data(), loader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int index = record.producer();
    if (byElement[index] == null) {
      byElement[index] = figures;
    } else {
      byElement[index].add(figures);
    }
    if (elements.get(index) instanceof SinkElement) {
      iterations = Math.max(iterations, figures.iterations());
    }
    stats = build();
  }

  long iterations() {
    return iterations;
  }

  List<ElementStats> stats() {
    return stats;
  }

  private List<ElementStats> build() {
    List<ElementStats> all = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      all.add(Figures.stats(elements.get(i), byElement[i]));
    }
    return List.copyOf(all);
  }
}
