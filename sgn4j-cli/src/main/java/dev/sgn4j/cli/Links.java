package dev.sgn4j.cli;

import dev.sgn4j.Element;
import dev.sgn4j.Pipeline;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code links} of a pipeline file, in order: {@code "source:pad -> sink:pad"} links one source
 * pad to one sink pad; {@code "source -> sink"} links two elements with {@link Pipeline#connect}'s
 * strategies (pads of the same name, a single sink pad, a single source pad).
 */
final class Links {

  /** One side of a link: an element name, optionally followed by ':' and a pad name. */
  private static final Pattern SIDE = Pattern.compile("([^\\s:]+)(?::([^\\s:]+))?");

  /** An element or pad name that a link can name: no ':' and no whitespace. */
  private static final Pattern NAME = Pattern.compile("[^\\s:]+");

  private final String file;
  private final Pipeline pipeline;

  Links(String file, Pipeline pipeline) {
    this.file = file;
    this.pipeline = pipeline;
  }

  /**
   * Whether a link can name an element or pad of this name: non-empty, without ':' or whitespace
   * (any character {@link Character#isWhitespace} accepts).
   */
  static boolean isName(String name) {
    return NAME.matcher(name).matches() && name.chars().noneMatch(Character::isWhitespace);
  }

  /** Makes every link of the {@code links} field; does nothing when there is none. */
  void apply(Node.Field links) throws PipelineFileException {
    if (links == null) {
      return;
    }
    if (!(links.value() instanceof Node.ListNode list)) {
      throw new PipelineFileException(
          file,
          links.line(),
          "links",
          "must be a list of links like 'source:out -> sink:in', got " + links.value().kind());
    }
    for (Node item : list.items()) {
      link(item);
    }
  }

  private void link(Node item) throws PipelineFileException {
    if (!(item instanceof Node.ScalarNode scalar && scalar.value() instanceof String text)) {
      throw error(
          item.line(),
          "each link must be a string like 'source:out -> sink:in' or 'source -> sink', got "
              + item.kind());
    }
    int line = item.line();
    String[] sides = text.split("->", -1);
    Matcher from = SIDE.matcher(sides[0].strip());
    Matcher to = SIDE.matcher(sides.length == 2 ? sides[1].strip() : "");
    if (sides.length != 2 || !from.matches() || !to.matches()) {
      throw error(
          line,
          "cannot read link '%s'; write 'source:out -> sink:in' or 'source -> sink'"
              .formatted(text));
    }
    Element source = element(line, from.group(1));
    Element sink = element(line, to.group(1));
    String sourcePad = from.group(2);
    String sinkPad = to.group(2);
    if ((sourcePad == null) != (sinkPad == null)) {
      throw error(
          line,
          "link '%s' names a pad on one side only; name both pads ('source:out -> sink:in') or neither ('source -> sink')"
              .formatted(text.strip()));
    }
    try {
      if (sourcePad == null) {
        pipeline.connect(source, sink);
      } else {
        pipeline.link(sink.sinkPad(sinkPad), source.sourcePad(sourcePad));
      }
    } catch (IllegalArgumentException e) {
      throw error(line, e.getMessage());
    }
  }

  private Element element(int line, String name) throws PipelineFileException {
    try {
      return pipeline.element(name);
    } catch (IllegalArgumentException e) {
      throw error(
          line,
          "no element named '%s'; the elements are %s"
              .formatted(name, pipeline.elements().stream().map(Element::name).toList()));
    }
  }

  private PipelineFileException error(int line, String detail) {
    return new PipelineFileException(file, line, "links", detail);
  }
}
