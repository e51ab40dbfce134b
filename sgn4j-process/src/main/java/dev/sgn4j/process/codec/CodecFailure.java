package dev.sgn4j.process.codec;

/**
 * A value that cannot be encoded, found by the first pass of {@link CodecWriter}; {@link
 * TaggedItemCodec} finds the value's path in the item and turns this into the user's {@link
 * IllegalArgumentException}. Carries no stack trace: it never escapes the codec.
 */
final class CodecFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a value cannot be encoded. */
  enum Reason {
    /** Neither a built-in nor a registered codec, and not Serializable. */
    NO_CODEC,
    /** Serializable, but Java serialization failed. */
    SERIALIZATION,
    /** The registered codec failed to measure the value; {@code detail} says how. */
    CODEC_FAILED,
    /** Nested deeper than {@link CodecWriter#MAX_DEPTH}: most likely a cycle. */
    TOO_DEEP,
    /** The item needs more than 2 GiB; {@code detail} says how much. */
    TOO_LARGE
  }

  /** The value that cannot be encoded, compared by identity to find its path. */
  final transient Object value;

  final Reason reason;
  final String detail;

  CodecFailure(Object value, Reason reason, String detail, Throwable cause) {
    super(reason.name(), cause, false, false);
    this.value = value;
    this.reason = reason;
    this.detail = detail;
  }
}
