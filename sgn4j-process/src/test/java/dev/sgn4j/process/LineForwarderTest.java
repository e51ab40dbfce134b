package dev.sgn4j.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's output reaches the parent line by line, and no line is held whole beyond a cap. */
class LineForwarderTest {

  private static List<String> forward(String text) {
    var out = new ByteArrayOutputStream();
    try (var to = new PrintStream(out, true, Charset.defaultCharset())) {
      LineForwarder.copy(
          new ByteArrayInputStream(text.getBytes(Charset.defaultCharset())), to, "w", null);
    }
    return out.toString(Charset.defaultCharset()).lines().toList();
  }

  @Test
  void linesAreForwardedWithTheWorkersNameWhateverTheLineEnds() {
    assertThat(forward("one\ntwo\r\nthree\rfour"))
        .containsExactly("[w] one", "[w] two", "[w] three", "[w] four");
    assertThat(forward("\n\nlast\n")).containsExactly("[w] ", "[w] ", "[w] last");
  }

  @Test
  void aHugeLineIsForwardedInPiecesOfTheCapSoTheParentNeverHoldsItWhole() {
    int length = 100_000;
    String huge = "x".repeat(length);

    List<String> lines = forward(huge + "\nshort\n");

    List<String> expected = new ArrayList<>();
    for (int at = 0; at < length; at += LineForwarder.MAX_LINE_CHARS) {
      expected.add("[w] " + "x".repeat(Math.min(LineForwarder.MAX_LINE_CHARS, length - at)));
    }
    expected.add("[w] short");
    assertThat(lines).containsExactlyElementsOf(expected);
    assertThat(lines).hasSize(14); // 12 pieces of 8192, one of 1696, then "short"
  }
}
