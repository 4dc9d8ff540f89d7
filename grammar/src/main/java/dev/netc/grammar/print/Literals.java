package dev.netc.grammar.print;

import dev.netc.grammar.expr.NumberText;
import java.math.BigDecimal;

/**
 * netc's own printing of numbers, in generated Java code and in written {@code .nn} files: the
 * shortest decimal that reads back to the same value, computed with {@link BigDecimal} from the
 * exact binary value, so that the text does not depend on the JDK ({@code Double.toString} changed
 * in JDK 19, openjdk/jdk PR 3402). Plain notation for magnitudes in [1e-5, 1e16), otherwise {@code
 * d.ddde-N}; always with a decimal point, so the text is a Java {@code double} literal ({@link
 * #floatLiteral} adds {@code f}) and a {@code NUMBER} of the language ({@link #nnNumber}).
 */
public final class Literals {
  private Literals() {}

  /** A Java {@code double} literal (or constant expression) for {@code value}. */
  public static String doubleLiteral(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return shortest(value, 17, false);
  }

  /** A Java {@code float} literal for {@code value} (the nearest float, printed shortest). */
  public static String floatLiteral(float value) {
    if (Float.isNaN(value)) {
      return "Float.NaN";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
    }
    return shortest(value, 9, true) + "f";
  }

  /**
   * A {@code NUMBER} of the language that reads back to exactly {@code value} in a network of
   * {@code precision}: the shortest double text, or for {@code float} the shortest text that a
   * {@code double} parse rounded to {@code float} gives back (explicit weights are read as {@code
   * double} and rounded by a float network).
   *
   * @throws IllegalArgumentException for NaN or an infinity, which the language cannot write
   */
  public static String nnNumber(double value, boolean asFloat) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (asFloat) {
      float single = (float) value;
      String text = shortest(single, 9, true);
      if ((float) Double.parseDouble(text) == single) {
        return text;
      }
      return shortest(single, 17, false);
    }
    return shortest(value, 17, false);
  }

  /** The shortest decimal text of a finite value, as {@link #doubleLiteral} prints it. */
  static String shortest(double value, int maxDigits, boolean asFloat) {
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    return format(NumberText.shortest(value, maxDigits, asFloat));
  }

  private static String format(BigDecimal value) {
    String sign = value.signum() < 0 ? "-" : "";
    String digits = value.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - value.scale();
    if (exponent >= -5 && exponent < 16) {
      String plain = value.abs().toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    String mantissa =
        digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + exponent;
  }
}
