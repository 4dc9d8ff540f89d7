package dev.netc.cli;

import java.util.Locale;

/** Number formats of the command's output: fixed, locale-independent. */
final class Formats {
  private Formats() {}

  /** An integer with thousands separators: {@code 12,345}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A fraction as a percentage with two decimals: {@code 96.67%}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }
}
