package dev.sgn4j.parallel.spi;

import dev.sgn4j.Frame;
import dev.sgn4j.worker.FrameMap;
import dev.sgn4j.worker.WorkerContext;
import dev.sgn4j.worker.WorkerLogic;
import java.lang.reflect.InvocationTargetException;

/**
 * A {@link FrameMap} run as {@link WorkerLogic}: each input frame taken, mapped and put out, one
 * output per input, so that pools keep the input order. How worker processes run a {@code
 * map(Class)} element, and the rule thread workers follow too ({@link #map}).
 *
 * <pre>{@code
 * WorkerLogic logic = new MapLogic(MapLogic.create(Square.class, "square"), "square");
 * WorkerLoop.run(logic, context);
 * }</pre>
 */
public final class MapLogic implements WorkerLogic {

  private final FrameMap function;
  private final String element;

  /**
   * Wraps one worker's instance of the element's map.
   *
   * @param function the map, one instance for this worker
   * @param element the element name, for messages
   */
  public MapLogic(FrameMap function, String element) {
    this.function = function;
    this.element = element;
  }

  /**
   * Creates a map instance with its public no-argument constructor.
   *
   * @param type the map class
   * @param element the element name, for messages
   * @return the new instance
   * @throws Exception what the constructor threw
   */
  public static FrameMap create(Class<? extends FrameMap> type, String element) throws Exception {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "map class %s of element '%s' needs to be public with a public no-argument constructor"
              .formatted(type.getName(), element),
          e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * The output of {@code in}: a gap passes through, anything else goes through {@code function}; an
   * EOS input gives an EOS output.
   *
   * @param function the map
   * @param in the input frame
   * @param element the element name, for messages
   * @return the output frame
   * @throws IllegalStateException when the map returns null
   * @throws Exception what the map threw
   */
  public static Frame map(FrameMap function, Frame in, String element) throws Exception {
    if (in.isGap()) {
      return in;
    }
    Frame out = function.apply(in);
    if (out == null) {
      throw new IllegalStateException(
          "the function of '%s' returned null for %s; return a Frame".formatted(element, in));
    }
    return in.isEos() && !out.isEos() ? out.withEos(true) : out;
  }

  @Override
  public void process(WorkerContext context) throws Exception {
    Frame in = (Frame) context.input().take();
    context.output().put(map(function, in, element));
  }
}
