package dev.sgn4j;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Near-match suggestions for names that were not found. */
final class Names {

  private Names() {}

  /** Up to three known names closest to {@code wanted}, closest first. */
  static List<String> nearest(String wanted, Collection<String> known) {
    int limit = Math.max(2, wanted.length() / 3);
    return known.stream()
        .filter(name -> distance(wanted, name) <= limit || name.contains(wanted))
        .sorted(
            Comparator.comparingInt((String name) -> distance(wanted, name)).thenComparing(n -> n))
        .limit(3)
        .toList();
  }

  /** The sentence fragment "; did you mean 'a' or 'b'?" or "" when nothing is close. */
  static String suggestion(String wanted, Collection<String> known) {
    List<String> near = nearest(wanted, known);
    if (near.isEmpty()) {
      return "";
    }
    return "; did you mean '" + String.join("' or '", near) + "'?";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
