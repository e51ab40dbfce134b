/**
 * sgn4j's meters for Micrometer: {@link dev.sgn4j.micrometer.PipelineMeters} binds a pipeline's
 * figures to a {@code MeterRegistry}, so Spring Boot's actuator, Prometheus, JMX or any other
 * registry shows them.
 *
 * <pre>{@code
 * new PipelineMeters(pipeline).bindTo(registry);
 * }</pre>
 */
package dev.sgn4j.micrometer;
