package dev.sgn4j.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The control server's JSON: one strict reader and writer, and SGN's reply shapes. */
final class Json {

  /**
   * Strict on input: a duplicate key or anything after the value is an error, floating-point
   * numbers keep every digit (so a posted value converts exactly to {@code BigDecimal} or rounds
   * once to {@code double}), and Jackson's default limits on nesting and number length apply.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  /**
   * Parses a request body.
   *
   * @throws ControlError 400 {@code Invalid JSON: ...} when it is empty or not JSON
   */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ControlError.badRequest("Invalid JSON: the request body is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ControlError.badRequest("Invalid JSON: the request body is blank");
      }
      return node;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at =
          where == null
              ? ""
              : " at line %d, column %d".formatted(where.getLineNr(), where.getColumnNr());
      throw ControlError.badRequest("Invalid JSON" + at + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ControlError.badRequest("Invalid JSON: " + e.getMessage());
    }
  }

  /** The value as compact JSON. */
  static byte[] write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsBytes(value);
  }

  /** {@code {"status":status,"message":message}}, SGN's reply to posts and errors. */
  static byte[] status(String status, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", status);
    node.put("message", message);
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The value as short JSON text for messages, cut after 100 characters. */
  static String shortText(JsonNode value) {
    String text = value.toString();
    return text.length() <= 100
        ? text
        : text.substring(0, 100) + "... (" + text.length() + " chars)";
  }
}
