package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTestSupport.assertDeepEquals;
import static dev.sgn4j.process.codec.CodecTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecTestSupport.AudioSpec;
import dev.sgn4j.process.codec.CodecTestSupport.Reading;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaggedItemCodecTest {

  private final TaggedItemCodec codec =
      new TaggedItemCodec(CodecTestSupport.registry(), "element 'e'");

  static Stream<Object> values() {
    return Stream.of(
        true,
        false,
        (byte) -7,
        (short) 31000,
        'é',
        '\uD83D', // a lone surrogate is a valid char
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        -1.5f,
        Float.NaN,
        Math.PI,
        Double.NEGATIVE_INFINITY,
        -0.0,
        "",
        "plain ascii",
        "héllo wörld — 日本語 😀",
        new byte[] {1, -2, 3},
        new short[] {1, -2, Short.MAX_VALUE},
        new char[] {'a', 'ß', '\uD83D'},
        new int[] {1, -2, Integer.MAX_VALUE},
        new long[] {1, -2, Long.MIN_VALUE},
        new float[] {1.5f, Float.NaN, -0f},
        new double[] {1.5, Double.NaN, Double.MIN_VALUE},
        new boolean[] {true, false, true},
        new byte[0],
        new short[0],
        new char[0],
        new int[0],
        new long[0],
        new float[0],
        new double[0],
        new boolean[0],
        List.of(1, "two", 3.0),
        new ArrayList<>(Arrays.asList(1, null, "x")),
        new LinkedList<>(List.of(List.of(1, 2), List.of())),
        Collections.unmodifiableList(new ArrayList<>(List.of('c'))),
        List.of(),
        Set.of("only"),
        Map.of("k", 1L),
        Map.of(),
        new TreeMap<>(Map.of("b", 2, "a", 1)),
        Map.of(1, List.of(Map.of("deep", new int[] {4, 5}))),
        new BigDecimal("12345.678901234567890"),
        Instant.ofEpochSecond(1_700_000_000L, 42),
        TimeUnit.SECONDS,
        new Reading("gps", 4.5, List.of(1, 2)),
        new AudioSpec(2048, "float64"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void everyBuiltInValueRoundTripsAsAnItemAndAsFrameData(Object value) {
    assertDeepEquals(value, roundTrip(codec, value));
    Frame frame = Frame.of(value);
    assertDeepEquals(frame, roundTrip(codec, frame));
  }

  @ParameterizedTest
  @MethodSource("values")
  void everyBuiltInValueRoundTripsAsMetadata(Object value) {
    if (value != null) {
      Frame frame = Frame.of(1).withMetadata("v", value);
      assertDeepEquals(frame, roundTrip(codec, frame));
    }
  }

  @Test
  void aSharedSliceTravelsAsItsReferenceInAFewBytes() {
    var slice = new dev.sgn4j.worker.SharedSlice("frames", 1 << 20, 1 << 20);
    Frame frame = Frame.of(slice).withMetadata("n", 7);

    assertThat(roundTrip(codec, slice)).isEqualTo(slice);
    assertThat(roundTrip(codec, frame)).isEqualTo(frame);
    assertThat(codec.encode(slice).size()).isEqualTo(1 + 4 + "frames".length() + 8);
  }

  @Test
  void nullRoundTripsAsAnItemAndAsFrameData() {
    assertThat(roundTrip(codec, null)).isNull();
    assertThat(roundTrip(codec, Frame.of(null))).isEqualTo(Frame.of(null));
  }

  @Test
  void framesWithEveryFlagCombinationRoundTrip() {
    for (boolean eos : new boolean[] {false, true}) {
      for (boolean gap : new boolean[] {false, true}) {
        for (Object data : new Object[] {null, 42L}) {
          Frame frame = new Frame(data, eos, gap, DataSpec.NONE, Map.of());
          assertThat(roundTrip(codec, frame)).isEqualTo(frame);
        }
      }
    }
  }

  @Test
  void theEosFrameDecodesAsTheSharedEosFrame() {
    assertThat(roundTrip(codec, Frame.eos())).isSameAs(Frame.eos());
    assertThat(roundTrip(codec, Frame.gap())).isEqualTo(Frame.gap());
  }

  @Test
  void aFrameKeepsItsSpecRecordAndMetadata() {
    Frame frame =
        Frame.of(new double[] {1, 2, 3})
            .withEos(true)
            .withSpec(new AudioSpec(16384, "float32"))
            .withMetadata("unit", "m")
            .withMetadata("count", 3)
            .withMetadata("gps", List.of(46.2, 6.1))
            .withMetadata("nested", Map.of("a", List.of(1, Map.of("b", true))));

    Frame decoded = (Frame) roundTrip(codec, frame);

    assertThat(decoded.spec()).isEqualTo(new AudioSpec(16384, "float32"));
    assertThat(decoded.metadata()).isEqualTo(frame.metadata());
    assertThat(decoded.isEos()).isTrue();
    assertThat(decoded.isGap()).isFalse();
    assertThat((double[]) decoded.data()).containsExactly(1, 2, 3);
  }

  @Test
  void aFrameOfALongTakesElevenBytes() {
    // FRAME tag, flags, LONG tag, 8 bytes
    assertThat(codec.encode(Frame.of(42L)).size()).isEqualTo(11);
  }

  @Test
  void aMapOfFramesByPadKeepsItsKeyOrder() {
    Map<String, Frame> pads = new LinkedHashMap<>();
    for (String pad : List.of("z", "a", "m", "b", "y")) {
      pads.put(pad, Frame.of(pad.charAt(0) + 0L).withMetadata("pad", pad));
    }
    pads.put("end", Frame.eos());

    @SuppressWarnings("unchecked")
    Map<String, Object> decoded = (Map<String, Object>) roundTrip(codec, pads);

    assertThat(decoded).isInstanceOf(LinkedHashMap.class).isEqualTo(pads);
    assertThat(decoded.keySet()).containsExactly("z", "a", "m", "b", "y", "end");
  }

  @Test
  void nestedListsAndMapsDecodeAsArrayListAndLinkedHashMapInOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", List.of(1, List.of(2, List.of(3))));
    inner.put("a", Arrays.asList(null, "x", new Frame(5, true, false, DataSpec.NONE, Map.of())));
    List<Object> item = List.of(inner, List.of(), Map.of(), List.of(Map.of(7, 8)));

    Object decoded = roundTrip(codec, item);

    assertDeepEquals(item, decoded);
    assertThat(decoded).isInstanceOf(ArrayList.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> decodedInner = (Map<String, Object>) ((List<Object>) decoded).get(0);
    assertThat(decodedInner).isInstanceOf(LinkedHashMap.class);
    assertThat(decodedInner.keySet()).containsExactly("z", "a");
  }

  @Test
  void largeArraysRoundTrip() {
    byte[] mebibyte = new byte[1 << 20];
    new java.util.Random(1).nextBytes(mebibyte);
    double[] doubles = IntStream.range(0, 1_000_000).mapToDouble(i -> i * 0.5 - 7).toArray();
    long[] longs = IntStream.range(0, 300_000).mapToLong(i -> (long) i * i).toArray();

    assertThat((byte[]) ((Frame) roundTrip(codec, Frame.of(mebibyte))).data()).isEqualTo(mebibyte);
    assertThat((double[]) ((Frame) roundTrip(codec, Frame.of(doubles))).data()).isEqualTo(doubles);
    assertThat((long[]) roundTrip(codec, longs)).isEqualTo(longs);
    assertThat(codec.encode(Frame.of(doubles)).size()).isEqualTo(2 + 1 + 4 + 8_000_000);
  }

  @Test
  void aByteBufferCrossesItsRemainingBytesAndIsLeftUntouched() {
    ByteBuffer direct = ByteBuffer.allocateDirect(10).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 10; i++) {
      direct.put((byte) i);
    }
    direct.position(2).limit(8);

    ByteBuffer decoded = (ByteBuffer) roundTrip(codec, direct);

    assertThat(direct.position()).isEqualTo(2);
    assertThat(direct.limit()).isEqualTo(8);
    assertThat(decoded.isDirect()).isFalse();
    assertThat(decoded.position()).isZero();
    assertThat(decoded.limit()).isEqualTo(6);
    assertThat(decoded.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(decoded).isEqualTo(direct);
    assertThat(decoded.get(0)).isEqualTo((byte) 2);
  }

  @Test
  void aReadOnlyHeapByteBufferCrossesToo() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7}).asReadOnlyBuffer();
    assertThat(roundTrip(codec, Frame.of(buffer))).isEqualTo(Frame.of(buffer));
  }

  @Test
  void serializableValuesFallBackToJavaSerialization() {
    Reading reading = new Reading("temperature", 21.5, List.of(3, 4));
    Frame frame = Frame.of(reading).withMetadata("when", Instant.ofEpochMilli(5));

    Frame decoded = (Frame) roundTrip(codec, frame);

    assertThat(decoded).isEqualTo(frame);
    assertThat(decoded.data()).isNotSameAs(reading);
  }

  @Test
  void decodingReadsARecordFromAHeapBufferAndRestoresItsOrder() {
    ItemCodec.Encoded encoded = codec.encode(List.of("a", 1L, new int[] {2}));
    ByteBuffer heap = ByteBuffer.allocate(encoded.size()).order(ByteOrder.LITTLE_ENDIAN);
    encoded.writeTo(heap);
    assertThat(heap.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);

    Object decoded = codec.decode(heap.flip());

    assertDeepEquals(List.of("a", 1L, new int[] {2}), decoded);
    assertThat(heap.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void oneEncodingMayBeWrittenTwice() {
    ItemCodec.Encoded encoded = codec.encode(Frame.of("twice").withMetadata("k", "v"));
    ByteBuffer first = ByteBuffer.allocate(encoded.size());
    ByteBuffer second = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(first);
    encoded.writeTo(second);
    assertThat(first.flip()).isEqualTo(second.flip());
  }

  @Test
  void writingIntoATargetThatIsTooSmallFailsBeforeWritingAnything() {
    ItemCodec.Encoded encoded = codec.encode(Frame.of(new byte[100]));
    ByteBuffer target = ByteBuffer.allocate(50);

    assertThatThrownBy(() -> encoded.writeTo(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'e': the item needs 107 bytes, the target has 50");
    assertThat(target.position()).isZero();
  }

  @Test
  void anItemChangedBetweenEncodeAndWriteIsDetected() {
    List<Object> list = new ArrayList<>(List.of(1L, 2L));
    ItemCodec.Encoded encoded = codec.encode(list);
    list.remove(1);
    ByteBuffer target = ByteBuffer.allocate(encoded.size());

    assertThatThrownBy(() -> encoded.writeTo(target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'e': wrote 14 bytes of an item measured at 23; was the item changed between"
                + " encode and writeTo?");
  }

  @Test
  void aCorruptRecordFailsWithTheContextNotWithAHugeAllocation() {
    ByteBuffer unknownTag = ByteBuffer.wrap(new byte[] {99});
    ByteBuffer hugeCount =
        ByteBuffer.allocate(5).order(ByteOrder.nativeOrder()).put(CodecTags.BYTES).putInt(1 << 30);
    ByteBuffer truncated =
        ByteBuffer.allocate(3)
            .order(ByteOrder.nativeOrder())
            .put(CodecTags.LONG)
            .putShort((short) 1);
    ByteBuffer trailing = ByteBuffer.wrap(new byte[] {CodecTags.NULL, 0});

    assertThatThrownBy(() -> codec.decode(unknownTag))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("element 'e': corrupt record: unknown tag 99 at byte 0 of the record");
    assertThatThrownBy(() -> codec.decode(hugeCount.flip()))
        .hasMessage(
            "element 'e': corrupt record: a count of 1073741824 at byte 1 does not fit in the"
                + " record");
    assertThatThrownBy(() -> codec.decode(truncated.flip()))
        .hasMessage("element 'e': corrupt record: it ends inside an item");
    assertThatThrownBy(() -> codec.decode(trailing))
        .hasMessage("element 'e': corrupt record: 1 bytes left after the item at byte 1");
  }
}
