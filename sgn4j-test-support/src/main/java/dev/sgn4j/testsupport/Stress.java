package dev.sgn4j.testsupport;

/**
 * The full test loop: {@code ./mvnw verify -Pstress} (what CI runs) sets the system property
 * {@value #PROPERTY} and runs the test classes tagged {@value #TAG}, which the quick loop ({@code
 * ./mvnw verify}) leaves out: queue and ring stress suites that take minutes on a 2-core machine.
 */
public final class Stress {

  /** The JUnit tag of test classes that run only in the full loop. */
  public static final String TAG = "stress";

  /** The system property the stress profile sets to {@code true}. */
  public static final String PROPERTY = "sgn4j.stress";

  private Stress() {}

  /**
   * Whether this is the full loop.
   *
   * @return true under {@code -Pstress}
   */
  public static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }
}
