package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static dev.sgn4j.control.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /get/<element>[/<key>[/<key2>]]} against the real server, before any run. */
class HttpControlGetTest {

  private TestElements.Graph graph;
  private HttpControl control;
  private ControlClient client;

  @BeforeEach
  void start() {
    graph = TestElements.pipeline();
    control = HttpControl.start(graph.pipeline());
    client = new ControlClient(control.url());
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    control.close();
    ServerThreads.assertNoneLeft();
  }

  @Test
  void getElementAnswersItsWholeStateAsJson() throws Exception {
    var reply = client.get("/get/source");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json()).isEqualTo(json(TestElements.Knobs.INITIAL_JSON));
  }

  @Test
  void getKeyAnswersTheValueUnderIt() throws Exception {
    assertThat(client.get("/get/source/message").body()).isEqualTo("\"Hello, World!\"");
    assertThat(client.get("/get/source/count").body()).isEqualTo("0");
    assertThat(client.get("/get/source/colour").body()).isEqualTo("\"RED\"");
    assertThat(client.get("/get/source/values").body()).isEqualTo("[1,2,3]");
    assertThat(client.get("/get/source/limits").json()).isEqualTo(json("{\"low\":1,\"high\":10}"));
    assertThat(client.get("/get/source/message").status()).isEqualTo(200);
  }

  @Test
  void getTwoKeysAnswersAMapValueOrAListItem() throws Exception {
    var high = client.get("/get/source/limits/high");
    var second = client.get("/get/source/values/1");

    assertThat(high.status()).isEqualTo(200);
    assertThat(high.body()).isEqualTo("10");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("2");
  }

  @Test
  void percentEncodedSegmentsAreDecoded() throws Exception {
    var reply = client.get("/get/source/the%20answer");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("42");
  }

  @Test
  void aTrailingSlashIsIgnored() throws Exception {
    assertThat(client.get("/get/source/count/").body()).isEqualTo("0");
  }

  @Test
  void getSeesChangesTheElementMakesWhileServing() throws Exception {
    graph.source().state.put("message", "changed by the element");

    assertThat(client.get("/get/source/message").body()).isEqualTo("\"changed by the element\"");
  }

  @Test
  void anElementInsideAComposedElementIsFoundByName() throws Exception {
    var reply = client.get("/get/gain");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"gain\":2}");
  }

  @Test
  void aMissingKeyIs404InSgnWords() throws Exception {
    var reply = client.get("/get/source/volume");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).isEqualTo(error("volume not in data"));
  }

  @Test
  void aMissingSecondKeyIs404InSgnWords() throws Exception {
    var inMap = client.get("/get/source/limits/middle");
    var pastTheList = client.get("/get/source/values/3");
    var inAString = client.get("/get/source/message/length");
    var negative = client.get("/get/source/values/-1");

    assertThat(inMap.status()).isEqualTo(404);
    assertThat(inMap.body()).isEqualTo(error("middle not in data[limits]"));
    assertThat(pastTheList.status()).isEqualTo(404);
    assertThat(pastTheList.body()).isEqualTo(error("3 not in data[values]"));
    assertThat(inAString.status()).isEqualTo(404);
    assertThat(inAString.body()).isEqualTo(error("length not in data[message]"));
    assertThat(negative.status()).isEqualTo(404);
    assertThat(negative.body()).isEqualTo(error("-1 not in data[values]"));
  }

  @Test
  void anUnknownElementIs404NamingTheControllableOnes() throws Exception {
    var reply = client.get("/get/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body())
        .isEqualTo(
            error(
                "No controllable element named 'nope'; controllable elements: source, gain, meter"));
  }

  @Test
  void anElementThatIsNotControllableIs404SayingSo() throws Exception {
    var composed = client.get("/get/scaler");
    var plain = client.get("/get/quiet/x");

    assertThat(composed.status()).isEqualTo(404);
    assertThat(composed.body())
        .isEqualTo(
            error(
                "Element 'scaler' is not controllable: it does not implement"
                    + " dev.sgn4j.Controllable; controllable elements: source, gain, meter"));
    assertThat(plain.status()).isEqualTo(404);
    assertThat(plain.body())
        .isEqualTo(
            error(
                "Element 'quiet' is not controllable: it does not implement"
                    + " dev.sgn4j.Controllable; controllable elements: source, gain, meter"));
  }

  @Test
  void aPipelineWithoutControllableElementsSaysHowToMakeOne() throws Exception {
    var pipeline = new Pipeline().connect(source("idle"), new NullSink("sink", List.of("in")));
    try (var other = HttpControl.start(pipeline);
        var otherClient = new ControlClient(other.url())) {
      var reply = otherClient.get("/get/nope");

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body())
          .isEqualTo(
              error(
                  "No controllable element named 'nope'; this pipeline has no controllable"
                      + " elements (elements implement dev.sgn4j.Controllable to be controlled)"));
    }
  }

  private static NullSource source(String name) {
    return new NullSource(name, List.of("out"), 1, Duration.ZERO);
  }

  @Test
  void aStateJacksonCannotWriteIs500NamingTheElement() throws Exception {
    var pipeline =
        new Pipeline()
            .connect(
                source("idle"), new TestElements.Odd("odd", () -> Map.of("thing", new Object())));
    try (var other = HttpControl.start(pipeline);
        var otherClient = new ControlClient(other.url())) {
      var reply = otherClient.get("/get/odd");

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.json().get("status").asText()).isEqualTo("error");
      assertThat(reply.json().get("message").asText())
          .startsWith(
              "Cannot write the state of element 'odd' as JSON: No serializer found for class"
                  + " java.lang.Object");
    }
  }

  @Test
  void aControlStateThatThrowsOrIsNullIs500AndTheServerGoesOn() throws Exception {
    var pipeline =
        new Pipeline()
            .connect(
                source("idle"),
                new TestElements.Odd(
                    "angry",
                    () -> {
                      throw new IllegalStateException("no state today");
                    }))
            .connect(source("idle2"), new TestElements.Odd("void", () -> null));
    try (var other = HttpControl.start(pipeline);
        var otherClient = new ControlClient(other.url())) {
      var angry = otherClient.get("/get/angry");
      var empty = otherClient.get("/get/void");

      assertThat(angry.status()).isEqualTo(500);
      assertThat(angry.body())
          .isEqualTo(
              error(
                  "Internal error while answering GET /get/angry:"
                      + " java.lang.IllegalStateException: no state today"));
      assertThat(empty.status()).isEqualTo(500);
      assertThat(empty.body())
          .isEqualTo(
              error(
                  "Element 'void' returned null from controlState(); it must return its state"
                      + " map"));
      assertThat(otherClient.get("/graph").status()).isEqualTo(200);
    }
  }
}
