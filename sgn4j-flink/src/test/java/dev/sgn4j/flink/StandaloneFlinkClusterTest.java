package dev.sgn4j.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A standalone cluster of separate JVMs comes up with its TaskManagers and leaves nothing. */
class StandaloneFlinkClusterTest {

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoTaskManagersComeUpAndEveryJvmIsGoneAfterClose(@TempDir Path dir) throws Exception {
    long started = System.nanoTime();
    StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(dir, 2, Duration.ofSeconds(120));
    Duration startTook = Duration.ofNanos(System.nanoTime() - started);
    List<ProcessHandle> processes = cluster.processes();
    Duration closeTook;
    try {
      assertThat(cluster.host()).isEqualTo("127.0.0.1");
      assertThat(cluster.workDir()).isEqualTo(dir);
      assertThat(dir.resolve("conf").resolve("config.yaml")).isRegularFile();
      assertThat(dir.resolve("jobmanager.log")).isRegularFile();
      assertThat(dir.resolve("taskmanager-1.log")).isRegularFile();
      assertThat(dir.resolve("taskmanager-2.log")).isRegularFile();

      String overview = get(cluster, "/overview");
      assertThat(overview).contains("\"taskmanagers\":2").contains("\"slots-total\":4");
      assertThat(processes).hasSize(3).allMatch(ProcessHandle::isAlive);
    } finally {
      long closing = System.nanoTime();
      cluster.close();
      closeTook = Duration.ofNanos(System.nanoTime() - closing);
    }
    System.out.printf(
        "StandaloneFlinkCluster: start %d ms, close %d ms%n",
        startTook.toMillis(), closeTook.toMillis());

    assertThat(processes).noneMatch(ProcessHandle::isAlive);
    cluster.close();
    assertThat(processes).noneMatch(ProcessHandle::isAlive);
  }

  private static String get(StandaloneFlinkCluster cluster, String path) throws Exception {
    URI uri = URI.create("http://" + cluster.host() + ":" + cluster.restPort() + path);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
  }
}
