package dev.sgn4j.flink;

import dev.sgn4j.Execution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * Carries a run's stop and abort to its Flink job: an abort cancels the job; a stop stops it with a
 * drain (Flink ends the sources and lets the graph finish, which takes a savepoint, written to a
 * temporary directory deleted afterwards). It reacts on the thread that asks, through the run's
 * wake-ups. Flink refuses a savepoint while the job's tasks are still being deployed, so a refused
 * drain is asked again every {@value #RETRY_MILLIS} ms until it is taken or the job has ended.
 */
final class JobControl implements AutoCloseable {

  /** Pause between two attempts at a drain that Flink refused. */
  static final long RETRY_MILLIS = 100;

  private final Execution execution;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile JobClient client;
  private volatile Path savepoints;

  JobControl(Execution execution) {
    this.execution = execution;
  }

  void attach(JobClient job) {
    this.client = job;
    execution.onWakeUp(this::react);
    react();
  }

  private void react() {
    JobClient job = client;
    if (job == null || closed.get()) {
      return;
    }
    if (execution.context().abortRequested()) {
      if (cancelled.compareAndSet(false, true)) {
        job.cancel();
      }
    } else if (execution.context().stopRequested() && draining.compareAndSet(false, true)) {
      try {
        savepoints = Files.createTempDirectory("sgn4j-flink-drain");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      drain(job);
    }
  }

  private void drain(JobClient job) {
    job.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
        .whenComplete(
            (path, failure) -> {
              if (failure == null || closed.get() || cancelled.get()) {
                return;
              }
              job.getJobStatus()
                  .thenAccept(
                      status -> {
                        if (!status.isGloballyTerminalState() && status != JobStatus.FAILING) {
                          CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS)
                              .execute(() -> drain(job));
                        }
                      });
            });
  }

  @Override
  public void close() {
    closed.set(true);
    execution.onWakeUp(null);
    Path directory = savepoints;
    if (directory != null) {
      JobJars.deleteTree(directory);
    }
  }
}
