package dev.sgn4j.process;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds an exception from the text a worker process wrote ({@link Throwable#printStackTrace()}
 * format): the same type when this JVM can make one with a message, else a {@link
 * WorkerProcessException} carrying the original type's name; message, stack trace and causes
 * restored.
 */
final class RemoteFailure {

  private static final Pattern FRAME =
      Pattern.compile(
          "\\s*at (?:[^/]+/)*([\\w$.<>]+)\\.([\\w$<>]+)\\((?:([^:)]+)(?::(\\d+))?)?\\)");

  private RemoteFailure() {}

  static Throwable rebuild(String text) {
    List<String> lines = text.lines().toList();
    List<Throwable> chain = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String header = lines.get(i);
      if (header.startsWith("Caused by: ")) {
        header = header.substring("Caused by: ".length());
      } else if (!chain.isEmpty()) {
        i++;
        continue;
      }
      i++;
      StringBuilder message = new StringBuilder(header);
      List<StackTraceElement> frames = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("Caused by: ")) {
        String line = lines.get(i);
        Matcher frame = FRAME.matcher(line);
        if (frame.matches()) {
          frames.add(
              new StackTraceElement(
                  frame.group(1),
                  frame.group(2),
                  frame.group(3),
                  frame.group(4) == null ? -1 : Integer.parseInt(frame.group(4))));
        } else if (frames.isEmpty() && !line.trim().startsWith("...")) {
          message.append('\n').append(line);
        }
        i++;
      }
      Throwable error = make(message.toString());
      error.setStackTrace(frames.toArray(StackTraceElement[]::new));
      chain.add(error);
    }
    if (chain.isEmpty()) {
      return new WorkerProcessException("(unknown)", text.strip());
    }
    for (int k = 0; k + 1 < chain.size(); k++) {
      try {
        chain.get(k).initCause(chain.get(k + 1));
      } catch (IllegalStateException alreadySet) {
        // The constructor set a cause already; keep it.
      }
    }
    return chain.get(0);
  }

  /** "type: message" (or "type") to an exception of that type when possible. */
  private static Throwable make(String header) {
    int colon = header.indexOf(": ");
    String type = colon < 0 ? header.strip() : header.substring(0, colon);
    String message = colon < 0 ? null : header.substring(colon + 2);
    try {
      Class<?> found = Class.forName(type, false, RemoteFailure.class.getClassLoader());
      if (Throwable.class.isAssignableFrom(found)) {
        Constructor<?> constructor = found.getConstructor(String.class);
        return (Throwable) constructor.newInstance(message);
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // Not rebuildable here: fall back to a carrier of the original type's name.
    }
    return new WorkerProcessException(type, message);
  }
}
