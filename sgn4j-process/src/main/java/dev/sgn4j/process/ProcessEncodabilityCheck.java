package dev.sgn4j.process;

import dev.sgn4j.parallel.spi.EncodabilityCheck;
import dev.sgn4j.process.codec.FrameCodecs;

/**
 * The encodability check of thread mode (spec X5) through the process-wide codecs ({@link
 * FrameCodecs}): what a parallel element's {@code checkEncodable(true)} finds on the class path.
 * Users do not call it; {@link FrameCodecs#checkEncodable} is the same round trip for one value.
 */
public final class ProcessEncodabilityCheck implements EncodabilityCheck {

  /** Creates the check; {@link java.util.ServiceLoader} does. */
  public ProcessEncodabilityCheck() {}

  @Override
  public Object roundTrip(Object item, String context) {
    return FrameCodecs.checkEncodable(item, context);
  }
}
