package dev.sgn4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The unit of data that travels from a {@link SourcePad} to the {@link SinkPad}s linked to it, one
 * frame per pad per iteration.
 *
 * <p>A frame is an immutable value: {@code data} (any object, may be {@code null}), the end of
 * stream flag {@code eos}, the {@code gap} flag ("this frame carries no valid data"), a {@link
 * DataSpec} describing the data, and free-form {@code metadata}. The framework never reads data or
 * metadata; elements decide what EOS and gaps mean, as in SGN. A frame with EOS may still carry
 * data.
 *
 * <p>Frames are cheap to create: no map is allocated until metadata is used, and the usual frames
 * come from the static factories:
 *
 * <pre>{@code
 * Frame.of(42);                     // data, not EOS, not a gap
 * Frame.eos();                      // end of stream, no data (a gap)
 * Frame.gap();                      // no data this iteration
 * Frame.of(42).withEos(true);       // last frame, with data
 * Frame.of(42).withMetadata("unit", "m");
 * }</pre>
 *
 * <p>Metadata keys and values must not be {@code null}; the map is copied and unmodifiable.
 *
 * <p>Two frames are equal when all five parts are equal.
 *
 * @serial exclude
 */
public final class Frame implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private static final Frame EOS = new Frame(null, true, true, DataSpec.NONE, Map.of());
  private static final Frame GAP = new Frame(null, false, true, DataSpec.NONE, Map.of());

  private final Object data;
  private final boolean eos;
  private final boolean gap;
  private final DataSpec spec;
  private final Map<String, Object> metadata;

  /**
   * Creates a frame; the static factories cover the usual cases.
   *
   * @param data the payload; {@code null} when there is none
   * @param eos true on the last frame of a stream
   * @param gap true when the frame carries no valid data
   * @param spec the description of the data; {@link DataSpec#NONE} when not used
   * @param metadata free-form values the framework never reads; copied
   */
  public Frame(Object data, boolean eos, boolean gap, DataSpec spec, Map<String, Object> metadata) {
    this.data = data;
    this.eos = eos;
    this.gap = gap;
    this.spec =
        Objects.requireNonNull(spec, "spec must not be null; use DataSpec.NONE when there is none");
    this.metadata =
        Map.copyOf(
            Objects.requireNonNull(
                metadata, "metadata must not be null; use Map.of() when there is none"));
  }

  /**
   * The payload.
   *
   * @return the data, {@code null} when there is none
   */
  public Object data() {
    return data;
  }

  /**
   * Whether this is the last frame of its stream (SGN's {@code EOS}).
   *
   * @return true at end of stream
   */
  public boolean isEos() {
    return eos;
  }

  /**
   * Whether this frame carries no valid data (SGN's {@code is_gap}).
   *
   * @return true for a gap
   */
  public boolean isGap() {
    return gap;
  }

  /**
   * The description of the data.
   *
   * @return the spec, {@link DataSpec#NONE} when not used
   */
  public DataSpec spec() {
    return spec;
  }

  /**
   * Free-form values the framework never reads.
   *
   * @return an unmodifiable map, empty when there are none
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /**
   * A frame carrying {@code data}: not EOS, not a gap, no spec, no metadata. {@code null} is data
   * too (use {@link #gap()} for "no data").
   *
   * @param data the payload
   * @return a new frame
   */
  public static Frame of(Object data) {
    return new Frame(data, false, false, DataSpec.NONE, Map.of());
  }

  /**
   * The end-of-stream frame without data; it is also a gap, so sinks that skip gaps collect nothing
   * from it.
   *
   * @return the shared EOS frame
   */
  public static Frame eos() {
    return EOS;
  }

  /**
   * A frame without data that is not the end of the stream.
   *
   * @return the shared gap frame
   */
  public static Frame gap() {
    return GAP;
  }

  /**
   * The data cast to {@code type}, with a message naming both types when it is something else.
   *
   * @param type the expected class of the data
   * @param <T> the expected type
   * @return the data, or {@code null} when there is none
   * @throws ClassCastException when the data is not a {@code type}
   */
  public <T> T dataAs(Class<T> type) {
    if (data != null && !type.isInstance(data)) {
      throw new ClassCastException(
          "frame data is a " + data.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(data);
  }

  /**
   * This frame with the EOS flag set to {@code eos}.
   *
   * @param eos the new flag
   * @return this frame when nothing changes, else a copy
   */
  public Frame withEos(boolean eos) {
    return eos == this.eos ? this : new Frame(data, eos, gap, spec, metadata);
  }

  /**
   * This frame with the gap flag set to {@code gap}.
   *
   * @param gap the new flag
   * @return this frame when nothing changes, else a copy
   */
  public Frame withGap(boolean gap) {
    return gap == this.gap ? this : new Frame(data, eos, gap, spec, metadata);
  }

  /**
   * This frame with other data; flags, spec and metadata are kept.
   *
   * @param data the new payload
   * @return a copy
   */
  public Frame withData(Object data) {
    return new Frame(data, eos, gap, spec, metadata);
  }

  /**
   * This frame with another spec.
   *
   * @param spec the new spec
   * @return a copy
   */
  public Frame withSpec(DataSpec spec) {
    return new Frame(data, eos, gap, spec, metadata);
  }

  /**
   * This frame with one more metadata entry (replacing an existing value of {@code key}).
   *
   * @param key the metadata key
   * @param value the value
   * @return a copy
   */
  public Frame withMetadata(String key, Object value) {
    Map<String, Object> copy = new HashMap<>(metadata);
    copy.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, key));
    return new Frame(data, eos, gap, spec, copy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Frame that
        && eos == that.eos
        && gap == that.gap
        && Objects.equals(data, that.data)
        && spec.equals(that.spec)
        && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(data, eos, gap, spec, metadata);
  }

  /** Returns {@code Frame[data=..., eos=..., gap=...]}, with spec and metadata when present. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Frame[data=").append(data).append(", eos=").append(eos);
    text.append(", gap=").append(gap);
    if (spec != DataSpec.NONE) {
      text.append(", spec=").append(spec);
    }
    if (!metadata.isEmpty()) {
      text.append(", metadata=").append(metadata);
    }
    return text.append(']').toString();
  }
}
