package dev.sgn4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pads every instance of an element class has (SGN's {@code static_source_pads} and {@code
 * static_sink_pads}). They are appended after the pad names the instance was built with. A class
 * may forbid extra pads with {@code allowDynamicSourcePads = false} or {@code allowDynamicSinkPads
 * = false}; it must then declare static pads of that kind.
 *
 * <p>The annotation is {@link Inherited}: a subclass of an element with static pads has the same
 * pads unless it declares its own annotation (SGN raises a TypeError there; sgn4j does not).
 *
 * <pre>{@code
 * @StaticPads(source = {"left", "right"}, allowDynamicSourcePads = false)
 * final class StereoSource extends SourceElement { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StaticPads {

  /**
   * Source pad names every instance has.
   *
   * @return the short names
   */
  String[] source() default {};

  /**
   * Sink pad names every instance has.
   *
   * @return the short names
   */
  String[] sink() default {};

  /**
   * Whether an instance may add source pads of its own.
   *
   * @return false to allow only the static source pads
   */
  boolean allowDynamicSourcePads() default true;

  /**
   * Whether an instance may add sink pads of its own.
   *
   * @return false to allow only the static sink pads
   */
  boolean allowDynamicSinkPads() default true;
}
