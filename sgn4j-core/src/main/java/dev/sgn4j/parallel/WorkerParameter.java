package dev.sgn4j.parallel;

import dev.sgn4j.worker.WorkerContext;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a parallel element whose value is copied to the workers when the run starts,
 * available there as {@link WorkerContext#parameter(String)} (the seed's "instance attributes
 * become worker parameters"). Later changes to the field are not seen by running workers.
 *
 * <pre>{@code
 * final class Scale extends ParallelTransformElement {
 *   @WorkerParameter private final int factor;
 *   ...
 * }
 * // in the worker: int factor = context.parameter("factor");
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface WorkerParameter {

  /**
   * The parameter name; empty for the field's name.
   *
   * @return the name
   */
  String value() default "";
}
