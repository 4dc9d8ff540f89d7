package dev.netc.benchmarks.vector;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * W3 (784 -> 128 sigmoid -> 10 softmax, cross-entropy, sgd) in double, hand-written with the Vector
 * API for the first layer's two hot loops: the forward {@code z1 = W1 x0 + b1} and the weight
 * gradient {@code dW1 += delta1 x0^T}. Everything else (sigmoid, the 10-unit output layer, softmax,
 * the deltas) is the generated class's scalar code, copied expression for expression.
 *
 * <p>Each lane computes exactly the scalar expression of the generated {@code W3Double} (same
 * association, a multiply then an add, never a fused multiply-add), so the results are the same
 * bits; lanewise operations have no reduction, so the lane count changes the speed only. The
 * weights have the generated layout, one array per column: {@code w1[j][i] = W1[i][j]}.
 */
public final class VectorW3Double implements VectorW3 {
  static final int IN = 784;
  static final int HIDDEN = 128;
  static final int OUT = 10;

  /** The rows of a block: each row's sums for a strip of units stay in registers. */
  static final int ROWS = 4;

  /** The lane count: {@code -Dnetc.vector.bits=256} or 512 (default: the machine's preferred). */
  static final VectorSpecies<Double> SPECIES = Species.doubles();

  static final int L = SPECIES.length();

  final double[][] w1 = new double[IN][HIDDEN];
  final double[] b1 = new double[HIDDEN];
  final double[][] w2 = new double[HIDDEN][OUT];
  final double[] b2 = new double[OUT];
  final double[][] dw1 = new double[IN][HIDDEN];
  final double[] db1 = new double[HIDDEN];
  final double[][] dw2 = new double[HIDDEN][OUT];
  final double[] db2 = new double[OUT];
  final double rate = 0.01;

  private final double[] x0 = new double[IN];
  private final double[] z1 = new double[HIDDEN];
  private final double[] x1 = new double[HIDDEN];
  private final double[] delta1 = new double[HIDDEN];
  private final double[] z2 = new double[OUT];
  private final double[] x2 = new double[OUT];
  private final double[] delta2 = new double[OUT];
  private final double[] t = new double[OUT];
  private double softmaxMax;
  private double softmaxSum;

  private final double[][] xb0 = new double[ROWS][IN];
  private final double[][] zb1 = new double[ROWS][HIDDEN];
  private final double[][] deltab1 = new double[ROWS][HIDDEN];

  /**
   * A copy of the parameters of a generated W3 class.
   *
   * @param source the generated network (W1, b1, W2, b2 in its parameter list)
   */
  public VectorW3Double(CompiledNetwork source) {
    List<ParameterTensor> p = source.parameters();
    for (int i = 0; i < HIDDEN; i++) {
      for (int j = 0; j < IN; j++) {
        w1[j][i] = p.get(0).get(i, j);
      }
      b1[i] = p.get(1).get(i);
    }
    for (int i = 0; i < OUT; i++) {
      for (int j = 0; j < HIDDEN; j++) {
        w2[j][i] = p.get(2).get(i, j);
      }
      b2[i] = p.get(3).get(i);
    }
  }

  /** One row's prediction. */
  @Override
  public void predict(double[] input, double[] output) {
    System.arraycopy(input, 0, x0, 0, IN);
    sumRow(w1, b1, x0, z1);
    activate1();
    forward2();
    System.arraycopy(x2, 0, output, 0, OUT);
  }

