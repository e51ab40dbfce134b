package dev.sgn4j.test;

import dev.sgn4j.DataSpec;
import dev.sgn4j.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Compares frames and writes the difference as a table of rows, one per iteration or item. */
final class FrameTable {

  private FrameTable() {}

  /** Whether two frames are the same: flags, data (arrays by content), spec and metadata. */
  static boolean same(Frame expected, Frame actual) {
    return expected.isEos() == actual.isEos()
        && expected.isGap() == actual.isGap()
        && Objects.deepEquals(expected.data(), actual.data())
        && expected.spec().equals(actual.spec())
        && expected.metadata().equals(actual.metadata());
  }

  /**
   * Row by row, whether two lists differ: a row only one list has differs, as does a row whose
   * items are not {@code same}.
   */
  static <T> List<Boolean> differences(
      List<? extends T> expected,
      List<? extends T> actual,
      java.util.function.BiPredicate<T, T> same) {
    List<Boolean> differs = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      differs.add(
          i >= expected.size() || i >= actual.size() || !same.test(expected.get(i), actual.get(i)));
    }
    return differs;
  }

  /** A frame in a few words: {@code data=10}, {@code gap}, {@code data=30 EOS}, {@code gap EOS}. */
  static String describe(Frame frame) {
    StringBuilder text = new StringBuilder(frame.isGap() ? "gap" : "data=" + value(frame.data()));
    if (frame.isEos()) {
      text.append(" EOS");
    }
    if (frame.spec() != DataSpec.NONE) {
      text.append(" spec=").append(frame.spec());
    }
    if (!frame.metadata().isEmpty()) {
      text.append(" metadata=").append(frame.metadata());
    }
    return text.toString();
  }

  /** A value as a test would write it: strings quoted, arrays by content. */
  static String value(Object value) {
    if (value instanceof String text) {
      return '"' + text + '"';
    }
    if (value != null && value.getClass().isArray()) {
      String deep = Arrays.deepToString(new Object[] {value});
      return deep.substring(1, deep.length() - 1);
    }
    return String.valueOf(value);
  }

  /**
   * The rows of a table comparing two columns; {@code -} where a column has no row, {@code >} in
   * front of rows that differ.
   *
   * @param heading the name of the first column (e.g. "iteration")
   * @param expected the expected cells
   * @param actual the actual cells
   * @param differs which rows differ
   */
  static String table(
      String heading, List<String> expected, List<String> actual, List<Boolean> differs) {
    int rows = Math.max(expected.size(), actual.size());
    int width = "expected".length();
    for (String cell : expected) {
      width = Math.max(width, cell.length());
    }
    String format = "%s %" + heading.length() + "s | %-" + width + "s | %s%n";
    StringBuilder text = new StringBuilder();
    text.append(String.format(format, " ", heading, "expected", "actual"));
    for (int row = 0; row < rows; row++) {
      text.append(
          String.format(
              format,
              differs.get(row) ? ">" : " ",
              row + 1,
              row < expected.size() ? expected.get(row) : "-",
              row < actual.size() ? actual.get(row) : "-"));
    }
    return text.toString().stripTrailing();
  }
}
