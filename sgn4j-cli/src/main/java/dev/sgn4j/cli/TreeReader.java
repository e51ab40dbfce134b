package dev.sgn4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a YAML or JSON file (by its extension) into {@link Node}s that remember their lines, using
 * the token locations of Jackson's streaming parser.
 *
 * <p>Files larger than {@link #MAX_FILE_BYTES} are refused before parsing. YAML aliases of lists
 * and mappings ({@code &name [...]} or {@code &name {...}}, then {@code *name}) are expanded: an
 * alias stands for the value anchored before it, shared rather than copied, with that value's
 * lines. Jackson's YAML parser does not report the anchors of single values ({@code &name 10}), so
 * an alias to one is reported as unknown rather than read as the string {@code "name"}. All aliases
 * of a file together may repeat at most {@link #MAX_ALIAS_VALUES} values (each scalar, list and
 * mapping counts one), which stops alias bombs ("billion laughs") before their expansion fills the
 * heap.
 */
final class TreeReader {

  /** The largest pipeline file read: 8 MiB. */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** The most values that the aliases of one file may repeat. */
  static final long MAX_ALIAS_VALUES = 100_000;

  /** An anchored value and how many values it holds, itself included. */
  private record Anchor(Node node, long values) {}

  private final String file;
  private final JsonParser parser;
  private final Map<String, Anchor> anchors = new HashMap<>();

  /** Values read so far, counting the values each alias repeats. */
  private long values;

  /** Values repeated by aliases so far. */
  private long aliasValues;

  private TreeReader(String file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /**
   * Reads a whole file.
   *
   * @param path the file; its extension (.yaml, .yml or .json) chooses the syntax
   * @param file the name used in messages
   * @return the document's top value
   * @throws PipelineFileException when the file is missing, of another type, empty or malformed
   */
  static Node read(Path path, String file) throws PipelineFileException {
    JsonFactory factory = factoryFor(path, file);
    if (!Files.isRegularFile(path)) {
      throw new PipelineFileException(file, 0, null, "no such file");
    }
    checkSize(path, file);
    try (JsonParser parser = factory.createParser(path.toFile())) {
      TreeReader reader = new TreeReader(file, parser);
      if (parser.nextToken() == null) {
        throw new PipelineFileException(
            file, 1, null, "the file is empty; describe the pipeline with 'elements' and 'links'");
      }
      Node top = reader.value();
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new PipelineFileException(
            file, reader.line(), null, "unexpected content after the end of the document");
      }
      return top;
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new PipelineFileException(file, 0, null, "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Reads one value written as in a YAML file, such as the value of {@code --set e.p=VALUE}: {@code
   * 3} is a number, {@code true} a boolean, {@code [1, 2]} a list, anything else text.
   *
   * @param text the value
   * @param source what to name in messages
   * @return the value
   * @throws PipelineFileException when the text is not one YAML value
   */
  static Node readValue(String text, String source) throws PipelineFileException {
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      TreeReader reader = new TreeReader(source, parser);
      if (parser.nextToken() == null) {
        return new Node.ScalarNode(0, null);
      }
      Node value = reader.value();
      if (parser.nextToken() != null) {
        throw new PipelineFileException(source, 0, null, "more than one value in '" + text + "'");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw new PipelineFileException(source, 0, null, "cannot read '" + text + "'");
    }
  }

  private static void checkSize(Path path, String file) throws PipelineFileException {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new PipelineFileException(file, 0, null, "cannot read the file: " + e.getMessage());
    }
    if (size > MAX_FILE_BYTES) {
      throw new PipelineFileException(
          file,
          0,
          null,
          "the file has %d bytes, more than the %d bytes (8 MiB) a pipeline file may have"
              .formatted(size, MAX_FILE_BYTES));
    }
  }

  private static JsonFactory factoryFor(Path path, String file) throws PipelineFileException {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return new YAMLFactory();
    }
    if (lower.endsWith(".json")) {
      return new JsonFactory();
    }
    throw new PipelineFileException(
        file, 0, null, "unknown file type; name the file *.yaml, *.yml or *.json");
  }

  private static PipelineFileException syntaxError(String file, JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    String syntax = file.toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
    // SnakeYAML's message interleaves what is wrong with indented excerpts of the file; keep the
    // former, since the line number already says where.
    String detail =
        String.join(
            "; ",
            e.getOriginalMessage()
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" "))
                .toList());
    // The innermost field the parser was in, e.g. 'items' for a list left open.
    String field = e.getProcessor() instanceof JsonParser parser ? field(parser) : null;
    return new PipelineFileException(file, line, field, syntax + " syntax error: " + detail);
  }

  /** The innermost field the parser is in, or null at the top. */
  private static String field(JsonParser parser) {
    String field = null;
    for (JsonStreamContext context = parser.getParsingContext();
        context != null && field == null;
        context = context.getParent()) {
      field = context.getCurrentName();
    }
    return field;
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  /** Reads the value whose first token is the current one, and remembers it by its anchor. */
  private Node value() throws IOException, PipelineFileException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(yaml.getText());
    }
    String anchor = parser instanceof YAMLParser yaml ? yaml.getCurrentAnchor() : null;
    long before = values;
    Node node = plainValue();
    values++;
    if (anchor != null) {
      anchors.put(anchor, new Anchor(node, values - before));
    }
    return node;
  }

  /** The value an alias repeats, counted against {@link #MAX_ALIAS_VALUES}. */
  private Node alias(String name) throws PipelineFileException {
    Anchor anchor = anchors.get(name);
    if (anchor == null) {
      throw new PipelineFileException(
          file,
          line(),
          field(parser),
          ("unknown alias '*%s'; an alias repeats a list or mapping anchored before it ('&%s"
                  + " [...]' or '&%s {...}'); anchors on single values are not supported, so"
                  + " write the value out")
              .formatted(name, name, name));
    }
    aliasValues += anchor.values();
    values += anchor.values();
    if (aliasValues > MAX_ALIAS_VALUES) {
      throw new PipelineFileException(
          file,
          line(),
          field(parser),
          "YAML aliases repeat more than %d values in this file; write the values out or repeat fewer"
              .formatted(MAX_ALIAS_VALUES));
    }
    return anchor.node();
  }

  private Node plainValue() throws IOException, PipelineFileException {
    int line = line();
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> mapping(line);
      case START_ARRAY -> list(line);
      case VALUE_STRING -> new Node.ScalarNode(line, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new Node.ScalarNode(line, parser.getNumberValue());
      case VALUE_TRUE, VALUE_FALSE -> new Node.ScalarNode(line, parser.getBooleanValue());
      case VALUE_NULL -> new Node.ScalarNode(line, null);
      default ->
          throw new PipelineFileException(
              file, line, parser.currentName(), "unsupported value (" + token + ")");
    };
  }

  private Node mapping(int line) throws IOException, PipelineFileException {
    Map<String, Node.Field> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int keyLine = line();
      parser.nextToken();
      Node value = value();
      Node.Field previous = fields.putIfAbsent(name, new Node.Field(name, keyLine, value));
      if (previous != null) {
        throw new PipelineFileException(
            file,
            keyLine,
            name,
            "the field appears twice in one mapping (first on line %d); keep one"
                .formatted(previous.line()));
      }
    }
    return new Node.MapNode(line, fields);
  }

  private Node list(int line) throws IOException, PipelineFileException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value());
    }
    return new Node.ListNode(line, items);
  }
}
