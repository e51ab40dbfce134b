package dev.sgn4j.testsupport;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Whether signals reach this JVM; see {@link Requirement#SIGNALS}. */
final class Signals {

  private Signals() {}

  /** Whether the JVM may handle signal {@code name}: it was not started with it ignored. */
  static boolean deliverable(String name) {
    Signal signal = new Signal(name);
    SignalHandler previous = Signal.handle(signal, s -> {});
    Signal.handle(signal, previous);
    return previous != SignalHandler.SIG_IGN;
  }
}
