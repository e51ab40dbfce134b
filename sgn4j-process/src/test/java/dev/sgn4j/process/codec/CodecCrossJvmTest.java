package dev.sgn4j.process.codec;

import static dev.sgn4j.process.codec.CodecTestSupport.assertDeepEquals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistryTest.Point;
import dev.sgn4j.process.codec.CodecRegistryTest.PointCodec;
import dev.sgn4j.process.codec.CodecRegistryTest.Shape;
import dev.sgn4j.process.codec.CodecRegistryTest.ShapeCodec;
import dev.sgn4j.process.codec.CodecRegistryTest.Square;
import dev.sgn4j.process.codec.CodecTestSupport.AudioSpec;
import dev.sgn4j.process.codec.CodecTestSupport.Reading;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a worker process does: a second JVM registers the parent's codecs by name, decodes what the
 * parent encoded, and encodes it again for the parent to decode.
 */
class CodecCrossJvmTest {

  /** The child: {@code Child <in> <out> <codecNames...>}. */
  public static final class Child {
    private Child() {}

    /**
     * Decodes the item in {@code args[0]} with the codecs named in {@code args[2..]} and writes it
     * encoded again to {@code args[1]}.
     *
     * @param args in file, out file, codec names
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
      CodecRegistry registry =
          new CodecRegistry().registerByName(List.of(args).subList(2, args.length));
      TaggedItemCodec codec = new TaggedItemCodec(registry, "element 'child'");
      Object item = codec.decode(ByteBuffer.wrap(Files.readAllBytes(Paths.get(args[0]))));
      ItemCodec.Encoded encoded = codec.encode(item);
      ByteBuffer out = ByteBuffer.allocate(encoded.size());
      encoded.writeTo(out);
      Files.write(Paths.get(args[1]), out.array());
    }
  }

  @Test
  void anItemCrossesToAnotherJvmAndBack(@TempDir Path dir) throws Exception {
    CodecRegistry registry =
        new CodecRegistry()
            .register(Point.class, new PointCodec())
            .register(Shape.class, new ShapeCodec())
            // the child learns the allowed classes with the codecs
            .allowSerializable(CodecTestSupport.AudioSpec.class, CodecTestSupport.Reading.class);
    TaggedItemCodec codec = new TaggedItemCodec(registry, "element 'parent'");
    Map<String, Frame> item = new LinkedHashMap<>();
    item.put(
        "points",
        Frame.of(List.of(new Point(1, 2), new Square(3)))
            .withSpec(new AudioSpec(48000, "float64"))
            .withMetadata("reading", new Reading("gps", 1.5, List.of(7))));
    item.put("samples", Frame.of(new double[] {1.5, -2.5}).withMetadata("unit", "m"));
    item.put("end", Frame.eos());
    ItemCodec.Encoded encoded = codec.encode(item);
    ByteBuffer bytes = ByteBuffer.allocate(encoded.size());
    encoded.writeTo(bytes);
    Path in = Files.write(dir.resolve("in"), bytes.array());
    Path out = dir.resolve("out");

    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(Child.class.getName(), in.toString(), out.toString()));
    command.addAll(registry.codecNames());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();

    Object back = codec.decode(ByteBuffer.wrap(Files.readAllBytes(out)));

    assertDeepEquals(item, back);
    @SuppressWarnings("unchecked")
    Map<String, Object> decoded = (Map<String, Object>) back;
    assertThat(decoded.keySet()).containsExactly("points", "samples", "end");
  }
}
