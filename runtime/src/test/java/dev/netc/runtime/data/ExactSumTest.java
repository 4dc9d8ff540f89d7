package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  /** The exact sum by BigDecimal, rounded once to the nearest double (half-even). */
  private static double exact(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    return sum.doubleValue();
  }

  private static double sum(List<Double> values) {
    ExactSum s = new ExactSum();
    values.forEach(s::add);
    return s.value();
  }

  @Test
  void equalsTheCorrectlyRoundedSumInAnyOrder() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      List<Double> values = new ArrayList<>();
      int n = 1 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        // values of very different magnitudes and both signs: naive sums lose digits
        values.add((random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(-60, 60)));
      }
      double expected = exact(values);
      assertEquals(expected, sum(values), 0.0);
      Collections.shuffle(values, new java.util.Random(trial));
      assertEquals(expected, sum(values), 0.0);
    }
  }

  @Test
  void knownCasesNaiveSumsGetWrong() {
    assertEquals(1e-16, sum(List.of(1.0, 1e-16, -1.0)), 0.0);
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 added in order; the exact sum rounds to 0.6
    assertEquals(0.6000000000000001, 0.1 + 0.2 + 0.3, 0.0);
    assertEquals(0.6, sum(List.of(0.1, 0.2, 0.3)), 0.0);
    assertEquals(0.0, sum(List.of()), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, sum(List.of(1.0, Double.POSITIVE_INFINITY)), 0.0);
    assertEquals(Double.NaN, sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    // Half-even across partials: 2^53 + 1 + 2^-60 is above the tie, so it rounds up.
    double big = 0x1p53;
    assertEquals(big + 2, sum(List.of(big, 1.0, 0x1p-60)), 0.0);
    assertEquals(big, sum(List.of(big, 1.0, -0x1p-60)), 0.0);
  }

  @Test
  void mergedPartsGiveTheSameBitsAsOnePass() {
    SplittableRandom random = new SplittableRandom(3);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      values.add(random.nextDouble(-1e6, 1e6) / (1 + random.nextInt(1000)));
    }
    double whole = sum(values);
    for (int parts = 2; parts <= 7; parts++) {
      ExactSum merged = new ExactSum();
      for (int p = parts - 1; p >= 0; p--) {
        ExactSum part = new ExactSum();
        for (int i = p; i < values.size(); i += parts) {
          part.add(values.get(i));
        }
        merged.add(part);
      }
      assertEquals(whole, merged.value(), 0.0, parts + " parts");
    }
    assertEquals(exact(values), whole, 0.0);
  }
}
