package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that connect and send nothing, or send a request a byte every few seconds, cannot keep a
 * normal request waiting, and a request that stops coming has its connection closed after its
 * deadline. Raw sockets play the slow clients.
 */
class HttpControlSlowClientsTest {

  private static final int IDLE = 50;
  private static final int TRICKLING = 20;
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final int READ_TIMEOUT_MILLIS = 20_000;

  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSocketsAndCheckThreads() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    ServerThreads.assertNoneLeft();
  }

  private Socket connect(URI url) throws IOException {
    Socket socket = new Socket(url.getHost(), url.getPort());
    sockets.add(socket);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  /** Reads until the server closes the connection; what it sent before. */
  private static String readUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketException reset) {
      return "";
    }
  }

  @Test
  void fiftyIdleAndTwentyTricklingConnectionsDoNotDelayARequestBeyondASecond() throws Exception {
    var graph = TestElements.pipeline();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (var control = HttpControl.start(graph.pipeline());
        var client = new ControlClient(control.url())) {
      URI url = control.url();
      for (int i = 0; i < IDLE; i++) {
        connect(url);
      }
      byte[] request =
          ("GET /get/source HTTP/1.1\r\nHost: 127.0.0.1:" + url.getPort() + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < TRICKLING; i++) {
        Socket socket = connect(url);
        AtomicInteger sent = new AtomicInteger();
        // The first byte at once, then one every 3 seconds: the request never ends in this test.
        trickle.scheduleAtFixedRate(
            () -> {
              int next = sent.getAndIncrement();
              if (next < request.length - 1) {
                try {
                  socket.getOutputStream().write(request[next]);
                  socket.getOutputStream().flush();
                } catch (IOException closed) {
                  // the test is over
                }
              }
            },
            0,
            3,
            TimeUnit.SECONDS);
      }
      Await.until(
          TRICKLING + " trickling requests read by the server",
          () -> control.requestThreads().readingHeaders() == TRICKLING);

      long start = System.nanoTime();
      var reply = client.get("/get/source/count");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("0");
      assertThat(took).as("time to answer next to the slow clients").isLessThan(BOUND);
      // closed while the trickling requests are still being read: no thread is left (AfterEach)
    } finally {
      trickle.shutdownNow();
      assertThat(trickle.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aRequestWhoseHeadersStopComingIsClosedAfterTheHeaderDeadline() throws Exception {
    Duration deadline = Duration.ofMillis(300);
    try (var control =
            HttpControl.builder(TestElements.pipeline().pipeline())
                .requestDeadlines(deadline, Duration.ofSeconds(30))
                .build();
        var client = new ControlClient(control.url())) {
      Socket socket = connect(control.url());
      long start = System.nanoTime();
      socket
          .getOutputStream()
          .write(
              ("GET /get/source HTTP/1.1\r\nHost: 127.0.0.1:" + control.url().getPort() + "\r\n")
                  .getBytes(StandardCharsets.US_ASCII));

      String reply = readUntilClosed(socket);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(reply).as("closed without a reply").isEmpty();
      assertThat(took).isGreaterThanOrEqualTo(deadline);
      Await.until("the request forgotten", () -> control.requestThreads().readingHeaders() == 0);
      assertThat(client.get("/get/source/count").body()).isEqualTo("0");
    }
  }

  @Test
  void aBodyThatStopsComingIsClosedAfterTheBodyDeadlineAndChangesNothing() throws Exception {
    var graph = TestElements.pipeline();
    Map<String, Object> before = new HashMap<>(graph.source().state);
    Duration deadline = Duration.ofMillis(300);
    try (var control =
            HttpControl.builder(graph.pipeline())
                .requestDeadlines(Duration.ofSeconds(30), deadline)
                .build();
        var client = new ControlClient(control.url())) {
      Socket socket = connect(control.url());
      long start = System.nanoTime();
      socket
          .getOutputStream()
          .write(
              ("POST /post/source HTTP/1.1\r\nHost: 127.0.0.1:"
                      + control.url().getPort()
                      + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                      + "{\"message\":")
                  .getBytes(StandardCharsets.US_ASCII));

      String reply = readUntilClosed(socket);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(reply).as("closed without a reply").isEmpty();
      assertThat(took).isGreaterThanOrEqualTo(deadline);
      assertThat(graph.source().state).isEqualTo(before);
      assertThat(client.post("/post/source", "{\"count\":1}").status()).isEqualTo(200);
      assertThat(graph.source().state.get("count")).isEqualTo(1);
    }
  }
}
