package dev.netc.benchmarks;

import java.util.Locale;

/**
 * The two precisions of the language; JMH parameters spell them {@code double} and {@code float}.
 */
public enum Precision {
  DOUBLE,
  FLOAT;

  /** Parses a JMH parameter value ({@code double} or {@code float}). */
  public static Precision of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