  /** Predictions of rows {@code from} to {@code to - 1}, {@value #ROWS} rows at a time. */
  @Override
  public void predict(double[][] inputs, int from, int to, double[][] outputs) {
    int k = from;
    for (; to - k >= ROWS; k += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(inputs[k + r], 0, xb0[r], 0, IN);
      }
      sumBlock(w1, b1, xb0, zb1);
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(zb1[r], 0, z1, 0, HIDDEN);
        activate1();
        forward2();
        System.arraycopy(x2, 0, outputs[k + r - from], 0, OUT);
      }
    }
    for (; k < to; k++) {
      predict(inputs[k], outputs[k - from]);
    }
  }

  /** The summed loss of rows {@code from} to {@code to - 1}; their gradients are accumulated. */
  @Override
  public double accumulateGradient(double[][] inputs, double[][] targets, int from, int to) {
    double e = 0.0;
    int k = from;
    for (; to - k >= ROWS; k += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(inputs[k + r], 0, xb0[r], 0, IN);
      }
      sumBlock(w1, b1, xb0, zb1);
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(zb1[r], 0, z1, 0, HIDDEN);
        activate1();
        forward2();
        System.arraycopy(targets[k + r], 0, t, 0, OUT);
        e += lossValue();
        outputDelta();
        backward2();
        System.arraycopy(delta1, 0, deltab1[r], 0, HIDDEN);
      }
      gradientBlock(dw1, db1, xb0, deltab1);
    }
    for (; k < to; k++) {
      System.arraycopy(inputs[k], 0, x0, 0, IN);
      sumRow(w1, b1, x0, z1);
      activate1();
      forward2();
      System.arraycopy(targets[k], 0, t, 0, OUT);
      e += lossValue();
      outputDelta();
      backward2();
      gradientRow(dw1, db1, x0, delta1);
    }
    return e;
  }

  /** The sgd step {@code w -= rate (s dw)}, {@code dw = 0}, lanewise for W1. */
  @Override
  public void applyGradient(double s) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int j = 0; j < IN; j++) {
      final double[] w1j = w1[j];
      final double[] dw1j = dw1[j];
      for (int i = 0; i < HIDDEN; i += L) {
        DoubleVector g = DoubleVector.fromArray(SPECIES, dw1j, i).mul(s);
        DoubleVector.fromArray(SPECIES, w1j, i).sub(g.mul(rate)).intoArray(w1j, i);
        zero.intoArray(dw1j, i);
      }
    }
    for (int i = 0; i < HIDDEN; i++) {
      double g = s * db1[i];
      b1[i] -= rate * g;
      db1[i] = 0.0;
    }
    for (int j = 0; j < HIDDEN; j++) {
      for (int i = 0; i < OUT; i++) {
        double g = s * dw2[j][i];
        w2[j][i] -= rate * g;
        dw2[j][i] = 0.0;
      }
    }
    for (int i = 0; i < OUT; i++) {
      double g = s * db2[i];
      b2[i] -= rate * g;
      db2[i] = 0.0;
    }
  }

  /**
   * z = W x + b for one row, 4 columns per pass as the generated forward1: {@code z[i] += w0[i] a0
   * + w1[i] a1 + w2[i] a2 + w3[i] a3}; a strip of 2 vectors of z stays in registers across all
   * columns.
   */
  static void sumRow(double[][] w, double[] b, double[] x, double[] z) {
    final int n = b.length;
    final int m = x.length;
    for (int i = 0; i < n; i += 2 * L) {
      DoubleVector z0 = DoubleVector.fromArray(SPECIES, b, i);
      DoubleVector z1 = DoubleVector.fromArray(SPECIES, b, i + L);
      for (int j = 0; j < m; j += 4) {
        final double[] c0 = w[j];
        final double[] c1 = w[j + 1];
        final double[] c2 = w[j + 2];
        final double[] c3 = w[j + 3];
        final double a0 = x[j];
        final double a1 = x[j + 1];
        final double a2 = x[j + 2];
        final double a3 = x[j + 3];
        z0 = z0.add(term(c0, c1, c2, c3, i, a0, a1, a2, a3));
        z1 = z1.add(term(c0, c1, c2, c3, i + L, a0, a1, a2, a3));
      }
      z0.intoArray(z, i);
      z1.intoArray(z, i + L);
    }
  }

  /** {@code ((w0 a0 + w1 a1) + w2 a2) + w3 a3} at units {@code i ...}: Java's left association. */
  private static DoubleVector term(
      double[] c0,
      double[] c1,
      double[] c2,
      double[] c3,
      int i,
      double a0,
      double a1,
      double a2,
      double a3) {
    return DoubleVector.fromArray(SPECIES, c0, i)
        .mul(a0)
        .add(DoubleVector.fromArray(SPECIES, c1, i).mul(a1))
        .add(DoubleVector.fromArray(SPECIES, c2, i).mul(a2))
        .add(DoubleVector.fromArray(SPECIES, c3, i).mul(a3));
  }

  /**
   * z[r] = W x[r] + b for the {@value #ROWS} rows of a block: each row's sum in the order of {@link
   * #sumRow}; a strip of 2 vectors of each row's z (8 registers) stays in registers across all
   * columns, and each weight vector is loaded once for the 4 rows. Written out in full, with no
   * helper method: the Vector API's own methods are force-inlined late, a helper would meet C2's
   * inlining budget (NodeCountInliningCutoff) and leave its vectors boxed objects.
   */
  static void sumBlock(double[][] w, double[] b, double[][] x, double[][] z) {
    final int n = b.length;
    final int m = x[0].length;
    final double[] x0 = x[0];
    final double[] x1 = x[1];
    final double[] x2 = x[2];
    final double[] x3 = x[3];
    for (int i = 0; i < n; i += 2 * L) {
      final DoubleVector bA = DoubleVector.fromArray(SPECIES, b, i);
      final DoubleVector bB = DoubleVector.fromArray(SPECIES, b, i + L);
      DoubleVector z0A = bA;
      DoubleVector z0B = bB;
      DoubleVector z1A = bA;
      DoubleVector z1B = bB;
      DoubleVector z2A = bA;
      DoubleVector z2B = bB;
      DoubleVector z3A = bA;
      DoubleVector z3B = bB;
      for (int j = 0; j < m; j += 4) {
        final double[] c0 = w[j];
        final double[] c1 = w[j + 1];
        final double[] c2 = w[j + 2];
        final double[] c3 = w[j + 3];
        final DoubleVector v0A = DoubleVector.fromArray(SPECIES, c0, i);
        final DoubleVector v0B = DoubleVector.fromArray(SPECIES, c0, i + L);
        final DoubleVector v1A = DoubleVector.fromArray(SPECIES, c1, i);
        final DoubleVector v1B = DoubleVector.fromArray(SPECIES, c1, i + L);
        final DoubleVector v2A = DoubleVector.fromArray(SPECIES, c2, i);
        final DoubleVector v2B = DoubleVector.fromArray(SPECIES, c2, i + L);
        final DoubleVector v3A = DoubleVector.fromArray(SPECIES, c3, i);
        final DoubleVector v3B = DoubleVector.fromArray(SPECIES, c3, i + L);
        final double a00 = x0[j];
        final double a01 = x0[j + 1];
        final double a02 = x0[j + 2];
        final double a03 = x0[j + 3];
        z0A = z0A.add(v0A.mul(a00).add(v1A.mul(a01)).add(v2A.mul(a02)).add(v3A.mul(a03)));
        z0B = z0B.add(v0B.mul(a00).add(v1B.mul(a01)).add(v2B.mul(a02)).add(v3B.mul(a03)));
        final double a10 = x1[j];
        final double a11 = x1[j + 1];
        final double a12 = x1[j + 2];
        final double a13 = x1[j + 3];
        z1A = z1A.add(v0A.mul(a10).add(v1A.mul(a11)).add(v2A.mul(a12)).add(v3A.mul(a13)));
        z1B = z1B.add(v0B.mul(a10).add(v1B.mul(a11)).add(v2B.mul(a12)).add(v3B.mul(a13)));
        final double a20 = x2[j];
        final double a21 = x2[j + 1];
        final double a22 = x2[j + 2];
        final double a23 = x2[j + 3];
        z2A = z2A.add(v0A.mul(a20).add(v1A.mul(a21)).add(v2A.mul(a22)).add(v3A.mul(a23)));
        z2B = z2B.add(v0B.mul(a20).add(v1B.mul(a21)).add(v2B.mul(a22)).add(v3B.mul(a23)));
        final double a30 = x3[j];
        final double a31 = x3[j + 1];
        final double a32 = x3[j + 2];
        final double a33 = x3[j + 3];
        z3A = z3A.add(v0A.mul(a30).add(v1A.mul(a31)).add(v2A.mul(a32)).add(v3A.mul(a33)));
        z3B = z3B.add(v0B.mul(a30).add(v1B.mul(a31)).add(v2B.mul(a32)).add(v3B.mul(a33)));
      }
      z0A.intoArray(z[0], i);
      z0B.intoArray(z[0], i + L);
      z1A.intoArray(z[1], i);
      z1B.intoArray(z[1], i + L);
      z2A.intoArray(z[2], i);
      z2B.intoArray(z[2], i + L);
      z3A.intoArray(z[3], i);
      z3B.intoArray(z[3], i + L);
    }
  }

  /**
   * dW += delta[r] x[r]^T and db += delta[r] for the {@value #ROWS} rows in row order, as one
   * backward1 per row: {@code dw[j][i] = dw[j][i] + d0[i] a0 + d1[i] a1 + ...}. The deltas of a
   * strip (8 vectors) stay in registers across all columns; each dW vector is loaded and stored
   * once per block.
   */
  static void gradientBlock(double[][] dw, double[] db, double[][] x, double[][] d) {
    final int n = db.length;
    final int m = x[0].length;
    final double[] x0 = x[0];
    final double[] x1 = x[1];
    final double[] x2 = x[2];
    final double[] x3 = x[3];
    for (int i = 0; i < n; i += 2 * L) {
      final DoubleVector d0A = DoubleVector.fromArray(SPECIES, d[0], i);
      final DoubleVector d0B = DoubleVector.fromArray(SPECIES, d[0], i + L);
      final DoubleVector d1A = DoubleVector.fromArray(SPECIES, d[1], i);
      final DoubleVector d1B = DoubleVector.fromArray(SPECIES, d[1], i + L);
      final DoubleVector d2A = DoubleVector.fromArray(SPECIES, d[2], i);
      final DoubleVector d2B = DoubleVector.fromArray(SPECIES, d[2], i + L);
      final DoubleVector d3A = DoubleVector.fromArray(SPECIES, d[3], i);
      final DoubleVector d3B = DoubleVector.fromArray(SPECIES, d[3], i + L);
      for (int j = 0; j < m; j++) {
        final double[] g = dw[j];
        final double a0 = x0[j];
        final double a1 = x1[j];
        final double a2 = x2[j];
        final double a3 = x3[j];
        DoubleVector.fromArray(SPECIES, g, i)
            .add(d0A.mul(a0))
            .add(d1A.mul(a1))
            .add(d2A.mul(a2))
            .add(d3A.mul(a3))
            .intoArray(g, i);
        DoubleVector.fromArray(SPECIES, g, i + L)
            .add(d0B.mul(a0))
            .add(d1B.mul(a1))
            .add(d2B.mul(a2))
            .add(d3B.mul(a3))
            .intoArray(g, i + L);
      }
    }
    for (int i = 0; i < n; i++) {
      db[i] = db[i] + d[0][i] + d[1][i] + d[2][i] + d[3][i];
    }
  }

  /** dW += delta x^T and db += delta for one row, as backward1. */
  static void gradientRow(double[][] dw, double[] db, double[] x, double[] d) {
    final int n = db.length;
    for (int j = 0; j < x.length; j++) {
      final double[] g = dw[j];
      final double a = x[j];
      for (int i = 0; i < n; i += L) {
        DoubleVector.fromArray(SPECIES, g, i)
            .add(DoubleVector.fromArray(SPECIES, d, i).mul(a))
            .intoArray(g, i);
      }
    }
    for (int i = 0; i < n; i++) {
      db[i] += d[i];
    }
  }

  // The rest: the generated W3Double's scalar code.

  private void activate1() {
    for (int i = 0; i < HIDDEN; i++) {
      x1[i] = 1.0 / (1.0 + Math.exp(-z1[i]));
    }
  }

  private void forward2() {
    System.arraycopy(b2, 0, z2, 0, OUT);
    for (int j = 0; j < HIDDEN; j += 4) {
      final double a0 = x1[j];
      final double a1 = x1[j + 1];
      final double a2 = x1[j + 2];
      final double a3 = x1[j + 3];
      final double[] w2j0 = w2[j];
      final double[] w2j1 = w2[j + 1];
      final double[] w2j2 = w2[j + 2];
      final double[] w2j3 = w2[j + 3];
      for (int i = 0; i < OUT; i++) {
        z2[i] += w2j0[i] * a0 + w2j1[i] * a1 + w2j2[i] * a2 + w2j3[i] * a3;
      }
    }
    double max = z2[0];
    for (int i = 1; i < OUT; i++) {
      max = Math.max(max, z2[i]);
    }
    double sum = 0.0;
    for (int i = 0; i < OUT; i++) {
      final double e = Math.exp(z2[i] - max);
      x2[i] = e;
      sum += e;
    }
    for (int i = 0; i < OUT; i++) {
      x2[i] = x2[i] / sum;
    }
    softmaxMax = max;
    softmaxSum = sum;
  }

  private double lossValue() {
    double e = 0.0;
    final double logSum = softmaxMax + Math.log(softmaxSum);
    for (int k = 0; k < OUT; k++) {
      e -= t[k] * (z2[k] - logSum);
    }
    return e;
  }

  private void outputDelta() {
    double sumT = 0.0;
    for (int k = 0; k < OUT; k++) {
      sumT += t[k];
    }
    for (int k = 0; k < OUT; k++) {
      delta2[k] = x2[k] * sumT - t[k];
    }
  }

  /** dW2 += delta2 x1^T, db2 += delta2, delta1 = (W2^T delta2) f'(z1), as backward2. */
  private void backward2() {
    for (int j = 0; j < HIDDEN; j++) {
      final double a = x1[j];
      final double[] dw2j = dw2[j];
      for (int i = 0; i < OUT; i++) {
        dw2j[i] += delta2[i] * a;
      }
    }
    for (int i = 0; i < OUT; i++) {
      db2[i] += delta2[i];
    }
    for (int j = 0; j < HIDDEN; j++) {
      final double[] w2j = w2[j];
      double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
      for (int i = 0; i < 8; i += 4) {
        s0 += w2j[i] * delta2[i];
        s1 += w2j[i + 1] * delta2[i + 1];
        s2 += w2j[i + 2] * delta2[i + 2];
        s3 += w2j[i + 3] * delta2[i + 3];
      }
      for (int i = 8; i < OUT; i++) {
        s0 += w2j[i] * delta2[i];
      }
      final double s = (s0 + s1) + (s2 + s3);
      delta1[j] = s * x1[j] * (1.0 - x1[j]);
    }
  }
}
