package dev.sgn4j.examples;

import dev.sgn4j.Frame;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import java.util.List;
import java.util.Map;

/**
 * A sink that prints the data of every frame on its own line, as {@code LABEL: DATA} (with one sink
 * pad) or {@code LABEL PAD: DATA} (with several); gap frames print nothing. It is the user element
 * of the command line's example files: {@code sgn4j run} builds a class given by its fully
 * qualified name through a public constructor {@code (String name, Map<String, Object>
 * parameters)}, as this one has.
 *
 * <pre>{@code
 * elements:
 *   - name: show
 *     type: dev.sgn4j.examples.LinePrinter
 *     parameters: {label: "reading", pads: [in]}
 * }</pre>
 */
public final class LinePrinter extends SinkElement {

  private final String label;

  /**
   * Builds the printer from the parameters of a pipeline file.
   *
   * @param name the element name
   * @param parameters {@code pads}: the sink pad names (a list of strings, default {@code [in]});
   *     {@code label}: the text before each value (default: the element name)
   * @throws IllegalArgumentException naming the parameter when one is unknown or of the wrong type
   */
  public LinePrinter(String name, Map<String, Object> parameters) {
    super(name, pads(name, parameters));
    Object label = parameters.getOrDefault("label", name);
    if (!(label instanceof String text)) {
      throw new IllegalArgumentException(
          "LinePrinter '%s': parameter 'label' must be a string, got %s".formatted(name, label));
    }
    this.label = text;
  }

  private static List<String> pads(String name, Map<String, Object> parameters) {
    for (String key : parameters.keySet()) {
      if (!key.equals("pads") && !key.equals("label")) {
        throw new IllegalArgumentException(
            "LinePrinter '%s': unknown parameter '%s'; its parameters are pads and label"
                .formatted(name, key));
      }
    }
    Object pads = parameters.getOrDefault("pads", List.of("in"));
    if (pads instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException(
        "LinePrinter '%s': parameter 'pads' must be a non-empty list of pad names, got %s"
            .formatted(name, pads));
  }

  @Override
  protected void pull(SinkPad pad, Frame frame) {
    if (frame.isEos()) {
      markEos(pad);
    }
    if (frame.isGap()) {
      return;
    }
    String prefix = sinkPads().size() == 1 ? label : label + " " + pad.shortName();
    System.out.println(prefix + ": " + frame.data());
  }
}
