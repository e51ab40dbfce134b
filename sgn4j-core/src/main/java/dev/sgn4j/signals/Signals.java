package dev.sgn4j.signals;

import java.util.Objects;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one place sgn4j touches the JDK's unsupported {@code sun.misc.Signal}: handling SIGINT and
 * SIGTERM in runs, and ignoring them in worker processes. Exported only to {@code
 * dev.sgn4j.process}; not an API for users.
 *
 * <pre>{@code
 * Signals.Previous previous = Signals.handle("INT", name -> System.out.println(name)); // "SIGINT"
 * previous.restore();
 * }</pre>
 */
public final class Signals {

  private Signals() {}

  /** The handler that {@link #handle} replaced, to put back. */
  @FunctionalInterface
  public interface Previous {
    /** Puts the replaced handler back. */
    void restore();
  }

  /**
   * Handles a signal in this JVM.
   *
   * @param name the signal's name without {@code SIG}: {@code "INT"}, {@code "TERM"}
   * @param handler called on the JVM's signal thread with the full name ({@code "SIGINT"})
   * @return the handler it replaced
   * @throws IllegalArgumentException when the JVM reserves the signal (for example under {@code
   *     -Xrs}) or does not know it
   */
  public static Previous handle(String name, Consumer<String> handler) {
    Objects.requireNonNull(handler, "handler");
    Signal signal = new Signal(name);
    SignalHandler replaced = Signal.handle(signal, s -> handler.accept("SIG" + s.getName()));
    return () -> Signal.handle(signal, replaced);
  }

  /**
   * Makes this JVM ignore a signal.
   *
   * @param name the signal's name without {@code SIG}
   * @throws IllegalArgumentException when the JVM reserves the signal or does not know it
   */
  public static void ignore(String name) {
    Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
  }
}
