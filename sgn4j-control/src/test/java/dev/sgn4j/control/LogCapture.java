package dev.sgn4j.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Records what {@code sgn.control} logs while it is installed, as {@code "LEVEL message"}. */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("sgn.control");
  private final Level previous = logger.getLevel();
  final List<String> messages = new CopyOnWriteArrayList<>();

  LogCapture() {
    logger.setLevel(Level.INFO);
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    messages.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previous);
  }
}
