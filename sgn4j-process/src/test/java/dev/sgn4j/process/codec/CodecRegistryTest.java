package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.Frame;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

  private static final String PREFIX = "dev.sgn4j.process.codec.CodecRegistryTest$";

  /** A user type without Serializable. */
  public record Point(double x, double y) {}

  /** The codec of {@link Point}: 16 bytes. */
  public static final class PointCodec implements ValueCodec<Point> {
    /** Creates the codec. */
    public PointCodec() {}

    @Override
    public int size(Point value) {
      return 16;
    }

    @Override
    public void write(Point value, ByteBuffer out) {
      assertThat(out.remaining()).isEqualTo(16);
      assertThat(out.order()).isEqualTo(ByteOrder.nativeOrder());
      out.putDouble(value.x()).putDouble(value.y());
    }

    @Override
    public Point read(ByteBuffer in) {
      assertThat(in.remaining()).isEqualTo(16);
      return new Point(in.getDouble(), in.getDouble());
    }
  }

  /** A family of user types with one codec for the interface. */
  public sealed interface Shape permits Circle, Square {}

  /** A circle. */
  public record Circle(double radius) implements Shape {}

  /** A square. */
  public record Square(double side) implements Shape {}

  /** The codec of every {@link Shape}: a kind byte and a double. */
  public static final class ShapeCodec implements ValueCodec<Shape> {
    /** Creates the codec. */
    public ShapeCodec() {}

    @Override
    public int size(Shape value) {
      return 9;
    }

    @Override
    public void write(Shape value, ByteBuffer out) {
      switch (value) {
        case Circle c -> out.put((byte) 0).putDouble(c.radius());
        case Square s -> out.put((byte) 1).putDouble(s.side());
      }
    }

    @Override
    public Shape read(ByteBuffer in) {
      byte kind = in.get();
      double size = in.getDouble();
      return kind == 0 ? new Circle(size) : new Square(size);
    }
  }

  /** A Serializable type that also has a codec, which must win. */
  public record Tag(String name) implements Serializable {}

  /** Counts its uses. */
  public static final class TagCodec implements ValueCodec<Tag> {
    static final AtomicInteger WRITES = new AtomicInteger();

    /** Creates the codec. */
    public TagCodec() {}

    @Override
    public int size(Tag value) {
      return value.name().length();
    }

    @Override
    public void write(Tag value, ByteBuffer out) {
      WRITES.incrementAndGet();
      out.put(value.name().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public Tag read(ByteBuffer in) {
      byte[] bytes = new byte[in.remaining()];
      in.get(bytes);
      return new Tag(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  /** Says 16 bytes, writes 8. */
  public static final class ShortWritingCodec implements ValueCodec<Point> {
    /** Creates the codec. */
    public ShortWritingCodec() {}

    @Override
    public int size(Point value) {
      return 16;
    }

    @Override
    public void write(Point value, ByteBuffer out) {
      out.putDouble(value.x());
    }

    @Override
    public Point read(ByteBuffer in) {
      return null;
    }
  }

  /** Fails to measure. */
  public static final class FailingCodec implements ValueCodec<Point> {
    /** Creates the codec. */
    public FailingCodec() {}

    @Override
    public int size(Point value) {
      throw new UnsupportedOperationException("no points today");
    }

    @Override
    public void write(Point value, ByteBuffer out) {}

    @Override
    public Point read(ByteBuffer in) {
      return null;
    }
  }

  /** Claims the largest size there is. */
  public static final class HugeCodec extends ForwardingCodec {
    /** Creates the codec. */
    public HugeCodec() {}

    @Override
    public int size(Point value) {
      return Integer.MAX_VALUE;
    }
  }

  /** Cannot be created by name: its constructor needs an argument. */
  public static final class ConfiguredCodec extends ForwardingCodec {
    /**
     * Creates the codec.
     *
     * @param unused a setting
     */
    public ConfiguredCodec(int unused) {}
  }

  /** Cannot be created by name: not public. */
  static final class PackageCodec extends ForwardingCodec {
    PackageCodec() {}
  }

  /** Cannot be created by name: an inner class. */
  public final class InnerCodec extends ForwardingCodec {
    /** Creates the codec. */
    public InnerCodec() {}
  }

  /** Its constructor throws, so a child cannot create it. */
  public static final class ExplodingCodec extends ForwardingCodec {
    /** Creates the codec, or not. */
    public ExplodingCodec() {
      throw new IllegalStateException("boom");
    }
  }

  /** A point codec to extend. */
  public abstract static class ForwardingCodec implements ValueCodec<Point> {
    private final PointCodec delegate = new PointCodec();

    @Override
    public int size(Point value) {
      return delegate.size(value);
    }

    @Override
    public void write(Point value, ByteBuffer out) {
      delegate.write(value, out);
    }

    @Override
    public Point read(ByteBuffer in) {
      return delegate.read(in);
    }
  }

  private final CodecRegistry registry = new CodecRegistry();

  private TaggedItemCodec codec(CodecRegistry codecs) {
    return new TaggedItemCodec(codecs, "element 'e'");
  }

  @Test
  void aRegisteredCodecEncodesItsTypeAnywhereInAFrame() {
    registry.register(Point.class, new PointCodec());
    Frame frame =
        Frame.of(List.of(new Point(1, 2), Map.of("p", new Point(3, 4))))
            .withMetadata("origin", new Point(0, 0));

    assertThat(roundTrip(codec(registry), frame)).isEqualTo(frame);
  }

  @Test
  void aUserValueCarriesItsTypeNameAndLength() {
    registry.register(Point.class, new PointCodec());
    int name = (PREFIX + "Point").length();

    // FRAME, flags, USER, int name length, name, int length, 16 bytes
    assertThat(codec(registry).encode(Frame.of(new Point(1, 2))).size())
        .isEqualTo(2 + 1 + 4 + name + 4 + 16);
  }

  @Test
  void aCodecForAnInterfaceEncodesItsImplementations() {
    registry.register(Shape.class, new ShapeCodec());
    List<Shape> shapes = List.of(new Circle(1), new Square(2), new Circle(3));

    assertThat(roundTrip(codec(registry), Frame.of(shapes))).isEqualTo(Frame.of(shapes));
  }

  @Test
  void aRegisteredCodecComesBeforeJavaSerialization() {
    registry.register(Tag.class, new TagCodec());
    int before = TagCodec.WRITES.get();

    assertThat(roundTrip(codec(registry), Frame.of(new Tag("x"))))
        .isEqualTo(Frame.of(new Tag("x")));
    assertThat(TagCodec.WRITES.get()).isEqualTo(before + 1);
  }

  @Test
  void codecNamesListTypeAndCodecClassInRegistrationOrder() {
    registry.register(Shape.class, new ShapeCodec()).register(Point.class, new PointCodec());

    assertThat(registry.codecNames())
        .containsExactly(
            PREFIX + "Shape=" + PREFIX + "ShapeCodec", PREFIX + "Point=" + PREFIX + "PointCodec");
  }

  @Test
  void aLaterRegistrationReplacesTheCodecOfItsType() {
    registry.register(Point.class, new FailingCodec()).register(Point.class, new PointCodec());

    assertThat(registry.codecNames()).containsExactly(PREFIX + "Point=" + PREFIX + "PointCodec");
    assertThat(roundTrip(codec(registry), new Point(5, 6))).isEqualTo(new Point(5, 6));
  }

  @Test
  void aChildRegistryMadeFromTheNamesDecodesWhatTheParentEncoded() {
    registry.register(Point.class, new PointCodec()).register(Shape.class, new ShapeCodec());
    List<String> names = new ArrayList<>(registry.codecNames());
    java.util.Collections.reverse(names); // order does not matter: values carry type names
    CodecRegistry child = new CodecRegistry().registerByName(names);
    Frame frame = Frame.of(List.of(new Point(1, 2), new Square(3)));

    ItemCodec.Encoded encoded = codec(registry).encode(frame);
    ByteBuffer record = ByteBuffer.allocateDirect(encoded.size());
    encoded.writeTo(record);

    assertThat(codec(child).decode(record.flip())).isEqualTo(frame);
    assertThat(child.codecNames()).containsExactlyInAnyOrderElementsOf(registry.codecNames());
  }

  @Test
  void aJvmWithoutTheCodecSaysHowToGetIt() {
    registry.register(Point.class, new PointCodec());
    ItemCodec.Encoded encoded = codec(registry).encode(Frame.of(new Point(1, 2)));
    ByteBuffer record = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(record);

    assertThatThrownBy(() -> codec(new CodecRegistry()).decode(record.flip()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'e': cannot decode a "
                + PREFIX
                + "Point: no codec is registered for it in this JVM; register codecs before the"
                + " run starts, so that worker processes receive them (CodecRegistry.codecNames())");
  }

  @Test
  void builtInTypesCannotBeRegistered() {
    assertThatThrownBy(() -> registry.register(String.class, new StringCodec()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "java.lang.String has a built-in codec that cannot be replaced; register codecs for"
                + " your own types");
    assertThatThrownBy(() -> registry.register(Frame.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("codec for dev.sgn4j.Frame must not be null");
  }

  /** For the test above only. */
  public static final class StringCodec implements ValueCodec<String> {
    /** Creates the codec. */
    public StringCodec() {}

    @Override
    public int size(String value) {
      return 0;
    }

    @Override
    public void write(String value, ByteBuffer out) {}

    @Override
    public String read(ByteBuffer in) {
      return "";
    }
  }

  @Test
  void codecsThatAChildCannotCreateByNameAreRejectedAtRegistration() {
    String advice =
        "; make it a public top-level or public static nested class with a public no-argument"
            + " constructor";
    String start = "codec " + PREFIX;
    String middle = " for " + PREFIX + "Point cannot be created by name in a worker process: ";

    assertThatThrownBy(() -> registry.register(Point.class, new ConfiguredCodec(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            start
                + "ConfiguredCodec"
                + middle
                + "it has no public no-argument constructor"
                + advice);
    assertThatThrownBy(() -> registry.register(Point.class, new PackageCodec()))
        .hasMessage(start + "PackageCodec" + middle + "it is not public" + advice);
    assertThatThrownBy(() -> registry.register(Point.class, new InnerCodec()))
        .hasMessage(start + "InnerCodec" + middle + "it is an inner (non-static) class" + advice);
    assertThatThrownBy(() -> registry.register(Point.class, new ForwardingCodec() {}))
        .hasMessage(start + "1" + middle + "it is an anonymous class" + advice);
    assertThat(registry.codecNames()).isEmpty();
  }

  @Test
  void registeringByNameSaysWhichEntryFailsAndWhy() {
    CodecRegistry child = new CodecRegistry();

    assertThatThrownBy(() -> child.registerByName(List.of("no-equals-sign")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("codec name 'no-equals-sign' is not of the form valueType=codecClass");
    assertThatThrownBy(() -> child.registerByName(List.of("com.example.Missing=" + PREFIX + "X")))
        .hasMessage(
            "cannot register codec 'com.example.Missing="
                + PREFIX
                + "X': class com.example.Missing not found by the context class loader or sgn4j's"
                + " (is it on the worker's class path?)");
    assertThatThrownBy(() -> child.registerByName(List.of(PREFIX + "Point=java.lang.String")))
        .hasMessage(
            "cannot register codec '"
                + PREFIX
                + "Point=java.lang.String': java.lang.String is not a ValueCodec");
    assertThatThrownBy(
            () -> child.registerByName(List.of(PREFIX + "Point=" + PREFIX + "ExplodingCodec")))
        .hasMessage(
            "cannot register codec '"
                + PREFIX
                + "Point="
                + PREFIX
                + "ExplodingCodec': its constructor threw java.lang.IllegalStateException: boom")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(child.codecNames()).isEmpty();
  }

  @Test
  void aCodecThatWritesLessThanItsSizeIsCaughtWhenWriting() {
    registry.register(Point.class, new ShortWritingCodec());
    ItemCodec.Encoded encoded = codec(registry).encode(Frame.of(new Point(1, 2)));

    assertThatThrownBy(() -> encoded.writeTo(ByteBuffer.allocate(encoded.size())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "element 'e': codec "
                + PREFIX
                + "ShortWritingCodec wrote 8 bytes of a "
                + PREFIX
                + "Point but its size() returned 16");
  }

  @Test
  void aCodecThatFailsToMeasureIsNamedWithThePath() {
    registry.register(Point.class, new FailingCodec());

    assertThatThrownBy(() -> codec(registry).encode(Frame.of(List.of(new Point(1, 2)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCauseInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "element 'e': cannot encode frame data[0]: codec "
                + PREFIX
                + "FailingCodec for "
                + PREFIX
                + "Point threw java.lang.UnsupportedOperationException: no points today");
  }

  @Test
  void anItemOfMoreThan2GibIsRejectedWithItsSize() {
    registry.register(Point.class, new HugeCodec());
    long size = 2 + 1 + 4 + (PREFIX + "Point").length() + 4 + (long) Integer.MAX_VALUE;

    assertThatThrownBy(() -> codec(registry).encode(Frame.of(new Point(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "element 'e': cannot encode frame: it needs "
                + size
                + " bytes, more than the 2 GiB a queue record can hold");
  }
}
