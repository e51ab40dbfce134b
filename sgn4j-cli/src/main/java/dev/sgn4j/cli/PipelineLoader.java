package dev.sgn4j.cli;

import dev.sgn4j.Element;
import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.CollectSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Pipeline} from a YAML or JSON file: a mapping with {@code elements} (a list of
 * {@code name}, {@code type}, {@code parameters}) and {@code links} (see {@link Links}). Every
 * mistake is reported with the file, line and field.
 *
 * <pre>
 * elements:
 *   - name: numbers
 *     type: IterSource
 *     parameters: {items: [1, 2, 3]}
 *   - name: collect
 *     type: CollectSink
 * links:
 *   - numbers:out -&gt; collect:in
 * </pre>
 */
final class PipelineLoader {

  private static final List<String> TOP_LEVEL = List.of("elements", "links");
  private static final List<String> ELEMENT_FIELDS =
      List.of("name", "type", "parameters", "parallel");

  private final String file;
  private final LoadOptions options;

  private PipelineLoader(String file, LoadOptions options) {
    this.file = file;
    this.options = options;
  }

  /**
   * Reads, builds and checks the pipeline of a file.
   *
   * @param path the file
   * @param file its name as the user gave it, for messages
   * @return the pipeline, ready to run
   * @throws PipelineFileException naming the file, line and field of the first mistake
   */
  static LoadedPipeline load(Path path, String file) throws PipelineFileException {
    return load(path, file, LoadOptions.named(LoadOptions.nameOf(file)));
  }

  /**
   * Reads, builds and checks the pipeline of a file, with the command line's name, parameter values
   * and class path.
   *
   * @param path the file
   * @param file its name as the user gave it, for messages
   * @param options what the command line adds
   * @return the pipeline, ready to run
   * @throws PipelineFileException naming the file, line and field of the first mistake
   */
  static LoadedPipeline load(Path path, String file, LoadOptions options)
      throws PipelineFileException {
    return new PipelineLoader(file, options).load(TreeReader.read(path, file));
  }

  private LoadedPipeline load(Node root) throws PipelineFileException {
    if (!(root instanceof Node.MapNode rootMap)) {
      throw new PipelineFileException(
          file,
          root.line(),
          null,
          "expected a mapping with 'elements' and 'links', got " + root.kind());
    }
    int rootLine = rootMap.line();
    Map<String, Node.Field> top = rootMap.fields();
    for (Node.Field field : top.values()) {
      if (!TOP_LEVEL.contains(field.name())) {
        throw new PipelineFileException(
            file,
            field.line(),
            field.name(),
            "unknown field; a pipeline file has 'elements' and 'links'");
      }
    }
    Node.Field elementsField = top.get("elements");
    if (elementsField == null) {
      throw new PipelineFileException(
          file, rootLine, "elements", "missing; list the elements of the pipeline");
    }
    if (!(elementsField.value() instanceof Node.ListNode list) || list.items().isEmpty()) {
      throw new PipelineFileException(
          file,
          elementsField.line(),
          "elements",
          "must be a non-empty list of elements (name, type, parameters)");
    }
    Pipeline pipeline = new Pipeline(options.name());
    Map<String, Integer> lines = new LinkedHashMap<>();
    List<CollectSink> collectors = new ArrayList<>();
    for (Node item : list.items()) {
      Element element = element(item, lines);
      pipeline.insert(element);
      if (element instanceof CollectSink collector && element.getClass() == CollectSink.class) {
        collectors.add(collector);
      }
    }
    List<String> unknown = options.unknownElements(lines.keySet());
    if (!unknown.isEmpty()) {
      throw new PipelineFileException(
          file,
          0,
          null,
          "--set names element '%s', which the file does not have; its elements are %s"
              .formatted(unknown.get(0), String.join(", ", lines.keySet())));
    }
    Node.Field linksField = top.get("links");
    new Links(file, pipeline).apply(linksField);
    try {
      pipeline.check();
    } catch (IllegalStateException e) {
      throw new PipelineFileException(
          file, linksField == null ? rootLine : linksField.line(), "links", e.getMessage());
    }
    return new LoadedPipeline(pipeline, collectors);
  }

