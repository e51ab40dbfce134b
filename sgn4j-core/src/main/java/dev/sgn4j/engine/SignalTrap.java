package dev.sgn4j.engine;

import dev.sgn4j.Execution;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import sun.misc.Signal;
import sun.misc.SignalHandler;

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
  private static final Map<Signal, SignalHandler> PREVIOUS = new LinkedHashMap<>();

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
        PREVIOUS.forEach(Signal::handle);
        PREVIOUS.clear();
      }
    } finally {
      LOCK.unlock();
    }
  }

  private static void install() {
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      try {
        PREVIOUS.put(signal, Signal.handle(signal, SignalTrap::deliver));
      } catch (IllegalArgumentException e) {
        // The JVM reserves this signal (for example under -Xrs): runs stop only through the API.
        LOG.log(Level.DEBUG, "cannot handle SIG{0}: {1}", name, e.getMessage());
      }
    }
  }

  private static void deliver(Signal signal) {
    List<Execution> targets;
    LOCK.lock();
    try {
      targets = List.copyOf(ACTIVE);
    } finally {
      LOCK.unlock();
    }
    for (Execution context : targets) {
      context.signal("SIG" + signal.getName());
    }
  }
}
