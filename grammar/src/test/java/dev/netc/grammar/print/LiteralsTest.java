package dev.netc.grammar.print;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralsTest {
  @Test
  void printsTheShortestDecimalThatReadsBack() {
    assertThat(Literals.doubleLiteral(0.1)).isEqualTo("0.1");
    assertThat(Literals.doubleLiteral(0.05)).isEqualTo("0.05");
    assertThat(Literals.doubleLiteral(1)).isEqualTo("1.0");
    assertThat(Literals.doubleLiteral(-2.5)).isEqualTo("-2.5");
    assertThat(Literals.doubleLiteral(1e-8)).isEqualTo("1.0e-8");
    assertThat(Literals.doubleLiteral(1.5e-8)).isEqualTo("1.5e-8");
    assertThat(Literals.doubleLiteral(0.0001)).isEqualTo("0.0001");
    assertThat(Literals.doubleLiteral(1e16)).isEqualTo("1.0e16");
    assertThat(Literals.doubleLiteral(123456789.0)).isEqualTo("123456789.0");
    assertThat(Literals.doubleLiteral(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Literals.doubleLiteral(-0.0)).isEqualTo("-0.0");
    assertThat(Literals.doubleLiteral(Double.NaN)).isEqualTo("Double.NaN");
    // JDK 17's Double.toString prints 2.0E-3 as "0.002" but 1.0E23 as "1.0E23" and some values
    // with a digit too many (JDK-4511638); netc's text is the shortest that reads back.
    assertThat(Literals.doubleLiteral(2e-3)).isEqualTo("0.002");
    assertThat(Literals.doubleLiteral(1e23)).isEqualTo("1.0e23");
    assertThat(Literals.doubleLiteral(2.0e-3 / 3)).isEqualTo("0.0006666666666666666");
    assertThat(Literals.doubleLiteral(Double.MIN_VALUE)).isEqualTo("5.0e-324");
    assertThat(Literals.doubleLiteral(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e308");
  }

  @Test
  void everyPrintedDoubleReadsBackExactly() {
    Random random = new Random(5);
    for (int k = 0; k < 20000; k++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = Literals.doubleLiteral(value);
      assertThat(Double.parseDouble(text)).isEqualTo(value);
      assertThat(text.length()).isAtMost(Double.toString(value).length() + 3);
    }
  }

  @Test
  void floatLiteralsHaveTheSuffixAndReadBack() {
    assertThat(Literals.floatLiteral(0.1f)).isEqualTo("0.1f");
    assertThat(Literals.floatLiteral(1e-8f)).isEqualTo("1.0e-8f");
    Random random = new Random(6);
    for (int k = 0; k < 20000; k++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (Float.isNaN(value) || Float.isInfinite(value)) {
        continue;
      }
      String text = Literals.floatLiteral(value);
      assertThat(Float.parseFloat(text.substring(0, text.length() - 1))).isEqualTo(value);
    }
  }
}
