package dev.netc.runtime.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles without rounding error: the value is the exact sum of everything added, rounded
 * once to the nearest double (ties to even), whatever the order of the additions and however they
 * were grouped. So sums computed in parts (per file, per thread, per partition of a cluster) and
 * merged give the same bits as one pass over the data. Shewchuk's non-overlapping partials, with
 * the correctly rounded final sum of Python's {@code math.fsum}; a few partials for ordinary data.
 * Infinities and NaN propagate as in ordinary addition.
 */
public final class ExactSum implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Non-overlapping partial sums, increasing in magnitude: {@code partials[0 .. size-1]}. */
  private double[] partials = new double[4];

  private int size;

  /** The sum of the non-finite values added (0 when none was; an intermediate overflow too). */
  private double special;

  /** An empty sum (value 0). */
  public ExactSum() {}

  /** Adds {@code x}. */
  public void add(double x) {
    if (!Double.isFinite(x)) {
      special += x;
      return;
    }
    int kept = 0;
    for (int j = 0; j < size; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      // hi + lo == x + y exactly (Fast2Sum, |x| >= |y|)
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (!Double.isFinite(x)) {
      special += x;
      size = kept;
      return;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, kept * 2);
    }
    partials[kept++] = x;
    size = kept;
  }

  /** Adds everything {@code other} holds (it is not changed). */
  public void add(ExactSum other) {
    for (int j = 0; j < other.size; j++) {
      add(other.partials[j]);
    }
    special += other.special;
  }

  /** The exact sum rounded once to the nearest double. */
  public double value() {
    if (special != 0.0 || Double.isNaN(special)) {
      return special;
    }
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    // Add the partials from the largest down until the sum becomes inexact.
    double hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) {
        break;
      }
    }
    // Round half-even correctly when the rest of the partials push a tie one way.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }
}
