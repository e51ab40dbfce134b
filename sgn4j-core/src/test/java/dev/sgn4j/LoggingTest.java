package dev.sgn4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sgn4j.elements.IterSource;
import dev.sgn4j.elements.NullSink;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

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
    Handler capture =
        new Handler() {
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
    Logger logger = Logger.getLogger("sgn.logsrc");
    logger.addHandler(capture);
    SgnLogging.configure("logsrc:DEBUG");
    try {
      new Pipeline()
          .connect(
              IterSource.of("logsrc", "out", List.of(7)), new NullSink("logsnk", List.of("in")))
          .run();
    } finally {
      logger.removeHandler(capture);
      SgnLogging.configure("logsrc:WARNING");
    }

    assertThat(records)
        .containsExactly(
            "sgn.logsrc FINE \tlogsrc:src:out : Frame[data=7, eos=false, gap=false]",
            "sgn.logsrc FINE \tlogsrc:src:out : Frame[data=null, eos=true, gap=true]");
  }
}
