package dev.sgn4j.control;

import static dev.sgn4j.control.ControlClient.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server bound beyond the loopback address: its random token, required on every request as a
 * bearer header or query parameter, logged with its URL; and its Host check, which names its
 * addresses. {@code 0.0.0.0} is reached through 127.0.0.1, which it listens on too.
 */
class HttpControlTokenTest {

  private static final String SUCCESS = "{\"status\":\"success\",\"message\":\"Data received\"}";
  private static final String HOW =
      ": this server listens on %s, beyond the loopback address, so every request must carry its"
          + " token, as the header 'Authorization: Bearer <token>' or the query parameter"
          + " 'token=<token>' (HttpControl.token(); the URL the server logged at start has it)";

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  private static HttpControl everyInterface(TestElements.Graph graph) {
    return HttpControl.builder(graph.pipeline()).host("0.0.0.0").build();
  }

  /** The server's port on 127.0.0.1. */
  private static URI loopback(HttpControl control) {
    return URI.create("http://127.0.0.1:" + control.url().getPort());
  }

  private static String token(HttpControl control) {
    return control.token().orElseThrow();
  }

  @Test
  void aLoopbackServerHasNoToken() {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var named =
            HttpControl.builder(TestElements.pipeline().pipeline()).host("localhost").build()) {
      assertThat(control.token()).isEqualTo(Optional.empty());
      assertThat(named.token()).isEqualTo(Optional.empty());
    }
  }

  @Test
  void aServerBeyondLoopbackMakesItsOwnRandomUrlSafeToken() {
    try (var one = everyInterface(TestElements.pipeline());
        var two = everyInterface(TestElements.pipeline())) {
      assertThat(token(one)).matches("[A-Za-z0-9_-]{22}");
      assertThat(token(two)).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(token(one));
    }
  }

  @Test
  void withoutTheRightTokenARequestIs401SayingHowToSendIt() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = everyInterface(graph);
        var bare = new ControlClient(loopback(control));
        var wrong = new ControlClient(loopback(control), "Authorization", "Bearer nope")) {
      var missing = bare.get("/get/source");
      var wrongHeader = wrong.get("/get/source");
      var wrongQuery = bare.get("/get/source?token=" + token(control) + "x");
      var emptyQuery = bare.get("/get/source?token=");
      var otherScheme =
          new ControlClient(loopback(control), "Authorization", "Basic " + token(control));
      var basic = otherScheme.get("/get/source");
      otherScheme.close();
      var post = bare.post("/post/source", "{\"message\":\"pwned\"}");

      for (var reply : List.of(missing, basic, post)) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().get("www-authenticate"))
            .isEqualTo(List.of("Bearer realm=\"sgn-control\""));
        assertThat(reply.body()).isEqualTo(error("Missing token" + HOW.formatted("0.0.0.0")));
      }
      for (var reply : List.of(wrongHeader, wrongQuery, emptyQuery)) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo(error("Wrong token" + HOW.formatted("0.0.0.0")));
      }
      assertThat(graph.source().state.get("message")).isEqualTo("Hello, World!");
    }
  }

  @Test
  void theTokenIsTakenAsABearerHeaderOrAQueryParameter() throws Exception {
    var graph = TestElements.pipeline();
    try (var control = everyInterface(graph);
        var bearer =
            new ControlClient(loopback(control), "Authorization", "Bearer " + token(control));
        var bare = new ControlClient(loopback(control))) {
      var get = bearer.get("/get/source/count");
      var post = bearer.post("/post/source", "{\"count\":4}");
      var query = bare.get("/get/source/count?token=" + token(control));
      var queryPost = bare.post("/post/source?token=" + token(control), "{\"message\":\"hi\"}");
      var graphQuery = bare.get("/graph?format=mermaid&token=" + token(control));

      assertThat(get.status()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("0");
      assertThat(post.status()).isEqualTo(200);
      assertThat(post.body()).isEqualTo(SUCCESS);
      assertThat(query.status()).isEqualTo(200);
      assertThat(query.body()).isEqualTo("4");
      assertThat(queryPost.status()).isEqualTo(200);
      assertThat(queryPost.body()).isEqualTo(SUCCESS);
      assertThat(graphQuery.status()).isEqualTo(200);
      assertThat(graphQuery.body()).isEqualTo(graph.pipeline().toMermaid());
      assertThat(graph.source().state).containsEntry("count", 4).containsEntry("message", "hi");
    }
  }

  @Test
  void theLoggedUrlCarriesTheToken() {
    String url;
    String token;
    try (var log = new LogCapture()) {
      try (var control = everyInterface(TestElements.pipeline())) {
        url = control.url().toString();
        token = token(control);
        assertThat(url).matches("http://0\\.0\\.0\\.0:\\d+");
      }

      assertThat(log.messages)
          .containsExactly(
              ("INFO HTTP control running on %1$s/?token=%2$s (GET %1$s/get/<element>?token=%2$s,"
                      + " POST %1$s/post/<element>?token=%2$s, or send the header Authorization:"
                      + " Bearer %2$s)")
                  .formatted(url, token),
              "INFO HTTP control at %s stopped".formatted(url));
    }
  }

  /** With the right token, a Host that is not one of the server's is still refused. */
  @Test
  void onEveryInterfaceTheHostMustBeOneOfTheMachinesAddressesOrAnAllowedName() throws Exception {
    try (var control =
        HttpControl.builder(TestElements.pipeline().pipeline())
            .host("0.0.0.0")
            .allowHost("Control.Example")
            .build()) {
      int port = control.url().getPort();
      String auth = "Authorization: Bearer " + token(control);
      Set<String> hosts =
          new LinkedHashSet<>(List.of("0.0.0.0", "127.0.0.1", "localhost", "[::1]"));
      NetworkInterface.networkInterfaces()
          .flatMap(NetworkInterface::inetAddresses)
          .map(RequestChecks::literal)
          .forEach(hosts::add);
      hosts.add("control.example");
      String allowed = hosts.stream().map(h -> h + ":" + port).collect(Collectors.joining(", "));

      for (String host : hosts) {
        var reply =
            RawHttp.send(
                loopback(control),
                RawHttp.get("/get/source/count", "Host: " + host + ":" + port, auth));
        assertThat(reply.status()).as(host).isEqualTo(200);
        assertThat(reply.body()).as(host).isEqualTo("0");
      }
      var foreign =
          RawHttp.send(
              loopback(control),
              RawHttp.get("/get/source/count", "Host: evil.example:" + port, auth));
      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.body())
          .isEqualTo(
              error(
                  "Host header 'evil.example:%d' is not allowed; use one of: %s"
                      .formatted(port, allowed)));
    }
  }

  /** Bound to one interface's address, the server answers to that address only. */
  @Test
  void onOneInterfaceTheHostMustBeItsAddress() throws Exception {
    Optional<InetAddress> address =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .findFirst();
    assumeTrue(address.isPresent(), "this machine has no IPv4 address besides loopback");
    String ip = address.get().getHostAddress();
    var graph = TestElements.pipeline();
    try (var control = HttpControl.builder(graph.pipeline()).host(ip).build()) {
      int port = control.url().getPort();
      String auth = "Authorization: Bearer " + token(control);

      var own =
          RawHttp.send(
              control.url(), RawHttp.get("/get/source/count", "Host: " + ip + ":" + port, auth));
      var loopbackName =
          RawHttp.send(
              control.url(), RawHttp.get("/get/source/count", "Host: localhost:" + port, auth));
      var noToken =
          RawHttp.send(control.url(), RawHttp.get("/get/source/count", "Host: " + ip + ":" + port));

      assertThat(own.status()).isEqualTo(200);
      assertThat(own.body()).isEqualTo("0");
      assertThat(loopbackName.status()).isEqualTo(403);
      assertThat(loopbackName.body())
          .isEqualTo(
              error(
                  "Host header 'localhost:%d' is not allowed; use one of: %s:%d"
                      .formatted(port, ip, port)));
      assertThat(noToken.status()).isEqualTo(401);
      assertThat(noToken.body()).isEqualTo(error("Missing token" + HOW.formatted(ip)));
    }
  }

  @Test
  void addressesAreWrittenAsUrlsWriteThem() throws Exception {
    Map<String, String> cases =
        Map.of(
            "127.0.0.1", "127.0.0.1",
            "[::1]", "[::1]",
            "[0:0:0:0:0:0:0:0]", "[::]",
            "[fd00:0:0:0:0:0:0:2]", "[fd00::2]",
            "[1:0:0:1:0:0:0:1]", "[1:0:0:1::1]",
            "[1:0:1:0:1:0:1:0]", "[1:0:1:0:1:0:1:0]",
            "[FE80:0:0:0:FC:FF:FE00:1]", "[fe80::fc:ff:fe00:1]",
            "[1:0:0:2:0:0:3:4]", "[1::2:0:0:3:4]");
    for (var c : cases.entrySet()) {
      assertThat(RequestChecks.literal(InetAddress.getByName(c.getKey())))
          .as(c.getKey())
          .isEqualTo(c.getValue());
    }
  }
}
