package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static dev.sgn4j.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.control.TestElements.Colour;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /post/<element>} against the real server: typed updates and every bad input. */
class HttpControlPostTest {

  private static final String SUCCESS = "{\"status\":\"success\",\"message\":\"Data received\"}";
  private static final String INT = "an int (a whole number from -2147483648 to 2147483647)";

  private TestElements.Graph graph;
  private Map<String, Object> state;
  private HttpControl control;
  private ControlClient client;

  @BeforeEach
  void start() {
    graph = TestElements.pipeline();
    state = graph.source().state;
    control = HttpControl.start(graph.pipeline());
    client = new ControlClient(control.url());
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    control.close();
    ServerThreads.assertNoneLeft();
  }

  private void assertSuccess(String body) throws Exception {
    var reply = client.post("/post/source", body);
    assertThat(reply.status()).as(body).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).isEqualTo(SUCCESS);
  }

  private void assertRejected(String body, int status, String message) throws Exception {
    Map<String, Object> before = new HashMap<>(state);
    var reply = client.post("/post/source", body);
    assertThat(reply.status()).as(body).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).as(body).isEqualTo(error(message));
    assertThat(state).as("state after a rejected post").isEqualTo(before);
  }

  @Test
  void postingAStringReplacesItAndGetShowsIt() throws Exception {
    assertSuccess("{\"message\":\"Updated message\"}");

    assertThat(state.get("message")).isEqualTo("Updated message");
    assertThat(client.get("/get/source/message").body()).isEqualTo("\"Updated message\"");
  }

  @Test
  void postingSeveralKeysReplacesThemAll() throws Exception {
    assertSuccess("{\"message\":\"two\",\"count\":2,\"enabled\":false}");

    assertThat(state).containsEntry("message", "two").containsEntry("count", 2);
    assertThat(state.get("enabled")).isEqualTo(false);
  }

  @Test
  void anEmptyObjectChangesNothing() throws Exception {
    Map<String, Object> before = new HashMap<>(state);

    assertSuccess("{}");

    assertThat(state).isEqualTo(before);
  }

  @Test
  void numbersBecomeTheTypeOfTheValueTheyReplace() throws Exception {
    assertSuccess(
        "{\"count\":5.0,\"total\":12345678901,\"ratio\":2,\"scale\":0.75,\"price\":\"10.50\"}");

    assertThat(state.get("count")).isInstanceOf(Integer.class).isEqualTo(5);
    assertThat(state.get("total")).isInstanceOf(Long.class).isEqualTo(12345678901L);
    assertThat(state.get("ratio")).isInstanceOf(Double.class).isEqualTo(2.0);
    assertThat(state.get("scale")).isInstanceOf(Float.class).isEqualTo(0.75f);
    assertThat(state.get("price"))
        .isInstanceOf(BigDecimal.class)
        .isEqualTo(new BigDecimal("10.50"));
  }

  @Test
  void numericStringsConvertToNumbersAndScalarsToStrings() throws Exception {
    assertSuccess("{\"count\":\" 7 \",\"message\":42}");

    assertThat(state.get("count")).isEqualTo(7);
    assertThat(state.get("message")).isEqualTo("42");
  }

  @Test
  void booleansTakeTrueAndFalseAlsoAsStrings() throws Exception {
    assertSuccess("{\"enabled\":false}");
    assertThat(state.get("enabled")).isEqualTo(false);

    assertSuccess("{\"enabled\":\"TRUE\"}");
    assertThat(state.get("enabled")).isEqualTo(true);
  }

  @Test
  void enumsTakeAConstantNameInAnyCase() throws Exception {
    assertSuccess("{\"colour\":\"GREEN\"}");
    assertThat(state.get("colour")).isEqualTo(Colour.GREEN);

    assertSuccess("{\"colour\":\"blue\"}");
    assertThat(state.get("colour")).isEqualTo(Colour.BLUE);
    assertThat(client.get("/get/source/colour").body()).isEqualTo("\"BLUE\"");
  }

  @Test
  void listItemsBecomeTheTypeOfTheItemsTheyReplace() throws Exception {
    assertSuccess("{\"values\":[4,\"5\"],\"weights\":[1,2]}");

    assertThat(state.get("values")).isEqualTo(List.of(4, 5));
    assertThat(state.get("weights")).isEqualTo(List.of(1.0, 2.0));
    assertThat(client.get("/get/source/weights").body()).isEqualTo("[1.0,2.0]");
  }

  @Test
  void mapValuesBecomeTheTypeOfTheValuesTheyReplace() throws Exception {
    assertSuccess("{\"limits\":{\"low\":2,\"high\":\"20\"}}");

    assertThat(state.get("limits")).isEqualTo(Map.of("low", 2, "high", 20));
    assertThat(client.get("/get/source/limits").json()).isEqualTo(json("{\"low\":2,\"high\":20}"));
  }

  /** Until nested keys were checked, this post succeeded and gave limits a third key. */
  @Test
  void aKeyANestedMapDoesNotHaveIs400NamingItsPathAndTheMapsKeys() throws Exception {
    assertRejected(
        "{\"limits\":{\"low\":2,\"high\":\"20\",\"step\":0.5}}",
        400,
        "Cannot set 'limits.step' of element 'source': no such key in 'limits'; its keys are:"
            + " high, low");
    assertRejected(
        "{\"count\":3,\"limits\":{\"step\":0.5,\"mid\":5}}",
        400,
        "Cannot set 'limits.step', 'limits.mid' of element 'source': no such keys in 'limits';"
            + " its keys are: high, low");
  }

  /** Until nested keys were checked, this post replaced limits with {"low":2}. */
  @Test
  void postingPartOfANestedMapChangesThoseKeysAndKeepsTheOthers() throws Exception {
    assertSuccess("{\"limits\":{\"low\":2}}");

    assertThat(state.get("limits")).isEqualTo(Map.of("low", 2, "high", 10));
    assertThat(client.get("/get/source/limits/high").body()).isEqualTo("10");

    assertSuccess("{\"limits\":{}}");
    assertThat(state.get("limits")).isEqualTo(Map.of("low", 2, "high", 10));
  }

  /**
   * A state with maps in maps, as configurations have: {@code config} holds {@code threshold} and
   * the map {@code filter}; {@code extra} is an empty map, free to take any keys.
   */
  @Test
  void mapsInMapsKeepTheirKeysAndValueTypesAtEveryDepth() throws Exception {
    Map<String, Object> tuner = new java.util.concurrent.ConcurrentHashMap<>();
    tuner.put("config", Map.of("threshold", 0.5, "filter", Map.of("order", 2, "kind", "lowpass")));
    tuner.put("extra", Map.of());
    var pipeline =
        new dev.sgn4j.Pipeline()
            .connect(
                new dev.sgn4j.elements.NullSource(
                    "idle", List.of("out"), 1, java.time.Duration.ZERO),
                new TestElements.Odd("tuner", () -> tuner));
    try (var other = HttpControl.start(pipeline);
        var otherClient = new ControlClient(other.url())) {
      record Case(String body, String message) {}
      for (var c :
          List.of(
              new Case(
                  "{\"config\":{\"threshold\":\"high\"}}",
                  "Cannot set 'config.threshold' of element 'tuner': expected a double (a finite"
                      + " number), got \"high\""),
              new Case(
                  "{\"config\":{\"limit\":1}}",
                  "Cannot set 'config.limit' of element 'tuner': no such key in 'config'; its"
                      + " keys are: filter, threshold"),
              new Case(
                  "{\"config\":{\"filter\":{\"poles\":4}}}",
                  "Cannot set 'config.filter.poles' of element 'tuner': no such key in"
                      + " 'config.filter'; its keys are: kind, order"),
              new Case(
                  "{\"config\":{\"filter\":{\"order\":2.5}}}",
                  "Cannot set 'config.filter.order' of element 'tuner': expected "
                      + INT
                      + ", got 2.5"),
              new Case(
                  "{\"config\":{\"filter\":5}}",
                  "Cannot set 'config.filter' of element 'tuner': expected a JSON object (a map),"
                      + " got 5"))) {
        Map<String, Object> before = new HashMap<>(tuner);
        var reply = otherClient.post("/post/tuner", c.body());

        assertThat(reply.status()).as(c.body()).isEqualTo(400);
        assertThat(reply.body()).as(c.body()).isEqualTo(error(c.message()));
        assertThat(tuner).isEqualTo(before);
      }

      var deep = otherClient.post("/post/tuner", "{\"config\":{\"filter\":{\"order\":\"4\"}}}");
      var free = otherClient.post("/post/tuner", "{\"extra\":{\"anything\":[1,\"a\"]}}");

      assertThat(deep.body()).isEqualTo(SUCCESS);
      assertThat(free.body()).isEqualTo(SUCCESS);
      assertThat(tuner.get("config"))
          .isEqualTo(Map.of("threshold", 0.5, "filter", Map.of("order", 4, "kind", "lowpass")));
      assertThat(tuner.get("extra")).isEqualTo(Map.of("anything", List.of(1, "a")));
    }
  }

  @Test
  void postedListsAndMapsAreUnmodifiable() throws Exception {
    assertSuccess("{\"values\":[1],\"limits\":{\"low\":0}}");

    assertThat(state.get("values")).isInstanceOf(List.class);
    assertThat(((List<?>) state.get("values")).getClass().getName()).contains("Unmodifiable");
    assertThat(state.get("limits").getClass().getName()).contains("Unmodifiable");
  }

  @Test
  void aKeyNotInTheStateIs400NamingItAndTheKeysThereAre() throws Exception {
    assertRejected(
        "{\"message\":\"x\",\"volume\":11}",
        400,
        "Cannot set 'volume' of element 'source': no such key; its keys are: "
            + TestElements.Knobs.KEYS);
    assertRejected(
        "{\"volume\":11,\"bass\":3}",
        400,
        "Cannot set 'volume', 'bass' of element 'source': no such keys; its keys are: "
            + TestElements.Knobs.KEYS);
  }

  @Test
  void aValueThatDoesNotConvertIs400NamingKeyExpectedTypeAndValue() throws Exception {
    assertRejected(
        "{\"message\":\"ok\",\"count\":2.5}",
        400,
        "Cannot set 'count' of element 'source': expected " + INT + ", got 2.5");
    assertRejected(
        "{\"count\":\"abc\"}",
        400,
        "Cannot set 'count' of element 'source': expected " + INT + ", got \"abc\"");
    assertRejected(
        "{\"count\":3000000000}",
        400,
        "Cannot set 'count' of element 'source': expected " + INT + ", got 3000000000");
    assertRejected(
        "{\"count\":true}",
        400,
        "Cannot set 'count' of element 'source': expected " + INT + ", got true");
    assertRejected(
        "{\"ratio\":1e400}",
        400,
        "Cannot set 'ratio' of element 'source': expected a double (a finite number), got 1E+400");
    assertRejected(
        "{\"enabled\":\"yes\"}",
        400,
        "Cannot set 'enabled' of element 'source': expected a boolean (true or false), got \"yes\"");
    assertRejected(
        "{\"colour\":\"PURPLE\"}",
        400,
        "Cannot set 'colour' of element 'source': expected one of RED, GREEN, BLUE (Colour), got"
            + " \"PURPLE\"");
    assertRejected(
        "{\"message\":null}",
        400,
        "Cannot set 'message' of element 'source': expected a string, got null");
    assertRejected(
        "{\"message\":{\"text\":\"hi\"}}",
        400,
        "Cannot set 'message' of element 'source': expected a string, got {\"text\":\"hi\"}");
  }

  @Test
  void aListOrMapItemThatDoesNotConvertIsNamedByItsPath() throws Exception {
    assertRejected(
        "{\"values\":[1,\"x\"]}",
        400,
        "Cannot set 'values[1]' of element 'source': expected " + INT + ", got \"x\"");
    assertRejected(
        "{\"values\":5}",
        400,
        "Cannot set 'values' of element 'source': expected a JSON array (a list), got 5");
    assertRejected(
        "{\"limits\":{\"low\":\"x\"}}",
        400,
        "Cannot set 'limits.low' of element 'source': expected " + INT + ", got \"x\"");
    assertRejected(
        "{\"limits\":[1]}",
        400,
        "Cannot set 'limits' of element 'source': expected a JSON object (a map), got [1]");
  }

  @Test
  void aLongValueIsCutInTheMessage() throws Exception {
    String longText = "x".repeat(300);

    var reply = client.post("/post/source", "{\"count\":\"" + longText + "\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .isEqualTo(
            "Cannot set 'count' of element 'source': expected "
                + INT
                + ", got \""
                + "x".repeat(99)
                + "... (302 chars)");
  }

  @Test
  void malformedJsonIs400InvalidJsonWithWhereAndWhy() throws Exception {
    assertRejected(
        "{\"message\": ",
        400,
        "Invalid JSON at line 1, column 13: Unexpected end-of-input within/between Object entries");
    assertRejected(
        "{message: 1}",
        400,
        "Invalid JSON at line 1, column 2: Unexpected character ('m' (code 109)): was expecting"
            + " double-quote to start field name");
    assertRejected(
        "{\"count\":1,\"count\":2}",
        400,
        "Invalid JSON at line 1, column 19: Duplicate field 'count'");
    assertRejected(
        "{\"count\":1} trailing",
        400,
        "Invalid JSON at line 1, column 13: Unrecognized token 'trailing': was expecting (JSON"
            + " String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void anEmptyOrBlankBodyIs400InvalidJson() throws Exception {
    assertRejected("", 400, "Invalid JSON: the request body is empty");
    assertRejected("  \n", 400, "Invalid JSON: the request body is blank");
  }

  @Test
  void jsonThatIsNotAnObjectIs400() throws Exception {
    String expected =
        "Invalid JSON: expected an object of state keys and their new values, like {\"key\":"
            + " value}, but got ";
    assertRejected("[1,2]", 400, expected + "an array: [1,2]");
    assertRejected("\"hello\"", 400, expected + "a string: \"hello\"");
    assertRejected("null", 400, expected + "null");
  }

  @Test
  void deeplyNestedJsonIs400NotACrash() throws Exception {
    String deep = "{\"values\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    var reply = client.post("/post/source", deep);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .isEqualTo(
            "Invalid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`)");
  }

  @Test
  void postingToAnUnknownElementIs404EvenWithABadBody() throws Exception {
    var reply = client.post("/post/nope", "not json");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body())
        .isEqualTo(
            error(
                "No controllable element named 'nope'; controllable elements: source, gain, meter"));
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsAccepted() throws Exception {
    String prefix = "{\"message\":\"";
    String suffix = "\"}";
    String body = prefix + "m".repeat((1 << 20) - prefix.length() - suffix.length()) + suffix;
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(1 << 20);

    assertSuccess(body);

    assertThat((String) state.get("message")).hasSize((1 << 20) - prefix.length() - 2);
  }

  @Test
  void aBodyOverOneMebibyteIs413AndTheConnectionStaysUsable() throws Exception {
    String tooLarge =
        "Request body is over the 1 MiB limit (1048576 bytes); post only the keys to change";
    byte[] body =
        ("{\"message\":\"" + "m".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> before = new HashMap<>(state);

    var declared = client.send("POST", "/post/source", BodyPublishers.ofByteArray(body));
    var chunked =
        client.send(
            "POST",
            "/post/source",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    var justOver =
        client.send("POST", "/post/source", BodyPublishers.ofByteArray(new byte[(1 << 20) + 1]));

    for (var reply : List.of(declared, chunked, justOver)) {
      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.body()).isEqualTo(error(tooLarge));
    }
    assertThat(state).isEqualTo(before);
    assertThat(client.get("/get/source/count").body()).isEqualTo("0");
  }

  @Test
  void aLargeBodyIsReadAndThrownAwayThenRefusedAndTheConnectionKeptForTheNextRequest()
      throws Exception {
    byte[] body = new byte[8 << 20];

    var reply = client.send("POST", "/post/source", BodyPublishers.ofByteArray(body));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.headers().get("connection")).isNull();
    assertThat(reply.body())
        .isEqualTo(
            error(
                "Request body is over the 1 MiB limit (1048576 bytes); post only the keys to"
                    + " change"));
    assertThat(client.get("/get/source/count").body()).isEqualTo("0");
  }

  /**
   * A body declared over the 16 MiB the server reads and throws away is refused at once, with
   * {@code Connection: close}, so a client never has to send it. Sent over a raw socket that
   * declares the length and sends nothing: a client still writing while the server closes could see
   * the connection reset before the reply, which is the price of not reading a huge body.
   */
  @Test
  void aHugeDeclaredBodyIsRefusedWithoutReadingItAndTheConnectionClosed() throws Exception {
    java.net.URI uri = control.url();
    try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(20_000);
      String request =
          "POST /post/source HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                  .formatted(uri.getHost(), uri.getPort())
              + "Content-Length: "
              + (64L << 20)
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      var in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      Map<String, String> headers = new HashMap<>();
      for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      char[] body = new char[Integer.parseInt(headers.get("content-length"))];
      int read = 0;
      while (read < body.length) {
        read += in.read(body, read, body.length - read);
      }

      assertThat(status).startsWith("HTTP/1.1 413 ");
      assertThat(headers).containsEntry("connection", "close");
      assertThat(new String(body))
          .isEqualTo(
              error(
                  "Request body is over the 1 MiB limit (1048576 bytes); post only the keys to"
                      + " change"));
    }
    assertThat(client.get("/get/source/count").body()).isEqualTo("0");
  }
}
