package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sgn4j.Pipeline;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the HTTP control example as a user with {@code curl} would, with {@link HttpClient}
 * against its real server. The source's pacer hands each frame to the test through a semaphore, so
 * the test knows exactly which frames were made when it reads and posts: no sleeping, no timing.
 */
class HttpControlExampleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private record Started(URI url, Pipeline pipeline) {}

  @AfterEach
  void closeClient() {
    http.close();
  }

  private String get(URI url, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).GET().build();
    var response = http.send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private String post(URI url, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  /** Waits until the source is about to make frame {@code frame}: all before it are printed. */
  private static void awaitFrame(BlockingQueue<Integer> reached, int frame) throws Exception {
    Integer next;
    do {
      next = reached.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(next).as("the source did not reach frame " + frame).isNotNull();
    } while (next != frame);
  }

  private static List<String> banner(URI url) {
    return List.of(
        "HTTP control at " + url,
        "  read the source's state: curl " + url + "/get/source",
        "  change its message:      curl -H 'Content-Type: application/json' -d '{\"message\":\"Updated message\"}' "
            + url
            + "/post/source",
        "  read what the sink saw:  curl " + url + "/get/sink",
        "Press Ctrl+C to stop");
  }

  @Test
  void aPostedMessageShowsInTheNextFramesAndTheServerStopsWithTheRun() throws Exception {
    BlockingQueue<Integer> reached = new LinkedBlockingQueue<>();
    Semaphore frames = new Semaphore(0);
    var started = new CompletableFuture<Started>();
    HttpControlExample.Pacer pacer =
        frame -> {
          reached.add(frame);
          if (!frames.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not let frame " + frame + " through");
          }
        };
    var output =
        CompletableFuture.supplyAsync(
            () ->
                Output.capture(
                    () ->
                        HttpControlExample.run(
                            pacer, 0, (url, p) -> started.complete(new Started(url, p)))));
    Started run = started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    URI url = run.url();

    frames.release(2);
    awaitFrame(reached, 3);

    assertThat(JSON.readTree(get(url, "/get/source")))
        .isEqualTo(JSON.readTree("{\"message\":\"Hello, World!\",\"count\":2}"));
    assertThat(get(url, "/get/source/message")).isEqualTo("\"Hello, World!\"");
    assertThat(JSON.readTree(get(url, "/get/sink")))
        .isEqualTo(JSON.readTree("{\"received_count\":2,\"last_message\":\"Hello, World! #2\"}"));

    assertThat(post(url, "/post/source", "{\"message\":\"Updated message\"}"))
        .isEqualTo("{\"status\":\"success\",\"message\":\"Data received\"}");
    frames.release(2);
    awaitFrame(reached, 5);

    assertThat(get(url, "/get/sink/last_message")).isEqualTo("\"Updated message #4\"");
    run.pipeline().stop(); // frame 5 carries EOS
    frames.release(1);
    List<String> lines = output.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    List<String> expected = new ArrayList<>(banner(url));
    expected.addAll(
        List.of(
            "Sink received: Hello, World! #1",
            "Sink received: Hello, World! #2",
            "Sink received: Updated message #3",
            "Sink received: Updated message #4",
            "Sink received: Updated message #5",
            "Pipeline stopped after 5 frames; HTTP control closed"));
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> get(url, "/get/source")).isInstanceOf(ConnectException.class);
    assertThat(controlThreads()).isEmpty();
  }

  @Test
  void withAFrameLimitTheRunEndsByItself() {
    AtomicReference<URI> url = new AtomicReference<>();

    var lines = Output.capture(() -> HttpControlExample.run(frame -> {}, 3, (u, p) -> url.set(u)));

    List<String> expected = new ArrayList<>(banner(url.get()));
    expected.addAll(
        List.of(
            "Sink received: Hello, World! #1",
            "Sink received: Hello, World! #2",
            "Sink received: Hello, World! #3",
            "Pipeline stopped after 3 frames; HTTP control closed"));
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(controlThreads()).isEmpty();
  }

  private static List<String> controlThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("sgn-control-") || name.equals("HTTP-Dispatcher"))
        .toList();
  }
}
