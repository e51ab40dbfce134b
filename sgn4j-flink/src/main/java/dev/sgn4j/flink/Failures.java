package dev.sgn4j.flink;

import dev.sgn4j.PipelineException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.SerializedThrowable;

/**
 * Finds what an element threw inside the wall of exceptions a failed Flink job reports: the {@link
 * PipelineException} a task threw, read back with the job's classes, so the run fails with the same
 * exception as a local run.
 */
final class Failures {

  private Failures() {}

  /**
   * The element's failure inside {@code failure}, or null when the job failed for another reason.
   *
   * @param failure what Flink's client threw
   * @param loader the loader of the pipeline's classes
   * @return the element's exception
   */
  static PipelineException elementFailure(Throwable failure, ClassLoader loader) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (t == null || seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      if (t instanceof PipelineException pipeline) {
        return pipeline;
      }
      if (t instanceof SerializedThrowable serialized) {
        Throwable original = serialized.deserializeError(loader);
        if (original != null) {
          todo.add(original);
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        todo.add(suppressed);
      }
    }
    return null;
  }

  /**
   * Whether {@code failure} reports the job's end (Flink's {@code JobExecutionException} or an
   * element's failure), rather than a failed request about it.
   */
  static boolean isJobFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PipelineException || t instanceof JobExecutionException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message, for a job that failed outside any element. */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
