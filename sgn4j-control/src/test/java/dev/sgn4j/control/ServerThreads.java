package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The threads HTTP control servers start, to check that none outlives its server. */
final class ServerThreads {

  private ServerThreads() {}

  /** Live threads whose name starts with {@code prefix}. */
  static List<Thread> named(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> thread.getName().startsWith(prefix))
        .toList();
  }

  /**
   * Asserts that no server thread is alive: the request threads and the JDK server's dispatcher end
   * before {@code close()} returns; the JDK server's idle-connection timer thread ends right after
   * it is cancelled, so it is joined with a deadline.
   */
  static void assertNoneLeft() throws InterruptedException {
    assertThat(named("sgn-control-")).as("request threads").isEmpty();
    assertThat(named("HTTP-Dispatcher")).as("dispatcher threads").isEmpty();
    for (Thread timer : named("idle-timeout-task")) {
      timer.join(10_000);
    }
    assertThat(named("idle-timeout-task")).as("idle timer threads").isEmpty();
  }
}
