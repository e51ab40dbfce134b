package dev.sgn4j.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistry;
import dev.sgn4j.process.codec.ValueCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Frames cross Flink's wire in sgn4j-process's codecs, user codecs included. */
class FrameRecordSerializerTest {

  /** A user type with a codec of its own. */
  public record Point(double x, double y) {}

  /** Its codec, created by name where frames are read. */
  public static final class PointCodec implements ValueCodec<Point> {
    /** Created by name. */
    public PointCodec() {}

    @Override
    public int size(Point point) {
      return 16;
    }

    @Override
    public void write(Point point, ByteBuffer out) {
      out.putDouble(point.x()).putDouble(point.y());
    }

    @Override
    public Point read(ByteBuffer in) {
      return new Point(in.getDouble(), in.getDouble());
    }
  }

  private static final List<String> CODECS =
      new CodecRegistry().register(Point.class, new PointCodec()).codecNames();

  private static FrameRecord roundTrip(TypeSerializer<FrameRecord> serializer, FrameRecord record)
      throws IOException {
    var out = new DataOutputSerializer(64);
    serializer.serialize(record, out);
    var copied = new DataOutputSerializer(out.length());
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void framesOfEveryKindComeBackEqual() throws IOException {
    TypeSerializer<FrameRecord> serializer =
        new FrameRecordType(CODECS).createSerializer(new SerializerConfigImpl());
    assertThat(serializer).isInstanceOf(FrameRecordSerializer.class);
    byte[] megabyte = new byte[1 << 20];
    Arrays.fill(megabyte, (byte) 7);
    List<FrameRecord> records =
        List.of(
            FrameRecord.frame(2, 1, 42, Frame.of(new Point(1.5, -2)).withMetadata("unit", "m")),
            FrameRecord.frame(0, 0, 1, Frame.of(Map.of("a", List.of(1L, 2L))).withEos(true)),
            FrameRecord.frame(0, 0, 2, Frame.gap()),
            FrameRecord.end(3, 99));
    for (FrameRecord record : records) {
      assertThat(roundTrip(serializer.duplicate(), record)).isEqualTo(record);
    }
    FrameRecord state = roundTrip(serializer, FrameRecord.state(1, 0, 1, new byte[] {1, 2, 3}));
    assertThat(state.kind()).isEqualTo(FrameRecord.Kind.STATE);
    assertThat((byte[]) state.frame().data()).containsExactly(1, 2, 3);
    FrameRecord big = roundTrip(serializer, FrameRecord.frame(1, 0, 7, Frame.of(megabyte)));
    assertThat((byte[]) big.frame().data()).isEqualTo(megabyte);
    assertThat(big.iteration()).isEqualTo(7);
  }

  @Test
  void aValueNoCodecKnowsFailsNamingItsClass() {
    var serializer = new FrameRecordSerializer(List.of());
    assertThatThrownBy(
            () ->
                serializer.serialize(
                    FrameRecord.frame(0, 0, 1, Frame.of(new Object())),
                    new DataOutputSerializer(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }
}
