package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameTest {

  record Rate(int hz) implements DataSpec {}

  @Test
  void factoriesSetTheFlags() {
    assertThat(Frame.of(5))
        .extracting(Frame::data, Frame::isEos, Frame::isGap, Frame::spec, Frame::metadata)
        .containsExactly(5, false, false, DataSpec.NONE, Map.of());
    assertThat(Frame.eos())
        .extracting(Frame::data, Frame::isEos, Frame::isGap)
        .containsExactly(null, true, true);
    assertThat(Frame.gap())
        .extracting(Frame::data, Frame::isEos, Frame::isGap)
        .containsExactly(null, false, true);
    assertThat(Frame.of(null).isGap()).isFalse();
  }

  @Test
  void framesAreValuesAndWithersCopy() {
    Frame frame = Frame.of("x");
    Frame last = frame.withEos(true);

    assertThat(frame.isEos()).isFalse();
    assertThat(last).isEqualTo(new Frame("x", true, false, DataSpec.NONE, Map.of()));
    assertThat(last.hashCode())
        .isEqualTo(new Frame("x", true, false, DataSpec.NONE, Map.of()).hashCode());
    assertThat(frame.withEos(false)).isSameAs(frame);
    assertThat(frame.withGap(false)).isSameAs(frame);
    assertThat(frame.withGap(true).isGap()).isTrue();
    assertThat(frame.withData("y").data()).isEqualTo("y");
    assertThat(frame.withSpec(new Rate(16)).spec()).isEqualTo(new Rate(16));
    assertThat(frame).isNotEqualTo(frame.withSpec(new Rate(16)));
  }

  @Test
  void metadataIsCopiedAndUnmodifiable() {
    Map<String, Object> source = new HashMap<>();
    source.put("unit", "m");
    Frame frame = new Frame(1, false, false, DataSpec.NONE, source);
    source.put("unit", "s");

    assertThat(frame.metadata()).containsExactly(Map.entry("unit", "m"));
    assertThatThrownBy(() -> frame.metadata().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(frame.withMetadata("gps", 1234).metadata())
        .containsOnly(Map.entry("unit", "m"), Map.entry("gps", 1234));
    assertThat(Frame.of(1).metadata()).isSameAs(Map.of());
  }

  @Test
  void nullSpecAndMetadataAreRejectedWithAHint() {
    assertThatThrownBy(() -> new Frame(1, false, false, null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("spec must not be null; use DataSpec.NONE when there is none");
    assertThatThrownBy(() -> new Frame(1, false, false, DataSpec.NONE, null))
        .hasMessage("metadata must not be null; use Map.of() when there is none");
  }

  @Test
  void dataAsNamesBothTypesOnMismatch() {
    assertThat(Frame.of(3).dataAs(Integer.class)).isEqualTo(3);
    assertThat(Frame.gap().dataAs(String.class)).isNull();
    assertThatThrownBy(() -> Frame.of(3).dataAs(String.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessage("frame data is a java.lang.Integer, not a java.lang.String");
  }

  @Test
  void toStringShowsSpecAndMetadataOnlyWhenPresent() {
    assertThat(Frame.of(1)).hasToString("Frame[data=1, eos=false, gap=false]");
    assertThat(Frame.of(1).withSpec(new Rate(8)).withMetadata("k", "v"))
        .hasToString("Frame[data=1, eos=false, gap=false, spec=Rate[hz=8], metadata={k=v}]");
    assertThat(DataSpec.NONE).hasToString("DataSpec.NONE");
  }
}
