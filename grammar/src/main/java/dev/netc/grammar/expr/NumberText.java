package dev.netc.grammar.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the language writes them: whole numbers without a decimal point ({@code 2}), others as
 * the shortest decimal that reads back to the same double, computed with {@link BigDecimal} so that
 * the text does not depend on the JDK ({@code Double.toString} changed in JDK 19). Plain for
 * magnitudes in [1e-5, 1e15), else with an exponent ({@code 1.5e-7}).
 */
public final class NumberText {
  private NumberText() {}

  /** The text of a finite {@code value}. */
  public static String of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not finite: " + value);
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal shortest = shortest(value, 17, false);
    if (magnitude >= 1e-5 && magnitude < 1e15) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
  }

  /**
   * The shortest decimal, with at most {@code maxDigits} significant digits and no trailing zeros,
   * that reads back to exactly {@code value}: as a {@code double}, or with {@code asFloat} as a
   * {@code float}. The one search for the shortest round-trip text (the generator's literals and
   * the printed {@code .nn} numbers use it too).
   *
   * @throws IllegalArgumentException if no decimal of that many digits reads back
   */
  public static BigDecimal shortest(double value, int maxDigits, boolean asFloat) {
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= maxDigits; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      boolean same =
          asFloat ? rounded.floatValue() == (float) value : rounded.doubleValue() == value;
      if (same) {
        return rounded.stripTrailingZeros();
      }
    }
    throw new IllegalArgumentException(
        "no decimal of " + maxDigits + " digits reads back: " + exact);
  }
}
