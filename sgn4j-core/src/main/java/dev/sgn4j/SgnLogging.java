package dev.sgn4j;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log levels for sgn4j's loggers, set by API or by the {@code SGNLOGLEVEL} environment variable in
 * SGN's syntax.
 *
 * <p>sgn4j logs through {@link System.Logger}: the pipeline as {@code sgn.pipeline}, each element
 * as {@code sgn.<element name>}, so any backend (java.util.logging by default, SLF4J through its
 * {@code System.LoggerFinder}) receives the records. This class sets levels when the backend is the
 * JDK's default one (java.util.logging); with another backend configure levels there.
 *
 * <pre>{@code
 * SgnLogging.configure("INFO pipeline:DEBUG src1:MEMPROF");
 * // or, before starting the JVM:  SGNLOGLEVEL="INFO pipeline:DEBUG"
 * }</pre>
 *
 * <p>A bare level applies to {@code sgn}; {@code name:LEVEL} to {@code sgn.<name>}. Levels are
 * SGN's: MEMPROF (most detail), DEBUG, INFO, WARNING, ERROR, CRITICAL. {@link Pipeline#run()}
 * applies {@code SGNLOGLEVEL} at the start of every run, as SGN does.
 *
 * <p>Configuring sets levels only; records keep flowing to the handlers the application installed
 * (a file handler, a jul-to-slf4j bridge on the root logger). Only when nothing but the JDK's
 * default console handler is configured does {@code sgn} get a console handler of its own (standard
 * error, one line per record, every level it lets through), so {@code SGNLOGLEVEL=DEBUG} prints
 * debug lines as SGN does; it steps aside as soon as the application installs a handler and levels
 * are set again or the next run starts. Logging levels are process-wide by nature; this class is
 * thread-safe.
 */
public final class SgnLogging {

  /** SGN's level names, most detailed first, with their System.Logger equivalents. */
  private static final Map<String, Level> LEVELS = levels();

  /** Strong references: java.util.logging forgets the level of loggers nobody references. */
  private static final Map<String, Logger> CONFIGURED = new ConcurrentHashMap<>();

  private static volatile String appliedEnvironment;

  /**
   * The console handler this class installed on {@code sgn}, or null; written under the class lock.
   */
  private static volatile Handler console;

  private SgnLogging() {}

  private static Map<String, Level> levels() {
    Map<String, Level> levels = new LinkedHashMap<>();
    levels.put("MEMPROF", Level.TRACE);
    levels.put("DEBUG", Level.DEBUG);
    levels.put("INFO", Level.INFO);
    levels.put("WARNING", Level.WARNING);
    levels.put("ERROR", Level.ERROR);
    levels.put("CRITICAL", Level.ERROR);
    return levels;
  }

  /**
   * Applies a level specification in SGN's syntax: {@code "LEVEL name:LEVEL ..."}.
   *
   * @param spec the specification; blank does nothing
   * @throws IllegalArgumentException naming the valid levels when a level is unknown
   */
  public static void configure(String spec) {
    Map<String, Level> parsed = parse(spec);
    parsed.forEach(SgnLogging::setLevel);
  }

