package dev.netc.grammar.diag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word} (ignoring case; an adjacent swap counts as one edit), if
   * it is at most 1 edit away for words up to 3 letters and 2 edits for longer ones; the first in
   * list order wins ties.
   */
  public static Optional<String> closest(String word, List<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    int allowed = lower.length() <= 3 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), allowed);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or {@code limit +
   * 1} once it is certain to exceed {@code limit} (long inputs stay cheap).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code " (did you mean 'x'?)"}, or {@code ": use one of a, b, c"} without a close one. */
  public static String hint(String word, List<String> candidates) {
    return closest(word, candidates)
        .map(c -> " (did you mean '" + c + "'?)")
        .orElse(": use one of " + String.join(", ", candidates));
  }
}
