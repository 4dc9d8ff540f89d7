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
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        shortest = rounded.stripTrailingZeros();
        break;
      }
    }
    if (magnitude >= 1e-5 && magnitude < 1e15) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
  }
}