  /**
   * Parses a specification without applying it.
   *
   * @param spec the specification in SGN's syntax
   * @return logger name ({@code sgn} or {@code sgn.<name>}) to level, in the order given
   * @throws IllegalArgumentException naming the valid levels when a level is unknown
   */
  public static Map<String, Level> parse(String spec) {
    Map<String, Level> result = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return result;
    }
    for (String token : spec.trim().split("\\s+")) {
      int colon = token.lastIndexOf(':');
      String name = colon < 0 ? "sgn" : "sgn." + token.substring(0, colon);
      String levelName = token.substring(colon + 1).toUpperCase(Locale.ROOT);
      Level level = LEVELS.get(levelName);
      if (level == null || (colon == 0)) {
        throw new IllegalArgumentException(
            "Invalid log level: %s, choose from %s"
                .formatted(token.substring(colon + 1), List.copyOf(LEVELS.keySet())));
      }
      result.put(name, level);
    }
    return result;
  }

  /**
   * Sets the level of one logger, {@code sgn} or {@code sgn.<something>}.
   *
   * @param loggerName the logger name
   * @param level the lowest level to log
   */
  public static void setLevel(String loggerName, Level level) {
    if (!usesJavaUtilLogging()) {
      return;
    }
    Logger root = CONFIGURED.computeIfAbsent("sgn", Logger::getLogger);
    routeOutput(root);
    Logger logger =
        loggerName.equals("sgn") ? root : CONFIGURED.computeIfAbsent(loggerName, Logger::getLogger);
    logger.setLevel(julLevel(level));
  }

  /**
   * Applies {@code SGNLOGLEVEL} when it is set and differs from what was last applied. Without it,
   * and when nobody configured the {@code sgn} logger, its level becomes WARNING, SGN's default, so
   * a run prints nothing unless asked.
   */
  static void applyEnvironment() {
    if (usesJavaUtilLogging()) {
      Logger root = CONFIGURED.computeIfAbsent("sgn", Logger::getLogger);
      if (root.getLevel() == null) {
        root.setLevel(java.util.logging.Level.WARNING);
      }
      if (console != null) {
        routeOutput(root);
      }
    }
    String spec = System.getenv("SGNLOGLEVEL");
    if (spec != null && !spec.equals(appliedEnvironment)) {
      configure(spec);
      appliedEnvironment = spec;
    }
  }

  private static boolean usesJavaUtilLogging() {
    return System.LoggerFinder.getLoggerFinder()
        .getClass()
        .getName()
        .startsWith("sun.util.logging");
  }

  /**
   * Gives {@code sgn} a console of its own while the application has configured no handler, and
   * hands its records back to the application's handlers once it has.
   */
  private static synchronized void routeOutput(Logger sgn) {
    boolean applicationHandler = hasApplicationHandler(sgn);
    if (applicationHandler && console != null) {
      sgn.removeHandler(console);
      sgn.setUseParentHandlers(true);
      console = null;
    } else if (!applicationHandler && console == null) {
      Handler handler = new ConsoleHandler();
      handler.setLevel(java.util.logging.Level.ALL);
      handler.setFormatter(new LineFormatter());
      sgn.addHandler(handler);
      sgn.setUseParentHandlers(false);
      console = handler;
    }
  }

  /**
   * Whether a handler other than ours and the JDK's default console handler sits on {@code sgn} or
   * on an ancestor its records reach.
   */
  private static boolean hasApplicationHandler(Logger sgn) {
    for (Handler handler : sgn.getHandlers()) {
      if (handler != console) {
        return true;
      }
    }
    Logger ancestor = sgn.getParent();
    boolean defaultConfiguration =
        System.getProperty("java.util.logging.config.file") == null
            && System.getProperty("java.util.logging.config.class") == null;
    while (ancestor != null) {
      Handler[] handlers = ancestor.getHandlers();
      boolean jdkDefault =
          defaultConfiguration
              && ancestor.getParent() == null
              && handlers.length == 1
              && handlers[0].getClass() == ConsoleHandler.class;
      if (handlers.length > 0 && !jdkDefault) {
        return true;
      }
      if (!ancestor.getUseParentHandlers()) {
        break;
      }
      ancestor = ancestor.getParent();
    }
    return false;
  }

  private static java.util.logging.Level julLevel(Level level) {
    return switch (level) {
      case ALL -> java.util.logging.Level.ALL;
      case TRACE -> java.util.logging.Level.FINER;
      case DEBUG -> java.util.logging.Level.FINE;
      case INFO -> java.util.logging.Level.INFO;
      case WARNING -> java.util.logging.Level.WARNING;
      case ERROR -> java.util.logging.Level.SEVERE;
      case OFF -> java.util.logging.Level.OFF;
    };
  }

  /** {@code LEVEL logger: message} on one line. */
  private static final class LineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      String line =
          record.getLevel().getName() + " " + record.getLoggerName() + ": " + formatMessage(record);
      if (record.getThrown() != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        line = line + System.lineSeparator() + trace;
      }
      return line + System.lineSeparator();
    }
  }
}
