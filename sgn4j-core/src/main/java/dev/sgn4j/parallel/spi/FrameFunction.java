package dev.sgn4j.parallel.spi;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.FrameMap;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;

/**
 * The work of a parallel transform built with {@code map}, as one value an executor can carry to
 * another machine and call there, frame by frame: how sgn4j-flink runs such an element as an
 * operator of many parallel instances. {@link #apply} follows the workers' rules exactly (a gap
 * passes through, an EOS input gives an EOS output, a null result is an error naming the element),
 * so the outputs equal those of the element's own workers.
 *
 * <pre>{@code
 * FrameFunction work = parallelTransform.frameFunction().orElseThrow();
 * Frame out = work.apply(Frame.of(3));
 * }</pre>
 *
 * <p>It is {@link Serializable}: a {@code map(Class)} element travels as its class; a {@code
 * map(function)} element travels with its function, which must then be serializable itself (a class
 * implementing {@code Serializable}, or a lambda cast to {@code Function<Frame, Frame> &
 * Serializable}). One instance is called by one thread at a time.
 *
 * @serial exclude
 */
public final class FrameFunction implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String element;
  private final Function<Frame, Frame> function;
  private final Class<? extends FrameMap> type;

  /** The instance of {@link #type} this copy calls, made on first use where it runs. */
  private transient FrameMap map;

  private FrameFunction(
      String element, Function<Frame, Frame> function, Class<? extends FrameMap> type) {
    this.element = element;
    this.function = function;
    this.type = type;
  }

  /**
   * The work of a {@code map(function)} element.
   *
   * @param element the element's name, for messages
   * @param function the function
   * @return the work
   */
  public static FrameFunction of(String element, Function<Frame, Frame> function) {
    return new FrameFunction(element, Objects.requireNonNull(function, "function"), null);
  }

  /**
   * The work of a {@code map(Class)} element: each copy makes its own instance of {@code type}.
   *
   * @param element the element's name, for messages
   * @param type the map class, public with a public no-argument constructor
   * @return the work
   */
  public static FrameFunction ofClass(String element, Class<? extends FrameMap> type) {
    return new FrameFunction(element, null, Objects.requireNonNull(type, "type"));
  }

  /**
   * The element whose work this is.
   *
   * @return its name
   */
  public String element() {
    return element;
  }

  /**
   * The output frame for {@code in}, as the element's workers make it.
   *
   * @param in an input frame
   * @return the output frame
   * @throws Exception what the function threw, or an {@link IllegalStateException} naming the
   *     element when it returned null
   */
  public Frame apply(Frame in) throws Exception {
    if (type != null) {
      if (map == null) {
        map = MapLogic.create(type, element);
      }
      return MapLogic.map(map, in, element);
    }
    return MapLogic.map(function::apply, in, element);
  }
}
