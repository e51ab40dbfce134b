package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

class LoggingTest {

  @Test
  void sgnLogLevelSyntaxIsParsed() {
    assertThat(SgnLogging.parse("INFO pipeline:DEBUG src1:memprof"))
        .containsExactly(
            Map.entry("sgn", Level.INFO),
            Map.entry("sgn.pipeline", Level.DEBUG),
            Map.entry("sgn.src1", Level.TRACE));
    assertThat(SgnLogging.parse("  ")).isEmpty();
  }

  @Test
  void anInvalidLevelNamesTheValidOnes() {
    assertThatThrownBy(() -> SgnLogging.parse("pipeline:LOUD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid log level: LOUD, choose from [MEMPROF, DEBUG, INFO, WARNING, ERROR, CRITICAL]");
  }

  @Test
  void padCallsAreLoggedOnTheElementsLoggerAtDebug() {
    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture = capture(records);
    Logger logger = Logger.getLogger("sgn.logsrc");
    logger.addHandler(capture);
    SgnLogging.configure("logsrc:DEBUG");
    try {
      runOneFrame("logsrc");
    } finally {
      logger.removeHandler(capture);
      SgnLogging.configure("logsrc:WARNING");
    }

    assertThat(records)
        .containsExactly(
            "sgn.logsrc FINE \tlogsrc:src:out : Frame[data=7, eos=false, gap=false]",
            "sgn.logsrc FINE \tlogsrc:src:out : Frame[data=null, eos=true, gap=true]");
  }

  @Test
  void levelsReachAnApplicationsRootHandlerAndSgnAddsNoConsole() {
    Logger root = Logger.getLogger("");
    Handler[] before = root.getHandlers();
    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture = capture(records);
    root.addHandler(capture);
    try {
      SgnLogging.configure("rooted:DEBUG");
      runOneFrame("rooted");

      Logger sgn = Logger.getLogger("sgn");
      assertThat(sgn.getHandlers()).isEmpty();
      assertThat(sgn.getUseParentHandlers()).isTrue();
      assertThat(records)
          .containsExactly(
              "sgn.rooted FINE \trooted:src:out : Frame[data=7, eos=false, gap=false]",
              "sgn.rooted FINE \trooted:src:out : Frame[data=null, eos=true, gap=true]");
    } finally {
      root.removeHandler(capture);
      SgnLogging.configure("rooted:WARNING");
    }
    assertThat(root.getHandlers()).containsExactly(before);
  }

  @Test
  void sgnsConsoleStepsAsideWhenTheApplicationInstallsAHandlerLater() {
    Logger root = Logger.getLogger("");
    Logger sgn = Logger.getLogger("sgn");
    Handler[] before = root.getHandlers();
    assertThat(before).hasSize(1).hasOnlyElementsOfType(ConsoleHandler.class);
    SgnLogging.configure("late:DEBUG");
    assertThat(sgn.getHandlers()).hasSize(1);
    assertThat(sgn.getUseParentHandlers()).isFalse();

    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture = capture(records);
    root.addHandler(capture);
    try {
      SgnLogging.configure("late:DEBUG");
      assertThat(sgn.getHandlers()).isEmpty();
      assertThat(sgn.getUseParentHandlers()).isTrue();
      runOneFrame("late");
      assertThat(records).hasSize(2).allMatch(line -> line.startsWith("sgn.late FINE "));
    } finally {
      root.removeHandler(capture);
      SgnLogging.configure("late:WARNING");
    }
    assertThat(sgn.getHandlers()).hasSize(1);
    assertThat(sgn.getUseParentHandlers()).isFalse();
  }

  @Test
  void levelsReachAJulToSlf4jBridge() {
    Logger root = Logger.getLogger("");
    Handler[] before = root.getHandlers();
    ch.qos.logback.classic.Logger slf4j =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("sgn.bridged");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    slf4j.addAppender(events);
    slf4j.setLevel(ch.qos.logback.classic.Level.DEBUG);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    try {
      SgnLogging.configure("INFO bridged:DEBUG");
      runOneFrame("bridged");
    } finally {
      SLF4JBridgeHandler.uninstall();
      for (Handler handler : before) {
        root.addHandler(handler);
      }
      slf4j.detachAppender(events);
      SgnLogging.configure("WARNING bridged:WARNING");
    }

    assertThat(events.list)
        .extracting(event -> event.getLevel() + " " + event.getFormattedMessage())
        .containsExactly(
            "DEBUG \tbridged:src:out : Frame[data=7, eos=false, gap=false]",
            "DEBUG \tbridged:src:out : Frame[data=null, eos=true, gap=true]");
  }

  private static void runOneFrame(String source) {
    new Pipeline()
        .connect(
            IterSource.of(source, "out", List.of(7)), new NullSink(source + "snk", List.of("in")))
        .run();
  }

  private static Handler capture(List<String> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(
            record.getLoggerName()
                + " "
                + record.getLevel()
                + " "
                + java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
