package dev.sgn4j;

/**
 * An optional description of the data on a pad, such as a sample rate or a data type.
 *
 * <p>The first frame that reaches a {@link SinkPad} fixes that pad's spec; a later frame whose spec
 * is not {@link Object#equals equal} fails the run with a message naming the pad and both specs
 * (SGN's consistency check). Implement it with a record so that equality is by value:
 *
 * <pre>{@code
 * record AudioSpec(int rate, String dtype) implements DataSpec {}
 *
 * Frame.of(samples).withSpec(new AudioSpec(2048, "float64"));
 * }</pre>
 */
public interface DataSpec {

  /** The spec of frames that do not describe their data. */
  DataSpec NONE = NoDataSpec.INSTANCE;
}

/** The empty spec. */
enum NoDataSpec implements DataSpec {
  INSTANCE;

  @Override
  public String toString() {
    return "DataSpec.NONE";
  }
}
