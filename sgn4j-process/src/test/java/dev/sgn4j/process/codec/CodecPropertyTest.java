package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTestSupport.assertDeepEquals;
import static dev.sgn4j.process.codec.CodecTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecTestSupport.Values;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random items: every one round trips, and writes exactly the bytes its size announced. */
class CodecPropertyTest {

  private final TaggedItemCodec codec =
      new TaggedItemCodec(CodecTestSupport.registry(), "element 'p'");

  @Test
  void randomValuesRoundTripAndWriteExactlyTheirSize() {
    for (long seed = 0; seed < 3000; seed++) {
      Object item = new Values(seed).any(4);
      try {
        assertDeepEquals(item, roundTrip(codec, item));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void randomFramesRoundTripAndWriteExactlyTheirSize() {
    for (long seed = 0; seed < 3000; seed++) {
      Frame frame = new Values(seed).frame(3);
      try {
        assertDeepEquals(frame, roundTrip(codec, frame));
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void itemsWrittenBackToBackInOneBufferDecodeOneByOne() {
    Random random = new Random(7);
    ByteBuffer ring = ByteBuffer.allocateDirect(1 << 20);
    Object[] items = new Object[200];
    int[] ends = new int[items.length];
    for (int i = 0; i < items.length; i++) {
      items[i] = new Values(random.nextLong()).any(3);
      ItemCodec.Encoded encoded = codec.encode(items[i]);
      encoded.writeTo(ring);
      ends[i] = ring.position();
    }
    int start = 0;
    for (int i = 0; i < items.length; i++) {
      ByteBuffer record = ring.duplicate().position(start).limit(ends[i]);
      assertDeepEquals(items[i], codec.decode(record));
      start = ends[i];
    }
    assertThat(start).isEqualTo(ring.position());
  }
}
