package dev.sgn4j;

import java.util.Map;

/**
 * An element whose state can be read and changed from outside while the pipeline runs, for example
 * through sgn4j's HTTP control server (SGN's {@code HTTPControl*Element}s and {@code
 * exchange_state}). The element exposes a live, thread-safe map; readers see its current entries,
 * and writers replace entries that already exist, converted to the type of the current value.
 *
 * <pre>{@code
 * final class Greeter extends SourceElement implements Controllable {
 *   private final Map<String, Object> state = new ConcurrentHashMap<>(Map.of("message", "hello"));
 *
 *   public Map<String, Object> controlState() {
 *     return state;
 *   }
 *
 *   protected Frame newFrame(SourcePad pad) {
 *     return Frame.of(state.get("message"));   // sees what was posted
 *   }
 * }
 * }</pre>
 *
 * <p>The map must be safe for concurrent use (a {@link java.util.concurrent.ConcurrentHashMap}),
 * since the control server reads and writes it from its own threads while the run thread uses it.
 * Values are what JSON can express: strings, numbers, booleans, lists and maps.
 */
public interface Controllable {

  /**
   * The element's live control state.
   *
   * @return a thread-safe map of the element's settings and readings
   */
  Map<String, Object> controlState();
}
