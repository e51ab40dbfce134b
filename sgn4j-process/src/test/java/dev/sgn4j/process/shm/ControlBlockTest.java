package dev.sgn4j.process.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.process.shm.ControlBlock.Flag;
import dev.sgn4j.sharedtests.QueueTestThreads;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The control block: layout checks, flags, waiting for a flag, heartbeats, the error record. */
final class ControlBlockTest {

  private static final VarHandle INTS =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private final QueueTestThreads threads = new QueueTestThreads();
  private final ByteBuffer memory = RingBufferTest.memory(ControlBlock.BYTES);
  private final ControlBlock parent = ControlBlock.create(memory, 0, "square");
  private final ControlBlock child = ControlBlock.open(memory.duplicate(), 0, "the file");

  @AfterEach
  void noThreadOutlivesItsTest() throws InterruptedException {
    threads.close();
  }

  @Test
  void aFreshBlockHasNoFlagsNoErrorAndKnowsItsCreator() {
    for (Flag flag : Flag.values()) {
      assertThat(child.isSet(flag)).as("%s", flag).isFalse();
    }
    assertThat(child.error()).isEmpty();
    assertThat(child.exitStatus()).isZero();
    assertThat(child.name()).isEqualTo("square");
    assertThat(child.parentPid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(child.fileSize()).isEqualTo(ControlBlock.BYTES);
    assertThat(child.parentHeartbeat()).isZero();
    assertThat(child.childHeartbeat()).isZero();
    assertThat(child).hasToString("ControlBlock[square]");
  }

  @Test
  void flagsSetOnOneSideAreSeenOnTheOther() {
    child.set(Flag.READY);
    parent.set(Flag.SHUTDOWN);
    assertThat(parent.isSet(Flag.READY)).isTrue();
    assertThat(child.isSet(Flag.SHUTDOWN)).isTrue();
    assertThat(child.isSet(Flag.STOP)).isFalse();
    assertThat(parent.isSet(Flag.TERMINATED)).isFalse();
    child.setExitStatus(3);
    child.set(Flag.TERMINATED);
    assertThat(parent.exitStatus()).isEqualTo(3);
    assertThat(parent).hasToString("ControlBlock[square, ready, shutdown, terminated]");
  }

  @Test
  void aWrongMagicOrLayoutVersionFailsOpenWithWhatToDo() {
    ByteBuffer blank = RingBufferTest.memory(ControlBlock.BYTES);
    assertThatThrownBy(() -> ControlBlock.open(blank, 0, "/dev/shm/x"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "/dev/shm/x is not an sgn4j worker file: it starts with 0x0 instead of"
                + " 0x53474e344a43544c");

    INTS.setVolatile(memory, ControlBlock.VERSION, 2);
    assertThatThrownBy(() -> ControlBlock.open(memory, 0, "/dev/shm/y"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage(
            "/dev/shm/y has layout version 2 but this sgn4j reads version 1: the parent and the"
                + " child run different sgn4j versions; start the child with the parent's class"
                + " path");
  }

  @Test
  void longNamesAreCutAtACharacterBoundary() {
    String name = "é".repeat(200); // 400 bytes
    ControlBlock block = ControlBlock.create(RingBufferTest.memory(ControlBlock.BYTES), 0, name);
    assertThat(block.name()).isEqualTo("é".repeat(126));
  }

  @Test
  void theErrorIsRecordedOnceAndReadOnTheOtherSide() {
    assertThat(child.setError("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n"))
        .isTrue();
    assertThat(child.setError("a later error")).isFalse();
    assertThat(parent.error())
        .hasValue("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)\n");
  }

  @Test
  void anEmptyErrorStillCounts() {
    assertThat(child.setError("")).isTrue();
    assertThat(parent.error()).hasValue("(no error text)");
  }

  @Test
  void aLongErrorIsCutWithAMarkerSayingHowMuchWasDropped() {
    String text = "x".repeat(10_000);
    child.setError(text);
    String error = parent.error().orElseThrow();

    // room for the widest marker (33 bytes, "10000"): 3291 bytes kept, 6709 dropped
    assertThat(ControlBlock.MAX_ERROR_BYTES).isEqualTo(3324);
    assertThat(error).isEqualTo("x".repeat(3291) + "\n[... 6709 more bytes truncated]");
  }

  @Test
  void aLongErrorIsNeverCutInsideACharacter() {
    String text = "ü".repeat(5_000); // 2 bytes each
    child.setError(text);
    String error = parent.error().orElseThrow();
    String kept = error.substring(0, error.indexOf('\n'));
    assertThat(kept).matches("ü+");
    int dropped = 10_000 - 2 * kept.length();
    assertThat(error).isEqualTo(kept + "\n[... " + dropped + " more bytes truncated]");
    assertThat(error.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ControlBlock.MAX_ERROR_BYTES);
  }

  @Test
  void describeGivesTheExceptionClassMessageAndStackTraceWithCauses() {
    Exception error = new IllegalStateException("outer", new ArithmeticException("inner"));
    String text = ControlBlock.describe(error);
    assertThat(text)
        .startsWith("java.lang.IllegalStateException: outer\n")
        .contains("\tat dev.sgn4j.process.shm.ControlBlockTest.")
        .contains("Caused by: java.lang.ArithmeticException: inner");
  }

  @Test
  void heartbeatsIncreaseStrictlyAndAreWallClockMillis() {
    long before = System.currentTimeMillis();
    long first = parent.beatParent();
    long second = parent.beatParent();
    long third = parent.beatParent();
    assertThat(first).isGreaterThanOrEqualTo(before);
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
    assertThat(child.parentHeartbeat()).isEqualTo(third);
    assertThat(child.childHeartbeat()).isZero();
    long childBeat = child.beatChild();
    assertThat(parent.childHeartbeat()).isEqualTo(childBeat);
  }

  @Test
  void awaitReturnsAtOnceForASetFlagAndFalseAfterTheTimeout() throws InterruptedException {
    child.set(Flag.READY);
    assertThat(parent.await(Flag.READY, Duration.ZERO)).isTrue();

    long start = System.nanoTime();
    assertThat(parent.await(Flag.TERMINATED, Duration.ofMillis(50))).isFalse();
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(waited)
        .isGreaterThanOrEqualTo(Duration.ofMillis(50))
        .isLessThan(Duration.ofSeconds(10));
    assertThat(parent.await(Flag.TERMINATED, Duration.ofSeconds(-1))).isFalse();
  }

  @RepeatedTest(20)
  void awaitSeesAFlagSetByAnotherThreadWhileParked() throws Exception {
    var waiter =
        threads.start("waiter", () -> parent.await(Flag.READY, Duration.ofDays(365 * 1000)));
    waiter.awaitParked();
    child.set(Flag.READY);
    assertThat(waiter.result()).isTrue();
  }

  @RepeatedTest(20)
  void awaitGivesUpWhenTheConditionSaysSo() throws Exception {
    AtomicBoolean childDied = new AtomicBoolean();
    var waiter =
        threads.start(
            "waiter", () -> parent.await(Flag.READY, QueueTestThreads.DEADLINE, childDied::get));
    waiter.awaitParked();
    childDied.set(true);
    assertThat(waiter.result()).isFalse();
  }

  @Test
  void awaitThrowsWhenInterrupted() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> parent.await(Flag.STOP, Duration.ofSeconds(10)))
        .isExactlyInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
