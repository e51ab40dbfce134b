package dev.sgn4j.parallel.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared files: naming, mapping from two sides, deleting, and cleaning up after dead creators. */
final class SharedFileTest {

  static final long PID = ProcessHandle.current().pid();

  @TempDir Path directory;

  @Test
  void aFileIsNamedAfterThisProcessAndTheTagAndSizedAndMapped() throws IOException {
    try (SharedFile file = SharedFile.create(directory, "square", 10_000)) {
      String name = file.path().getFileName().toString();
      assertThat(name).matches("sgn4j-" + PID + "-square-[0-9a-f]{1,16}");
      assertThat(file.path().getParent()).isEqualTo(directory);
      assertThat(Files.size(file.path())).isEqualTo(10_000);
      assertThat(file.size()).isEqualTo(10_000);
      assertThat(file.buffer().capacity()).isEqualTo(10_000);
      assertThat(file.buffer().getLong(9_992)).isZero();
      assertThat(file.isOwner()).isTrue();
      assertThat(Files.getPosixFilePermissions(file.path()))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** The lines of /proc/self/maps that map {@code path}. */
  private static List<String> mappingsOf(Path path) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .filter(line -> line.contains(path.getFileName().toString()))
        .toList();
  }

  @Test
  void closingAScopedFileUnmapsItAtOnceAndItsBuffersThenRefuseToBeUsed() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        SharedFile.canUnmap(),
        "unmapping on demand needs Java 22 or later; this JVM is " + Runtime.version());
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isReadable(Path.of("/proc/self/maps")), "this system has no /proc/self/maps");
    SharedFile file = SharedFile.createScoped(directory, "channel", 1 << 16);
    java.nio.MappedByteBuffer buffer = file.buffer();
    java.nio.ByteBuffer view = buffer.duplicate();
    buffer.putLong(0, 42);
    assertThat(view.getLong(0)).isEqualTo(42);
    assertThat(mappingsOf(file.path())).hasSize(1);

    file.close();

    assertThat(mappingsOf(file.path())).isEmpty();
    assertThatThrownBy(() -> buffer.getLong(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Already closed");
    assertThatThrownBy(() -> view.putLong(8, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Already closed");
    assertThatThrownBy(file::buffer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("shared file " + file.path() + " is closed");
    file.close(); // idempotent
  }

  @Test
  void aPlainFilesBuffersStayUsableAfterClose() throws IOException {
    SharedFile file = SharedFile.create(directory, "segment", 1 << 16);
    java.nio.MappedByteBuffer buffer = file.buffer();
    buffer.putLong(0, 42);

    file.close();

    assertThat(buffer.getLong(0)).isEqualTo(42);
    assertThat(Files.exists(file.path())).isFalse();
  }

  @Test
  void tagsAreSanitizedAndCut() {
    assertThat(SharedFile.sanitize("my element/ä b:c.d-e_f")).isEqualTo("my_element___b_c.d-e_f");
    assertThat(SharedFile.sanitize("")).isEmpty();
    assertThat(SharedFile.sanitize("x".repeat(100))).isEqualTo("x".repeat(64));
    try (SharedFile file = SharedFile.create(directory, "../evil name", 8)) {
      assertThat(file.path().getParent()).isEqualTo(directory);
      assertThat(file.path().getFileName().toString())
          .startsWith("sgn4j-" + PID + "-.._evil_name-");
    }
  }

  @Test
  void twoFilesWithTheSameTagGetDifferentNames() {
    try (SharedFile a = SharedFile.create(directory, "same", 8);
        SharedFile b = SharedFile.create(directory, "same", 8)) {
      assertThat(a.path()).isNotEqualTo(b.path());
    }
  }

  @Test
  void writesThroughOneMappingAreSeenThroughAnother() {
    try (SharedFile owner = SharedFile.create(directory, "shared", 4096);
        SharedFile opened = SharedFile.open(owner.path())) {
      owner.buffer().putLong(128, 0x1234_5678_9abc_def0L);
      assertThat(opened.buffer().getLong(128)).isEqualTo(0x1234_5678_9abc_def0L);
      opened.buffer().putInt(4000, 77);
      assertThat(owner.buffer().getInt(4000)).isEqualTo(77);
      assertThat(opened.isOwner()).isFalse();
      assertThat(opened.size()).isEqualTo(4096);
    }
  }

  @Test
  void closeDeletesTheOwnersFileOnceAndTheOpenerLeavesIt() {
    SharedFile owner = SharedFile.create(directory, "owned", 64);
    SharedFile opened = SharedFile.open(owner.path());
    opened.close();
    assertThat(owner.path()).exists();
    assertThatThrownBy(opened::buffer)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("shared file " + owner.path() + " is closed");

    owner.close();
    assertThat(owner.path()).doesNotExist();
    owner.close();
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void unlinkRemovesTheNameWhileBothMappingsStillShareTheMemory() {
    try (SharedFile owner = SharedFile.create(directory, "unlinked", 64);
        SharedFile opened = SharedFile.open(owner.path())) {
      owner.unlink();
      owner.unlink();
      assertThat(directory).isEmptyDirectory();
      owner.buffer().putLong(0, 99);
      assertThat(opened.buffer().getLong(0)).isEqualTo(99);
      assertThatThrownBy(opened::unlink)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              "shared file "
                  + owner.path()
                  + " belongs to the process that created it; only it may delete it");
    }
  }

  @Test
  void sizesOutOfRangeAreRejected() {
    assertThatThrownBy(() -> SharedFile.create(directory, "x", 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("size of a shared file must be between 1 and 2147483647 bytes but it was 0");
    assertThatThrownBy(() -> SharedFile.create(directory, "x", 1L << 31))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "size of a shared file must be between 1 and 2147483647 bytes but it was 2147483648");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void openingAMissingFileNamesIt() {
    Path missing = directory.resolve("sgn4j-1-missing-0");
    assertThatThrownBy(() -> SharedFile.open(missing))
        .isExactlyInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot open shared file " + missing + ": ");
  }

  @Test
  void theDefaultDirectoryIsDevShmWhenWritable() {
    Path devShm = Path.of("/dev/shm");
    Path expected =
        Files.isDirectory(devShm) && Files.isWritable(devShm)
            ? devShm
            : Path.of(System.getProperty("java.io.tmpdir"));
    assertThat(SharedFile.defaultDirectory()).isEqualTo(expected);
  }

  @Test
  void thePidComesFromTheName() {
    assertThat(SharedFile.creatorPid(Path.of("sgn4j-1234-square-ab"))).hasValue(1234);
    assertThat(SharedFile.creatorPid(Path.of("/dev/shm/sgn4j-7-x"))).hasValue(7);
    assertThat(SharedFile.creatorPid(Path.of("sgn4j-12a-x"))).isEqualTo(OptionalLong.empty());
    assertThat(SharedFile.creatorPid(Path.of("sgn4j--x"))).isEqualTo(OptionalLong.empty());
    assertThat(SharedFile.creatorPid(Path.of("sgn4j-123"))).isEqualTo(OptionalLong.empty());
    assertThat(SharedFile.creatorPid(Path.of("other-123-x"))).isEqualTo(OptionalLong.empty());
    assertThat(SharedFile.creatorPid(Path.of("sgn4j-99999999999999999999-x")))
        .isEqualTo(OptionalLong.empty());
  }

  @Test
  void removeStaleDeletesFilesOfDeadProcessesOnly() throws Exception {
    long deadPid = deadPid();
    Path ofDeadProcess = Files.createFile(directory.resolve("sgn4j-" + deadPid + "-square-1f"));
    Path ofNoProcess = Files.createFile(directory.resolve("sgn4j-999999999-x-2"));
    Path notAPid = Files.createFile(directory.resolve("sgn4j-abc-x-3"));
    Path notOurs = Files.createFile(directory.resolve("other-" + deadPid + "-x"));
    Path parents = Files.createFile(directory.resolve("sgn4j-1-init-4")); // pid 1 lives
    try (SharedFile mine = SharedFile.create(directory, "mine", 8)) {
      List<Path> removed = SharedFile.removeStale(directory);

      assertThat(removed).containsExactlyInAnyOrder(ofDeadProcess, ofNoProcess);
      assertThat(ofDeadProcess).doesNotExist();
      assertThat(ofNoProcess).doesNotExist();
      assertThat(List.of(notAPid, notOurs, parents, mine.path()))
          .allSatisfy(p -> assertThat(p).exists());
      assertThat(SharedFile.removeStale(directory)).isEmpty();
    }
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false))
          .isFalse();
      return process.pid();
    } finally {
      process.destroyForcibly();
    }
  }
}
