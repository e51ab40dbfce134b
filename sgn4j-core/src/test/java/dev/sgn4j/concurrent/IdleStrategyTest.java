package dev.sgn4j.concurrent;

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

/**
 * Waiting with {@link IdleStrategy#POLLING}: spin, yield, then park with a growing pause, within a
 * deadline; {@link IdleStrategy#WOKEN} and {@link IdleStrategy#PARKING} park until woken.
 */
final class IdleStrategyTest {

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
              IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(blocker);
              long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
              while (!done.get()) {
                if (!backoff.pause(deadline, true)) {
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
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
    List<Long> parks = new ArrayList<>();
    while (parks.size() < 13 && System.nanoTime() - deadline < 0) {
      boolean parking = backoff.parking();
      long next = backoff.parkNanos();
      backoff.pause(deadline, true);
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
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    long deadline = System.nanoTime() + QueueTestThreads.DEADLINE.toNanos();
    while (!backoff.parking()) {
      backoff.pause(deadline, true);
    }
    backoff.pause(deadline, true);
    assertThat(backoff.parkNanos()).isEqualTo(2_000L);
    backoff.reset();
    assertThat(backoff.parking()).isFalse();
    backoff.pause(deadline, true);
    assertThat(backoff.parkNanos()).isEqualTo(IdleStrategy.MIN_PARK_NANOS);
  }

  @Test
  void aPauseNeverOutlastsTheDeadlineAndReportsIt() throws InterruptedException {
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    long start = System.nanoTime();
    long deadline = start + Duration.ofMillis(50).toNanos();
    int pauses = 0;
    while (backoff.pause(deadline, true)) {
      pauses++;
    }
    long waited = System.nanoTime() - start;
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofSeconds(10));
    assertThat(pauses).isPositive();
    assertThat(backoff.pause(deadline, true)).isFalse();
  }

  @Test
  void aPassedDeadlineReturnsFalseAtOnce() throws InterruptedException {
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    assertThat(backoff.pause(System.nanoTime(), true)).isFalse();
    assertThat(backoff.pause(System.nanoTime() - 1_000_000, true)).isFalse();
  }

  @Test
  void anInterruptedThreadGetsInterruptedExceptionWithTheStatusCleared() {
    IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> backoff.pause(0, false))
        .isExactlyInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> backoff.pause(System.nanoTime() + 1_000_000_000L, true))
        .isExactlyInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @RepeatedTest(20)
  void aParkedWaiterThrowsWhenInterrupted() throws Exception {
    var waiter =
        threads.start(
            "waiter",
            () -> {
              IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
              try {
                while (true) {
                  backoff.pause(0, false);
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
              IdleStrategy.Wait backoff = IdleStrategy.POLLING.newWait(this);
              while (!done.get()) {
                backoff.pause(0, false);
              }
              return "done";
            });
    waiter.awaitIdle();
    done.set(true);
    assertThat(waiter.result()).isEqualTo("done");
  }

  @RepeatedTest(20)
  void aWokenWaiterParksUntilUnparkedAndAParkingOneParksAtOnce() throws Exception {
    for (IdleStrategy strategy : new IdleStrategy[] {IdleStrategy.WOKEN, IdleStrategy.PARKING}) {
      AtomicBoolean done = new AtomicBoolean();
      var waiter =
          threads.start(
              "woken waiter",
              () -> {
                IdleStrategy.Wait wait = strategy.newWait(this);
                while (!done.get()) {
                  wait.pause(0, false);
                }
                return "done after parks of " + wait.parkNanos();
              });
      waiter.awaitParked();
      done.set(true);
      LockSupport.unpark(waiter.thread());
      assertThat(waiter.result()).isEqualTo("done after parks of " + Long.MAX_VALUE);
    }
  }

  @Test
  void aParkingWaitStartsWithAParkAndAWokenOneSpinsFirstOnAMultiCoreMachine() {
    IdleStrategy.Wait parking = IdleStrategy.PARKING.newWait(this);
    IdleStrategy.Wait woken = IdleStrategy.WOKEN.newWait(this);

    assertThat(parking.next()).isEqualTo(IdleStrategy.Step.PARK);
    assertThat(woken.next())
        .isEqualTo(
            Runtime.getRuntime().availableProcessors() > 1
                ? IdleStrategy.Step.SPIN
                : IdleStrategy.Step.PARK);
  }
}
