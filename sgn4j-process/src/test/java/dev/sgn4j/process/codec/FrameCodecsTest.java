package dev.sgn4j.process.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecTestSupport.Opaque;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecsTest {

  /** A type only this test registers in the process-wide registry. */
  public record Celsius(double degrees) {}

  /** The codec of {@link Celsius}. */
  public static final class CelsiusCodec implements ValueCodec<Celsius> {
    /** Creates the codec. */
    public CelsiusCodec() {}

    @Override
    public int size(Celsius value) {
      return 8;
    }

    @Override
    public void write(Celsius value, ByteBuffer out) {
      out.putDouble(value.degrees());
    }

    @Override
    public Celsius read(ByteBuffer in) {
      return new Celsius(in.getDouble());
    }
  }

  @Test
  void checkEncodableReturnsADecodedCopy() {
    int[] samples = {1, 2, 3};
    Frame frame = Frame.of(samples).withMetadata("unit", "m");

    Frame copy = (Frame) FrameCodecs.checkEncodable(frame, "element 'square'");

    assertThat(copy.data()).isNotSameAs(samples);
    assertThat((int[]) copy.data()).containsExactly(1, 2, 3);
    assertThat(copy.metadata()).isEqualTo(frame.metadata());
  }

  @Test
  void checkEncodableFailsWithTheMessageOfProcessMode() {
    assertThatThrownBy(
            () -> FrameCodecs.checkEncodable(Frame.of(List.of(new Opaque())), "element 'square'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'square': cannot encode frame data[0]: dev.sgn4j.process.codec"
                + ".CodecTestSupport$Opaque has no codec and is not Serializable; register a codec"
                + " with FrameCodecs.register(CodecTestSupport.Opaque.class, codec) or make it"
                + " Serializable");
  }

  @Test
  void theProcessWideRegistryServesCheckEncodableAndListsItsCodecs() {
    FrameCodecs.register(Celsius.class, new CelsiusCodec());

    assertThat(FrameCodecs.checkEncodable(Frame.of(new Celsius(21.5)), "element 't'"))
        .isEqualTo(Frame.of(new Celsius(21.5)));
    assertThat(FrameCodecs.registry().codecNames())
        .contains(
            "dev.sgn4j.process.codec.FrameCodecsTest$Celsius="
                + "dev.sgn4j.process.codec.FrameCodecsTest$CelsiusCodec");
    assertThat(FrameCodecs.registry()).isSameAs(FrameCodecs.registry());
  }

  @Test
  void aCodecOfTheProcessWideRegistryIsInvisibleToAnOwnRegistry() {
    FrameCodecs.register(Celsius.class, new CelsiusCodec());
    CodecRegistry own = new CodecRegistry();

    assertThatThrownBy(() -> own.checkEncodable(Frame.of(new Celsius(1)), "element 'own'"))
        .hasMessageStartingWith(
            "element 'own': cannot encode frame data: dev.sgn4j.process.codec.FrameCodecsTest$Celsius"
                + " has no codec");
  }
}
