/**
 * Pictures of a pipeline: DOT in SGN's style (element tables, unlinked pads red) and Mermaid text
 * from a {@link dev.sgn4j.graph.GraphView}, and SVG or PNG through Graphviz's {@code dot} program
 * where it is installed. {@code Pipeline.toDot()}, {@code toMermaid()} and {@code render(path)} are
 * the usual way in.
 *
 * <pre>{@code
 * Files.writeString(Path.of("pipeline.dot"), pipeline.toDot());
 * pipeline.render(Path.of("pipeline.svg"));      // needs Graphviz
 * }</pre>
 */
package dev.sgn4j.graph;
