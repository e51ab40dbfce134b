package dev.sgn4j.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Pipeline;
import dev.sgn4j.elements.NullSink;
import dev.sgn4j.elements.NullSource;
import dev.sgn4j.worker.SharedMemory;
import dev.sgn4j.worker.SharedSlice;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSliceTest {

  private static Pipeline pipeline() {
    return new Pipeline()
        .connect(
            new NullSource("src", List.of("out"), 1, null), new NullSink("sink", List.of("out")));
  }

  @Test
  void aSharedSegmentIsReadableAndWritableByItsOwnerOnlyAndGoneWithItsScope() throws Exception {
    java.nio.file.Path path;
    try (var scope = new Parallelize(pipeline())) {
      SharedMemory segment = scope.toShm("private", 4096);
      path = segment.path();

      assertThat(path.getFileName().toString())
          .startsWith("sgn4j-" + ProcessHandle.current().pid() + "-shm-private-");
      assertThat(java.nio.file.Files.getPosixFilePermissions(path))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void aSliceViewsItsRangeOfTheSegmentInPlace() {
    try (var scope = new Parallelize(pipeline())) {
      SharedMemory frames = scope.toShm("frames", 64);
      SharedSlice slice = frames.slice(16, 8);
      ByteBuffer view = frames.view(slice);
      view.putLong(0, 0x0102030405060708L);

      assertThat(slice).isEqualTo(new SharedSlice("frames", 16, 8));
      assertThat(slice.end()).isEqualTo(24);
      assertThat(view.position()).isZero();
      assertThat(view.limit()).isEqualTo(8);
      assertThat(frames.buffer().getLong(16)).isEqualTo(0x0102030405060708L);
      assertThat(frames.buffer().getLong(8)).isZero();
    }
  }

  @Test
  void anEmptySegmentOfAGivenSizeIsZeroed() {
    try (var scope = new Parallelize(pipeline())) {
      SharedMemory segment = scope.toShm("room", 4096);

      assertThat(segment.size()).isEqualTo(4096);
      ByteBuffer bytes = segment.buffer();
      while (bytes.hasRemaining()) {
        assertThat(bytes.get()).isZero();
      }
      assertThatThrownBy(() -> scope.toShm("none", 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("shared memory 'none' needs a size of at least 1 byte, got 0");
      assertThatThrownBy(() -> scope.toShm("room", 8))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "shared memory 'room' already exists in this scope; choose another name (the"
                  + " existing 1 segment is kept)");
    }
  }

  @Test
  void badSlicesAreRefusedWithTheSegmentAndTheRange() {
    try (var scope = new Parallelize(pipeline())) {
      SharedMemory frames = scope.toShm("frames", 64);
      SharedMemory other = scope.toShm("other", 64);

      assertThatThrownBy(() -> frames.slice(60, 8))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("bytes 60 to 68 are outside shared memory 'frames' of 64 bytes");
      assertThatThrownBy(() -> frames.view(new SharedSlice("frames", 32, 40)))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("bytes 32 to 72 are outside shared memory 'frames' of 64 bytes");
      assertThatThrownBy(() -> other.view(frames.slice(0, 8)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a slice of shared memory 'frames' cannot be read from shared memory 'other'; look"
                  + " the segment up by the slice's name");
      assertThatThrownBy(() -> new SharedSlice("frames", -1, 8))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "slice of shared memory 'frames': offset and length must not be negative, got"
                  + " offset -1 and length 8");
      assertThatThrownBy(() -> new SharedSlice(null, 0, 8))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("the segment name of a shared slice must not be null");
    }
  }

  @Test
  void aSegmentFreedWithItsScopeCannotBeViewed() {
    SharedMemory frames;
    SharedSlice slice;
    try (var scope = new Parallelize(pipeline())) {
      frames = scope.toShm("frames", 64);
      slice = frames.slice(0, 8);
    }
    assertThat(frames.isFreed()).isTrue();
    assertThatThrownBy(() -> frames.view(slice)).isInstanceOf(IllegalStateException.class);
  }
}
