/**
 * The {@code sgn4j} command: bundled demos, pipelines described in YAML or JSON files, and their
 * graphs ({@code dev.sgn4j.cli}). Open to picocli, which reads the commands' options reflectively.
 */
open module dev.sgn4j.cli {
  requires dev.sgn4j.core;
  requires dev.sgn4j.process;
  requires dev.sgn4j.control;
  requires dev.sgn4j.examples;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.sgn4j.cli;
}
