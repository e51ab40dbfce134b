package dev.sgn4j.process.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecTestSupport.Opaque;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecErrorMessagesTest {

  private static final String OPAQUE = "dev.sgn4j.process.codec.CodecTestSupport$Opaque";
  private static final String ADVICE =
      " has no codec and is not Serializable; register a codec with"
          + " FrameCodecs.register(CodecTestSupport.Opaque.class, codec) or make it Serializable";

  private final TaggedItemCodec codec =
      new TaggedItemCodec(new CodecRegistry(), "element 'square'");

  /** A spec that is not Serializable, as records are unless they say so. */
  record PlainSpec(int rate) implements DataSpec {}

  /** Serializable, but holding something that is not. */
  record Holder(String name, Object inside) implements Serializable {}

  @Test
  void aNonEncodableItemAtTheTopLevelIsNamedAsTheItem() {
    assertThatThrownBy(() -> codec.encode(new Opaque()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'square': cannot encode item: " + OPAQUE + ADVICE);
  }

  @Test
  void nonEncodableFrameDataIsNamedAsFrameData() {
    assertThatThrownBy(() -> codec.encode(Frame.of(new Opaque())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'square': cannot encode frame data: " + OPAQUE + ADVICE);
  }

  @Test
  void aNonEncodableValueInAListIsNamedByItsIndex() {
    List<Object> data = new ArrayList<>(List.of(1, 2, "three"));
    data.add(new Opaque());

    assertThatThrownBy(() -> codec.encode(Frame.of(data)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'square': cannot encode frame data[3]: " + OPAQUE + ADVICE);
  }

  @Test
  void aNonEncodableMetadataValueIsNamedByItsKey() {
    Frame frame = Frame.of(1.0).withMetadata("unit", "m").withMetadata("gps", new Opaque());

    assertThatThrownBy(() -> codec.encode(frame))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 'square': cannot encode frame metadata 'gps': " + OPAQUE + ADVICE);
  }

  @Test
  void deeperPathsNameEveryStep() {
    Frame inner = Frame.of(Map.of("points", List.of(1, new Opaque())));
    Frame frame = Frame.of(List.of("a", inner)).withMetadata("gps", List.of(Map.of("lat", 1)));

    assertThatThrownBy(() -> codec.encode(frame))
        .hasMessage(
            "element 'square': cannot encode frame data[1].data['points'][1]: " + OPAQUE + ADVICE);
    assertThatThrownBy(
            () -> codec.encode(Frame.of(1).withMetadata("gps", List.of(Map.of(7, new Opaque())))))
        .hasMessage(
            "element 'square': cannot encode frame metadata 'gps'[0][7]: " + OPAQUE + ADVICE);
    assertThatThrownBy(() -> codec.encode(Frame.of(Map.of(new Opaque(), 1))))
        .hasMessage("element 'square': cannot encode a key of frame data: " + OPAQUE + ADVICE);
  }

  @Test
  void aFrameOfAPadInAMultiPadItemIsNamedByItsPad() {
    Map<String, Frame> pads = new LinkedHashMap<>();
    pads.put("left", Frame.of(1));
    pads.put("right", Frame.of(List.of(new Opaque())));

    assertThatThrownBy(() -> codec.encode(pads))
        .hasMessage(
            "element 'square': cannot encode frame of pad 'right' data[0]: " + OPAQUE + ADVICE);
  }

  @Test
  void aNonSerializableSpecIsNamedAsTheSpec() {
    assertThatThrownBy(() -> codec.encode(Frame.of(1).withSpec(new PlainSpec(48000))))
        .hasMessage(
            "element 'square': cannot encode frame spec: dev.sgn4j.process.codec"
                + ".CodecErrorMessagesTest$PlainSpec has no codec and is not Serializable;"
                + " register a codec with"
                + " FrameCodecs.register(CodecErrorMessagesTest.PlainSpec.class, codec) or make it"
                + " Serializable");
  }

  @Test
  void aSerializableValueHoldingANonSerializableOneNamesBoth() {
    assertThatThrownBy(() -> codec.encode(Frame.of(new Holder("h", new Opaque()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCauseInstanceOf(NotSerializableException.class)
        .hasMessage(
            "element 'square': cannot encode frame data: dev.sgn4j.process.codec"
                + ".CodecErrorMessagesTest$Holder is Serializable but holds a "
                + OPAQUE
                + ", which is not; register a codec with"
                + " FrameCodecs.register(CodecErrorMessagesTest.Holder.class, codec) or make"
                + " CodecTestSupport.Opaque Serializable");
  }

  @Test
  void aListThatContainsItselfIsReportedAsTooDeep() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);

    assertThatThrownBy(() -> codec.encode(Frame.of(cycle)))
        .hasMessage(
            "element 'square': cannot encode frame data: java.util.ArrayList nests more than 1000"
                + " levels deep; does it contain itself?");
  }

  /** Nested hash sets: each level doubles the work of hashing them as they are read. */
  private static java.util.Set<Object> bomb(int levels) {
    java.util.Set<Object> root = new java.util.HashSet<>();
    java.util.Set<Object> a = root;
    java.util.Set<Object> b = new java.util.HashSet<>();
    for (int i = 0; i < levels; i++) {
      java.util.Set<Object> nextA = new java.util.HashSet<>();
      java.util.Set<Object> nextB = new java.util.HashSet<>();
      a.add(nextA);
      a.add(nextB);
      b.add(nextA);
      b.add(nextB);
      nextA.add("x");
      a = nextA;
      b = nextB;
    }
    return root;
  }

  @Test
  void aNestedCollectionsBombIsRefusedAtItsDepthLimitInsteadOfPinningTheDecoder() {
    var sender = new TaggedItemCodec(CodecTestSupport.registry(), "element 'square'");
    // Sets of sets go through Java serialization inside a Serializable value, with the
    // back-references that make hashing them exponential (the codec's own set encoding has none).
    var encoded = encodeSerialized(sender, new CodecTestSupport.Box(bomb(100)));

    assertThatThrownBy(() -> sender.decode(encoded))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'square': a Serializable value was refused: it nests deeper than 20 objects"
                + " (limits: 20 levels, 1000000 references, arrays of 100000000 elements)");
  }

  @Test
  void aSerializableClassThePipelineDidNotAllowIsRefusedWithHowToAllowIt() {
    var sender = new TaggedItemCodec(CodecTestSupport.registry(), "element 'square'");
    var receiver = new TaggedItemCodec(new CodecRegistry(), "element 'square'");
    var encoded = sender.encode(Frame.of(new CodecTestSupport.Reading("t", 1.5, List.of(1))));

    assertThatThrownBy(() -> receiver.decode(CodecTestSupport.bytesOf(encoded)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'square': a Serializable value was refused: class"
                + " dev.sgn4j.process.codec.CodecTestSupport$Reading is not allowed; allow it in the"
                + " parent before the run with"
                + " FrameCodecs.allowSerializable(dev.sgn4j.process.codec.CodecTestSupport.Reading.class),"
                + " or register a codec for it (limits: 20 levels, 1000000 references, arrays of"
                + " 100000000 elements)");
  }

  private static java.nio.ByteBuffer encodeSerialized(TaggedItemCodec codec, Object value) {
    return CodecTestSupport.bytesOf(codec.encode(Frame.of(value)));
  }
}