  private Element element(Node item, Map<String, Integer> lines) throws PipelineFileException {
    if (!(item instanceof Node.MapNode map)) {
      throw new PipelineFileException(
          file,
          item.line(),
          "elements",
          "each element must be a mapping with name, type and parameters, got " + item.kind());
    }
    int line = map.line();
    Map<String, Node.Field> fields = map.fields();
    for (Node.Field field : fields.values()) {
      if (!ELEMENT_FIELDS.contains(field.name())) {
        throw new PipelineFileException(
            file,
            field.line(),
            field.name(),
            "unknown field of an element; its fields are name, type, parameters and parallel");
      }
    }
    String name = text(fields, "name", line, "the element's name");
    if (!Links.isName(name)) {
      throw new PipelineFileException(
          file,
          fields.get("name").line(),
          "name",
          "invalid element name '%s'; use a non-empty name without ':' or whitespace"
              .formatted(name));
    }
    Integer first = lines.putIfAbsent(name, fields.get("name").line());
    if (first != null) {
      throw new PipelineFileException(
          file,
          fields.get("name").line(),
          "name",
          "element name '%s' is already used on line %d; element names must be unique"
              .formatted(name, first));
    }
    String type = text(fields, "type", line, "a built-in type or a fully qualified class name");
    Parameters parameters = parameters(fields, type, line, options.overrides().get(name));
    int typeLine = fields.get("type").line();
    if (fields.containsKey("parallel")) {
      return ParallelElements.build(
          file, name, type, typeLine, parameters, fields.get("parallel"), options.loader());
    }
    BuiltinElements.Builder builtin = BuiltinElements.builder(type);
    if (builtin == null && !type.contains(".")) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          "unknown element type '%s'; use one of %s or a fully qualified class name"
              .formatted(type, String.join(", ", BuiltinElements.names())));
    }
    if (builtin == null) {
      return UserElements.build(file, typeLine, type, name, parameters, options.loader());
    }
    try {
      return builtin.build(name, parameters);
    } catch (IllegalArgumentException e) {
      throw new PipelineFileException(file, parameters.line(), "parameters", e.getMessage());
    }
  }

  private String text(Map<String, Node.Field> fields, String key, int line, String what)
      throws PipelineFileException {
    Node.Field field = fields.get(key);
    if (field == null) {
      throw new PipelineFileException(
          file, line, key, "missing; every element needs '%s' (%s)".formatted(key, what));
    }
    if (field.value() instanceof Node.ScalarNode scalar && scalar.value() instanceof String value) {
      return value;
    }
    throw new PipelineFileException(
        file,
        field.line(),
        key,
        "must be a string (%s), got %s".formatted(what, field.value().kind()));
  }

  private Parameters parameters(
      Map<String, Node.Field> fields, String type, int line, Map<String, Node> overrides)
      throws PipelineFileException {
    Node.Field field = fields.get("parameters");
    if (field == null) {
      return new Parameters(file, type, line, withOverrides(Map.of(), overrides, line));
    }
    if (field.value() instanceof Node.MapNode values) {
      return new Parameters(
          file, type, field.line(), withOverrides(values.fields(), overrides, field.line()));
    }
    if (field.value() instanceof Node.ScalarNode scalar && scalar.value() == null) {
      return new Parameters(file, type, field.line(), withOverrides(Map.of(), overrides, line));
    }
    throw new PipelineFileException(
        file,
        field.line(),
        "parameters",
        "must be a mapping of parameter names to values, got " + field.value().kind());
  }

  /**
   * The file's parameters with the values of {@code --set} in place of (or beside) the file's, at
   * the line of the parameters.
   */
  private static Map<String, Node.Field> withOverrides(
      Map<String, Node.Field> fields, Map<String, Node> overrides, int line) {
    if (overrides == null || overrides.isEmpty()) {
      return fields;
    }
    Map<String, Node.Field> merged = new LinkedHashMap<>(fields);
    overrides.forEach((name, value) -> merged.put(name, new Node.Field(name, line, value)));
    return merged;
  }
}
