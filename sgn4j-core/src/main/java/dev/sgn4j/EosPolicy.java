package dev.sgn4j;

/**
 * When a {@link SinkElement} with several sink pads counts as being at end of stream.
 *
 * <pre>{@code
 * sink.setEosPolicy(EosPolicy.ALL);   // wait for EOS on every pad
 * }</pre>
 */
public enum EosPolicy {
  /** At EOS as soon as any pad saw EOS: SGN's rule and the default. */
  ANY,
  /** At EOS once every pad saw EOS. */
  ALL
}
