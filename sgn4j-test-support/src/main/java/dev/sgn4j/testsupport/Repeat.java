package dev.sgn4j.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test repeated {@link #value()} times in the full test loop ({@code ./mvnw verify -Pstress},
 * which CI runs) and {@link #quick()} times in the quick one ({@code ./mvnw verify}): for tests
 * that start child JVMs or stress a handshake, where each repetition costs real time.
 *
 * <pre>{@code
 * @Repeat(value = 20, quick = 2)
 * void aKilledWorkerFailsTheRun() { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(RepeatExtension.class)
public @interface Repeat {

  /**
   * Repetitions in the full loop.
   *
   * @return at least 1
   */
  int value();

  /**
   * Repetitions in the quick loop.
   *
   * @return at least 1
   */
  int quick() default 1;
}
