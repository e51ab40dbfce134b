package dev.sgn4j;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the records of one logger while open, at a level of the test's choosing; closing puts
 * the logger back as it was.
 *
 * <pre>{@code
 * try (var log = LogRecords.of("sgn.pipeline", Level.INFO)) {
 *   pipeline.run();
 *   assertThat(log.records()).anyMatch(r -> r.getMessage().startsWith("Pipeline"));
 * }
 * }</pre>
 */
final class LogRecords extends Handler implements AutoCloseable {

  private final BlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();
  private final Logger logger;
  private final Level before;

  private LogRecords(Logger logger, Level level) {
    this.logger = logger;
    this.before = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    logger.addHandler(this);
  }

  /** Starts collecting the records of {@code name} at {@code level} (null: its own level). */
  static LogRecords of(String name, Level level) {
    return new LogRecords(Logger.getLogger(name), level);
  }

  /** The records so far, in order; later ones keep arriving while open. */
  BlockingQueue<LogRecord> records() {
    return records;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(before);
  }
}
