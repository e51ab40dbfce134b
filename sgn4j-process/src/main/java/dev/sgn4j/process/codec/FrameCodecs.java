package dev.sgn4j.process.codec;

/**
 * The process-wide {@link CodecRegistry}: where user codecs are registered so that frames carrying
 * user types can cross to and from worker processes.
 *
 * <pre>{@code
 * FrameCodecs.register(Point.class, new PointCodec());   // once, before the run
 * }</pre>
 *
 * <p><b>Process-wide or per registry.</b> Codecs are a property of the data types a program uses,
 * so one registry per JVM is the natural default: register once at start-up and every pipeline,
 * every worker process and every encodability check sees the codec, with nothing to pass around.
 * The price is global state: a registration is visible to all code in the JVM, including other
 * tests, until replaced. Code that needs isolation creates its own {@link CodecRegistry} and hands
 * it to what encodes; the two kinds never mix.
 *
 * <p><b>Worker processes.</b> The launcher passes {@code registry().codecNames()} to each child
 * JVM, which registers the same codec classes by name before decoding anything; see {@link
 * CodecRegistry#registerByName}.
 *
 * <p><b>Threading.</b> All methods may be called from any thread.
 */
public final class FrameCodecs {

  private static final CodecRegistry REGISTRY = new CodecRegistry();

  private FrameCodecs() {}

  /**
   * Registers {@code codec} for values of {@code type} (and its subtypes) in the process-wide
   * registry; see {@link CodecRegistry#register} for the rules.
   *
   * @param type the value type
   * @param codec the codec, creatable by name: a public class with a public no-argument constructor
   * @param <T> the value type
   * @throws IllegalArgumentException when the type has a built-in codec or the codec cannot be
   *     created by name
   */
  public static <T> void register(Class<T> type, ValueCodec<T> codec) {
    REGISTRY.register(type, codec);
  }

  /**
   * Allows values of these classes to be decoded by Java serialization in the process-wide
   * registry; see {@link CodecRegistry#allowSerializable}.
   *
   * @param types the classes
   */
  public static void allowSerializable(Class<?>... types) {
    REGISTRY.allowSerializable(types);
  }

  /**
   * The process-wide registry that {@link #register} adds to.
   *
   * @return the registry, the same object on every call
   */
  public static CodecRegistry registry() {
    return REGISTRY;
  }

  /**
   * Encodes and decodes {@code item} with the process-wide registry, as a queue to a worker process
   * would, and returns the decoded copy; see {@link CodecRegistry#checkEncodable}.
   *
   * @param item a frame, a map of frames by pad name, or any value a worker puts on a queue
   * @param context what the item belongs to, used in messages, e.g. {@code "element 'square'"}
   * @return the decoded copy
   * @throws IllegalArgumentException naming the context, the field path and the class of a value
   *     that cannot be encoded
   */
  public static Object checkEncodable(Object item, String context) {
    return REGISTRY.checkEncodable(item, context);
  }
}
