package dev.sgn4j.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * An in-process Flink mini-cluster for one run: started on loopback with random ports and a
 * temporary directory of its own, reached through its REST address like any cluster, and shut down
 * (its directory deleted) when the run ends.
 */
final class EmbeddedCluster implements AutoCloseable {

  /** How long a shutdown may take before it is reported. */
  private static final long CLOSE_SECONDS = 60;

  private final MiniCluster cluster;
  private final Path directory;
  private final URI rest;

  private EmbeddedCluster(MiniCluster cluster, Path directory, URI rest) {
    this.cluster = cluster;
    this.directory = directory;
    this.rest = rest;
  }

  static EmbeddedCluster start(Configuration settings, int taskManagers, int slots) {
    Path directory;
    try {
      directory = Files.createTempDirectory("sgn4j-flink-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Configuration config = new Configuration(settings);
    config.setString("io.tmp.dirs", directory.toString());
    config.setString("web.tmpdir", directory.toString());
    config.setString("web.upload.dir", directory.toString());
    config.setString("rest.bind-address", "127.0.0.1");
    config.setString("rest.address", "127.0.0.1");
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slots)
                .setCommonBindAddress("127.0.0.1")
                .withRandomPorts()
                .build());
    try {
      cluster.start();
      URI rest = cluster.getRestAddress().get(CLOSE_SECONDS, TimeUnit.SECONDS);
      // Answered once the dispatcher has its leader: a job submitted earlier is refused and
      // retried by Flink's client seconds later.
      cluster.listJobs().get(CLOSE_SECONDS, TimeUnit.SECONDS);
      return new EmbeddedCluster(cluster, directory, rest);
    } catch (Exception e) {
      try {
        cluster.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      JobJars.deleteTree(directory);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the embedded Flink cluster did not start: " + e, e);
    }
  }

  String host() {
    return rest.getHost();
  }

  int port() {
    return rest.getPort();
  }

  @Override
  public void close() {
    try {
      cluster.closeAsync().get(CLOSE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the embedded Flink cluster shut down", e);
    } catch (Exception e) {
      throw new IllegalStateException("the embedded Flink cluster did not shut down: " + e, e);
    } finally {
      JobJars.deleteTree(directory);
    }
  }
}
