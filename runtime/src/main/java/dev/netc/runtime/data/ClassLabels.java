package dev.netc.runtime.data;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** How class labels read from text become classes: one rule for every loader. */
final class ClassLabels {
  private static final Pattern INTEGER = TextFiles.INTEGER;

  private ClassLabels() {}

  /** Whether every label is an integer ({@code 1}, {@code +1}, {@code 01}). */
  static boolean allIntegers(List<String> labels) {
    return labels.stream().allMatch(label -> INTEGER.matcher(label).matches());
  }

  /**
   * The labels as classes are named: when all are integers, {@code "+1"} and {@code "01"} are the
   * class {@code "1"}; else unchanged. Replaces in place.
   */
  static void normalize(List<String> labels) {
    if (allIntegers(labels)) {
      labels.replaceAll(label -> String.valueOf(Integer.parseInt(label)));
    }
  }

  /**
   * One label as the classes {@code classes} name it ({@code "+1"} is {@code "1"} among integers).
   */
  static String normalize(String label, List<String> classes) {
    if (INTEGER.matcher(label).matches() && allIntegers(classes)) {
      return String.valueOf(Integer.parseInt(label));
    }
    return label;
  }

  /** The distinct (normalized) labels in class order: integers numerically, names as text. */
  static List<String> classesOf(List<String> labels) {
    if (allIntegers(labels)) {
      TreeSet<Integer> values = new TreeSet<>();
      labels.forEach(label -> values.add(Integer.parseInt(label)));
      return values.stream().map(String::valueOf).toList();
    }
    return List.copyOf(new TreeSet<>(labels));
  }
}
