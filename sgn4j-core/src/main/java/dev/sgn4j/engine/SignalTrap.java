package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import dev.sgn4j.signals.Signals;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns SIGINT and SIGTERM into drain and abort requests for the active runs (SGN's {@code
 * SignalEOS}, with its nesting bug fixed).
 *
 * <p>Signal handlers belong to the process, so this is the one process-wide registry in sgn4j: the
 * first active run installs the handlers and remembers the ones it replaced; later runs (nested, or
 * on other threads) only join the list; when the last run leaves, the remembered handlers are put
 * back. A signal is delivered to every active run: the first one makes it drain, the next aborts
 * it.
 */
final class SignalTrap {

  private static final System.Logger LOG = System.getLogger("sgn.pipeline");
  private static final List<String> SIGNALS = List.of("INT", "TERM");
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final List<Execution> ACTIVE = new ArrayList<>();
  private static final List<Signals.Previous> PREVIOUS = new ArrayList<>();

  private SignalTrap() {}

  /** Removes a run from the registry when closed. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  static Registration register(Execution context) {
    LOCK.lock();
    try {
      if (ACTIVE.isEmpty()) {
        install();
      }
      ACTIVE.add(context);
    } finally {
      LOCK.unlock();
    }
    return () -> unregister(context);
  }

  private static void unregister(Execution context) {
    LOCK.lock();
    try {
      ACTIVE.remove(context);
      if (ACTIVE.isEmpty()) {
        PREVIOUS.forEach(Signals.Previous::restore);
        PREVIOUS.clear();
      }
    } finally {
      LOCK.unlock();
    }
  }

  private static void install() {
    for (String name : SIGNALS) {
      try {
        PREVIOUS.add(Signals.handle(name, SignalTrap::deliver));
      } catch (IllegalArgumentException e) {
        // The JVM reserves this signal (for example under -Xrs): runs stop only through the API.
        LOG.log(Level.DEBUG, "cannot handle SIG{0}: {1}", name, e.getMessage());
      }
    }
  }

  private static void deliver(String signal) {
    List<Execution> targets;
    LOCK.lock();
    try {
      targets = List.copyOf(ACTIVE);
    } finally {
      LOCK.unlock();
    }
    for (Execution context : targets) {
      context.signal(signal);
    }
  }
}
