package dev.sgn4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a YAML or JSON file (by its extension) into {@link Node}s that remember their lines, using
 * the token locations of Jackson's streaming parser.
 */
final class TreeReader {

  private final String file;
  private final JsonParser parser;

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
    String field = null;
    if (e.getProcessor() instanceof JsonParser parser) {
      for (JsonStreamContext context = parser.getParsingContext();
          context != null && field == null;
          context = context.getParent()) {
        field = context.getCurrentName();
      }
    }
    return new PipelineFileException(file, line, field, syntax + " syntax error: " + detail);
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  /** Reads the value whose first token is the current one. */
  private Node value() throws IOException, PipelineFileException {
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
