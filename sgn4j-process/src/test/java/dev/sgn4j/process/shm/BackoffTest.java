package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.sharedtests.QueueTestThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Waiting across processes: spin, yield, then park with a growing pause, within a deadline. */
final class BackoffTest {

  private final QueueTestThreads threads = new QueueTestThreads();

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  @RepeatedTest(20)
  void anIdleWaiterEndsUpParkedWithItsBlocker() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Object blocker = new Object();
    var waiter =
        threads.start(
            "idle waiter",
            () -> {
              Backoff backoff = new Backoff(blocker);
              long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
              while (!done.get()) {
                if (!backoff.pause(deadline)) {
                  return "timed out";
                }
              }
              return "done";
            });

    waiter.awaitIdle(); // parked, TIMED_WAITING, in ten samples in a row
    long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
    Object seen = null;
    while (seen == null && System.nanoTime() - deadline < 0) { // null between two parks
      seen = LockSupport.getBlocker(waiter.thread());
    }
    assertThat(seen).isSameAs(blocker);
    done.set(true);
    assertThat(waiter.result()).isEqualTo("done");
  }

  @Test
  void parksDoubleFromOneMicrosecondToOneMillisecond() throws InterruptedException {
    Backoff backoff = new Backoff(this);
    long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
    List<Long> parks = new ArrayList<>();
    while (parks.size() < 13 && System.nanoTime() - deadline < 0) {
      boolean parking = backoff.isParking();
      long next = backoff.nextParkNanos();
      backoff.pause(deadline);
      if (parking) {
        parks.add(next);
      }
    }
    assertThat(parks)
        .containsExactly(
            1_000L,
            2_000L,
            4_000L,
            8_000L,
            16_000L,
            32_000L,
            64_000L,
            128_000L,
            256_000L,
            512_000L,
            1_000_000L,
            1_000_000L,
            1_000_000L);
  }

  @Test
  void resetStartsTheNextWaitWithSpinningAgain() throws InterruptedException {
    Backoff backoff = new Backoff(this);
    long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
    while (!backoff.isParking()) {
      backoff.pause(deadline);
    }
    backoff.pause(deadline);
    assertThat(backoff.nextParkNanos()).isEqualTo(2_000L);
    backoff.reset();
    assertThat(backoff.isParking()).isFalse();
    backoff.pause(deadline);
    assertThat(backoff.nextParkNanos()).isEqualTo(Backoff.MIN_PARK_NANOS);
  }

  @Test
  void aPauseNeverOutlastsTheDeadlineAndReportsIt() throws InterruptedException {
    Backoff backoff = new Backoff(this);
    long start = System.nanoTime();
    long deadline = start + Duration.ofMillis(50).toNanos();
    int pauses = 0;
    while (backoff.pause(deadline)) {
      pauses++;
    }
    long waited = System.nanoTime() - start;
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofSeconds(10));
    assertThat(pauses).isPositive();
    assertThat(backoff.pause(deadline)).isFalse();
  }

  @Test
  void aPassedDeadlineReturnsFalseAtOnce() throws InterruptedException {
    Backoff backoff = new Backoff(this);
    assertThat(backoff.pause(System.nanoTime())).isFalse();
    assertThat(backoff.pause(System.nanoTime() - 1_000_000)).isFalse();
  }

  @Test
  void anInterruptedThreadGetsInterruptedExceptionWithTheStatusCleared() {
    Backoff backoff = new Backoff(this);
    Thread.currentThread().interrupt();
    assertThatThrownBy(backoff::pause).isExactlyInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> backoff.pause(System.nanoTime() + 1_000_000_000L))
        .isExactlyInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @RepeatedTest(20)
  void aParkedWaiterThrowsWhenInterrupted() throws Exception {
    var waiter =
        threads.start(
            "waiter",
            () -> {
              Backoff backoff = new Backoff(this);
              try {
                while (true) {
                  backoff.pause();
                }
              } catch (InterruptedException e) {
                return "interrupted, status " + Thread.currentThread().isInterrupted();
              }
            });
    waiter.awaitParked();
    waiter.thread().interrupt();
    assertThat(waiter.result()).isEqualTo("interrupted, status false");
  }

  @RepeatedTest(20)
  void anIdleVirtualWaiterParksToo() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    var waiter =
        threads.startVirtual(
            "idle virtual waiter",
            () -> {
              Backoff backoff = new Backoff(this);
              while (!done.get()) {
                backoff.pause();
              }
              return "done";
            });
    waiter.awaitIdle();
    done.set(true);
    assertThat(waiter.result()).isEqualTo("done");
  }
}
