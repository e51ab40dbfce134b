package dev.sgn4j.cli;

import dev.sgn4j.Element;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Builds elements of user classes named by their fully qualified name in a pipeline file. The
 * convention: a public, concrete subclass of {@code SourceElement}, {@code TransformElement} or
 * {@code SinkElement} with a public constructor {@code (String name, Map<String, Object>
 * parameters)}; the map holds the element's {@code parameters} as plain values (strings, numbers,
 * booleans, null, lists and maps), and the constructor throws {@link IllegalArgumentException} for
 * a bad one.
 *
 * <p>The class is loaded without being initialized and checked first: the static initializer of a
 * class a file names runs only once the class has proved to be such an element.
 */
final class UserElements {

  private UserElements() {}

  /**
   * Loads and builds the element.
   *
   * @param file the file name for messages
   * @param typeLine the line of the element's {@code type}
   * @param className the fully qualified class name
   * @param name the element name
   * @param parameters the element's parameters
   * @return the element
   * @throws PipelineFileException when the class is missing, unsuitable, or rejects the parameters
   */
  static Element build(
      String file,
      int typeLine,
      String className,
      String name,
      Parameters parameters,
      ClassLoader loader)
      throws PipelineFileException {
    Class<?> type = load(file, typeLine, className, loader);
    if (!Element.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          ("class '%s' is not a concrete sgn4j element; extend SourceElement, TransformElement or"
                  + " SinkElement")
              .formatted(className));
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor(String.class, Map.class);
    } catch (NoSuchMethodException e) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          "class '%s' has no public constructor (String name, Map<String, Object> parameters)"
              .formatted(className));
    } catch (LinkageError e) {
      throw new PipelineFileException(
          file, typeLine, "type", "cannot load class '%s': %s".formatted(className, e));
    }
    try {
      return (Element) constructor.newInstance(name, parameters.plain());
    } catch (ExceptionInInitializerError e) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          "class '%s' failed in its static initializer: %s"
              .formatted(className, e.getCause() == null ? e : e.getCause()));
    } catch (LinkageError e) {
      throw new PipelineFileException(
          file, typeLine, "type", "cannot build class '%s': %s".formatted(className, e));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new PipelineFileException(
          file,
          parameters.line(),
          "parameters",
          cause instanceof IllegalArgumentException
              ? cause.getMessage()
              : "%s rejected its parameters: %s".formatted(className, cause));
    } catch (ReflectiveOperationException e) {
      throw new PipelineFileException(
          file, typeLine, "type", "cannot build class '%s': %s".formatted(className, e));
    }
  }

  /**
   * Loads a class a file names, without initializing it: a class that proves to be no element must
   * not run its static initializer.
   *
   * @throws PipelineFileException when it is not on the class path
   */
  static Class<?> load(String file, int typeLine, String className, ClassLoader loader)
      throws PipelineFileException {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new PipelineFileException(
          file,
          typeLine,
          "type",
          "class '%s' is not on the class path; check the name or add its jar with --classpath"
              .formatted(className));
    }
  }
}
