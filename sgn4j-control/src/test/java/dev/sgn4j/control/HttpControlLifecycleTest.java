package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.elements.CollectSink;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.parallel.ParallelTransformElement;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, finding, running inside, and stopping the server. */
class HttpControlLifecycleTest {

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  @Test
  void portZeroPicksAFreePortOnLoopbackAndTheUrlSaysWhich() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      URI url = control.url();

      assertThat(url.getScheme()).isEqualTo("http");
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPort()).isBetween(1, 65535);
      assertThat(url.getPath()).isEmpty();
      assertThat(url.toString()).isEqualTo("http://127.0.0.1:" + url.getPort());
      assertThat(control.toString()).isEqualTo("HttpControl[" + url + "]");
      assertThat(client.get("/get/source/count").body()).isEqualTo("0");
    }
  }

  @Test
  void anExplicitPortIsUsedAndABusyOneFailsWithTheAddress() throws Exception {
    int port;
    try (var first = HttpControl.start(TestElements.pipeline().pipeline())) {
      port = first.url().getPort();
      var busy = HttpControl.builder(TestElements.pipeline().pipeline()).port(port);

      assertThatThrownBy(busy::build)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("Cannot start HTTP control on 127.0.0.1:" + port + ": ")
          .hasMessageContaining("in use");
    }
    try (var again = HttpControl.builder(TestElements.pipeline().pipeline()).port(port).build();
        var client = new ControlClient(again.url())) {
      assertThat(again.url().getPort()).isEqualTo(port);
      assertThat(client.get("/get/source/count").status()).isEqualTo(200);
    }
  }

  @Test
  void theRegistryFileHoldsTheUrlAndIsReplacedByTheNextServer(@TempDir Path dir) throws Exception {
    Path registry = dir.resolve("nested/dir/registry.txt");
    try (var first =
        HttpControl.builder(TestElements.pipeline().pipeline()).registryFile(registry).build()) {
      assertThat(Files.readString(registry)).isEqualTo("http://127.0.0.1:" + first.url().getPort());
    }
    assertThat(registry).as("left in place after close").exists();
    try (var second =
        HttpControl.builder(TestElements.pipeline().pipeline()).registryFile(registry).build()) {
      assertThat(Files.readString(registry)).isEqualTo(second.url().toString());
    }
    try (var files = Files.list(registry.getParent())) {
      assertThat(files).as("no temporary files left").containsExactly(registry);
    }
  }

  @Test
  void aRegistryFileThatCannotBeWrittenFailsTheStartAndLeavesNothingRunning(@TempDir Path dir)
      throws Exception {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    var builder =
        HttpControl.builder(TestElements.pipeline().pipeline())
            .registryFile(notADirectory.resolve("registry.txt"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith(
            "Cannot write the registry file " + notADirectory.resolve("registry.txt") + ": ");
  }

  @Test
  void twoServersRunAtOnceEachForItsOwnPipeline() throws Exception {
    var one = TestElements.pipeline();
    var two = TestElements.pipeline();
    two.source().state.put("message", "I am two");
    try (var first = HttpControl.start(one.pipeline());
        var second = HttpControl.start(two.pipeline());
        var firstClient = new ControlClient(first.url());
        var secondClient = new ControlClient(second.url())) {
      assertThat(first.url()).isNotEqualTo(second.url());

      assertThat(secondClient.post("/post/source", "{\"count\":2}").status()).isEqualTo(200);

      assertThat(firstClient.get("/get/source/message").body()).isEqualTo("\"Hello, World!\"");
      assertThat(secondClient.get("/get/source/message").body()).isEqualTo("\"I am two\"");
      assertThat(one.source().state.get("count")).isEqualTo(0);
      assertThat(two.source().state.get("count")).isEqualTo(2);
    }
  }

  @Test
  void afterCloseConnectionsAreRefusedAndNoServerThreadIsLeft() throws Exception {
    var control = HttpControl.start(TestElements.pipeline().pipeline());
    try (var client = new ControlClient(control.url())) {
      for (int i = 0; i < 10; i++) {
        assertThat(client.get("/get/source").status()).isEqualTo(200);
      }
      assertThat(ServerThreads.named("sgn-control-" + control.url().getPort() + "-"))
          .isNotEmpty()
          .allMatch(Thread::isDaemon);

      control.close();

      assertThat(ServerThreads.named("sgn-control-")).isEmpty();
      assertThat(ServerThreads.named("HTTP-Dispatcher")).isEmpty();
      assertThatThrownBy(() -> client.get("/get/source")).isInstanceOf(ConnectException.class);
      control.close(); // again: nothing happens
    }
  }

  /**
   * Until slow clients were considered, at most two threads answered; now each request being read
   * or answered has one, up to {@link RequestThreads#MAX_THREADS}, plus the deadline thread.
   */
  @Test
  void aBoundedNumberOfThreadsAnswersManyConcurrentRequests() throws Exception {
    try (var control = HttpControl.start(TestElements.pipeline().pipeline());
        var client = new ControlClient(control.url())) {
      var requests = new java.util.ArrayList<java.util.concurrent.Future<ControlClient.Reply>>();
      try (var callers = java.util.concurrent.Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 40; i++) {
          requests.add(callers.submit(() -> client.get("/get/source")));
        }
        for (var request : requests) {
          assertThat(request.get(10, java.util.concurrent.TimeUnit.SECONDS).status())
              .isEqualTo(200);
        }
      }
      assertThat(ServerThreads.named("sgn-control-" + control.url().getPort() + "-"))
          .hasSizeBetween(1, RequestThreads.MAX_THREADS + 1);
    }
  }

  @Test
  void tryWithResourcesStopsTheServerWhenTheRunEnds() throws Exception {
    var pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3)), new ScopeSpy("spy"))
            .handleSignals(false);
    URI url;
    HttpControl opened;
    try (var control = HttpControl.start(pipeline)) {
      url = control.url();
      opened = control;
      control.run();
    }

    assertThat(ScopeSpy.seen.get()).containsSame(opened);
    try (var client = new ControlClient(url)) {
      assertThatThrownBy(() -> client.get("/graph")).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void theServerAnswersBetweenRunsAndRunFailsOnceClosed() throws Exception {
    var graph = TestElements.pipeline();
    graph.source().state.put("eos", true);
    var control = HttpControl.start(graph.pipeline());
    try (var client = new ControlClient(control.url())) {
      control.run();
      assertThat(client.get("/get/meter/received").body()).isEqualTo("1");
      control.run();
      assertThat(client.get("/get/meter/received").body()).isEqualTo("2");
    } finally {
      control.close();
    }

    assertThatThrownBy(control::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this HttpControl ("
                + control.url()
                + ") is closed; start a new one to run the pipeline");
  }

  @Test
  void aPipelineWithParallelElementsRunsInsideParallelizeToo() throws Exception {
    var tenfold =
        ParallelTransformElement.builder("tenfold")
            .map(frame -> frame.withData((int) frame.data() * 10))
            .build();
    var sink = new CollectSink("collect", List.of("in"));
    var pipeline =
        new Pipeline()
            .connect(IterSource.of("numbers", "out", List.of(1, 2, 3)), tenfold)
            .connect(tenfold, sink)
            .handleSignals(false);

    try (var control = HttpControl.start(pipeline)) {
      control.run();
    }

    assertThat(sink.collected("in")).containsExactly(10, 20, 30);
    assertThat(ServerThreads.named("sgn-worker-")).isEmpty();
  }

  @Test
  void builderArgumentsAreChecked() {
    var builder = HttpControl.builder(new Pipeline());

    assertThatThrownBy(() -> builder.port(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be from 0 (a free port) to 65535 but it was -1");
    assertThatThrownBy(() -> builder.port(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be from 0 (a free port) to 65535 but it was 65536");
    assertThatThrownBy(() -> builder.tag("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tag must be one path segment of letters, digits, '.', '_', '~' or '-' but it was"
                + " 'a/b'");
    assertThatThrownBy(() -> builder.host(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host must be a host name or IP address, such as 127.0.0.1, but it was blank");
    assertThatThrownBy(() -> HttpControl.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pipeline");
  }

  @Test
  void anEmptyTagMeansNone() throws Exception {
    try (var control = HttpControl.builder(new Pipeline()).tag("").build()) {
      assertThat(control.url().getPath()).isEmpty();
    }
  }

  /** Records the HttpControl its run happens inside. */
  static final class ScopeSpy extends SinkElement {
    static final AtomicReference<Optional<HttpControl>> seen = new AtomicReference<>();

    ScopeSpy(String name) {
      super(name, List.of("in"));
    }

    @Override
    protected void start() {
      seen.set(runContext().scope(HttpControl.class));
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }
}
