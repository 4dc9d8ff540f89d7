package dev.netc.benchmarks.vector;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorW3Double} in float: W3 with the first layer's forward and weight gradient written
 * with the Vector API, each lane the generated {@code W3Float}'s expression (8 columns per pass in
 * the forward, as two sums of 4), so the results are the same bits.
 */
public final class VectorW3Float implements VectorW3 {
  static final int IN = 784;
  static final int HIDDEN = 128;
  static final int OUT = 10;
  static final int ROWS = 4;
  static final VectorSpecies<Float> SPECIES = Species.floats();
  static final int L = SPECIES.length();

  final float[][] w1 = new float[IN][HIDDEN];
  final float[] b1 = new float[HIDDEN];
  final float[][] w2 = new float[HIDDEN][OUT];
  final float[] b2 = new float[OUT];
  final float[][] dw1 = new float[IN][HIDDEN];
  final float[] db1 = new float[HIDDEN];
  final float[][] dw2 = new float[HIDDEN][OUT];
  final float[] db2 = new float[OUT];
  final float rate = 0.01f;

  private final float[] x0 = new float[IN];
  private final float[] z1 = new float[HIDDEN];
  private final float[] x1 = new float[HIDDEN];
  private final float[] delta1 = new float[HIDDEN];
  private final float[] z2 = new float[OUT];
  private final float[] x2 = new float[OUT];
  private final float[] delta2 = new float[OUT];
  private final float[] t = new float[OUT];
  private double softmaxMax;
  private double softmaxSum;

  private final float[][] xb0 = new float[ROWS][IN];
  private final float[][] zb1 = new float[ROWS][HIDDEN];
  private final float[][] deltab1 = new float[ROWS][HIDDEN];
  private final float[] zflat = new float[ROWS * HIDDEN];
  private final boolean scalarBlocks;

  /**
   * A copy of the parameters of a generated W3 float class.
   *
   * @param source the generated network (W1, b1, W2, b2 in its parameter list)
   */
  public VectorW3Float(CompiledNetwork source) {
    this(source, false);
  }

  /**
   * A copy of the parameters of a generated W3 float class.
   *
   * @param source the generated network (W1, b1, W2, b2 in its parameter list)
   * @param scalarBlocks true: the block loops in plain Java, in the generated double class's block
   *     shape (the comparison a scalar float block shape would give), false: the Vector API
   */
  public VectorW3Float(CompiledNetwork source, boolean scalarBlocks) {
    this.scalarBlocks = scalarBlocks;
    List<ParameterTensor> p = source.parameters();
    for (int i = 0; i < HIDDEN; i++) {
      for (int j = 0; j < IN; j++) {
        w1[j][i] = (float) p.get(0).get(i, j);
      }
      b1[i] = (float) p.get(1).get(i);
    }
    for (int i = 0; i < OUT; i++) {
      for (int j = 0; j < HIDDEN; j++) {
        w2[j][i] = (float) p.get(2).get(i, j);
      }
      b2[i] = (float) p.get(3).get(i);
    }
  }

  private static void load(double[] input, float[] x) {
    for (int k = 0; k < IN; k++) {
      x[k] = (float) input[k];
    }
  }

  private void store(double[] output) {
    for (int k = 0; k < OUT; k++) {
      output[k] = x2[k];
    }
  }

  private void loadTarget(double[] target) {
    for (int k = 0; k < OUT; k++) {
      t[k] = (float) target[k];
    }
  }

  /** One row's prediction. */
  @Override
  public void predict(double[] input, double[] output) {
    load(input, x0);
    sumRow(w1, b1, x0, z1);
    activate1();
    forward2();
    store(output);
  }

  /** Predictions of rows {@code from} to {@code to - 1}, {@value #ROWS} rows at a time. */
  @Override
  public void predict(double[][] inputs, int from, int to, double[][] outputs) {
    int k = from;
    for (; to - k >= ROWS; k += ROWS) {
      for (int r = 0; r < ROWS; r++) {
        load(inputs[k + r], xb0[r]);
      }
      forwardBlock();
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(zb1[r], 0, z1, 0, HIDDEN);
        activate1();
        forward2();
        store(outputs[k + r - from]);
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
        load(inputs[k + r], xb0[r]);
      }
      forwardBlock();
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(zb1[r], 0, z1, 0, HIDDEN);
        activate1();
        forward2();
        loadTarget(targets[k + r]);
        e += lossValue();
        outputDelta();
        backward2();
        System.arraycopy(delta1, 0, deltab1[r], 0, HIDDEN);
      }
      if (scalarBlocks) {
        gradientBlockScalar(dw1, db1, xb0, deltab1);
      } else {
        gradientBlock(dw1, db1, xb0, deltab1);
      }
    }
    for (; k < to; k++) {
      load(inputs[k], x0);
      sumRow(w1, b1, x0, z1);
      activate1();
      forward2();
      loadTarget(targets[k]);
      e += lossValue();
      outputDelta();
      backward2();
      gradientRow(dw1, db1, x0, delta1);
    }
    return e;
  }

  /** The sgd step {@code w -= rate (s dw)}, {@code dw = 0}, lanewise for W1. */
  @Override
  public void applyGradient(double scale) {
    final float s = (float) scale;
    FloatVector zero = FloatVector.zero(SPECIES);
    for (int j = 0; j < IN; j++) {
      final float[] w1j = w1[j];
      final float[] dw1j = dw1[j];
      for (int i = 0; i < HIDDEN; i += L) {
        FloatVector g = FloatVector.fromArray(SPECIES, dw1j, i).mul(s);
        FloatVector.fromArray(SPECIES, w1j, i).sub(g.mul(rate)).intoArray(w1j, i);
        zero.intoArray(dw1j, i);
      }
    }
    for (int i = 0; i < HIDDEN; i++) {
      float g = s * db1[i];
      b1[i] -= rate * g;
      db1[i] = 0.0f;
    }
    for (int j = 0; j < HIDDEN; j++) {
      for (int i = 0; i < OUT; i++) {
        float g = s * dw2[j][i];
        w2[j][i] -= rate * g;
        dw2[j][i] = 0.0f;
      }
    }
    for (int i = 0; i < OUT; i++) {
      float g = s * db2[i];
      b2[i] -= rate * g;
      db2[i] = 0.0f;
    }
  }

  private void forwardBlock() {
    if (scalarBlocks) {
      sumBlockScalar(w1, b1, xb0, zflat);
      for (int r = 0; r < ROWS; r++) {
        System.arraycopy(zflat, r * HIDDEN, zb1[r], 0, HIDDEN);
      }
    } else {
      sumBlock(w1, b1, xb0, zb1);
    }
  }

  /**
   * The block forward in plain Java, the generated double class's block shape with float's 8
   * columns per pass, two rows per pass over W (four rows of 8 columns are more than C2's superword
   * vectorizes: measured, 2.4x slower than per-row): row r's z in {@code z[r * 128 + i]}.
   */
  static void sumBlockScalar(float[][] w, float[] b, float[][] x, float[] z) {
    for (int r = 0; r < ROWS; r++) {
      System.arraycopy(b, 0, z, r * HIDDEN, HIDDEN);
    }
    // constant offsets: C2 then sees that the rows' sums do not overlap (as in the generated class)
    sumPair01(w, x[0], x[1], z);
    sumPair23(w, x[2], x[3], z);
  }

  private static void sumPair01(float[][] w, float[] xr0, float[] xr1, float[] z) {
    for (int j = 0; j < IN; j += 8) {
      final float[] c0 = w[j];
      final float[] c1 = w[j + 1];
      final float[] c2 = w[j + 2];
      final float[] c3 = w[j + 3];
      final float[] c4 = w[j + 4];
      final float[] c5 = w[j + 5];
      final float[] c6 = w[j + 6];
      final float[] c7 = w[j + 7];
      final float a00 = xr0[j];
      final float a01 = xr0[j + 1];
      final float a02 = xr0[j + 2];
      final float a03 = xr0[j + 3];
      final float a04 = xr0[j + 4];
      final float a05 = xr0[j + 5];
      final float a06 = xr0[j + 6];
      final float a07 = xr0[j + 7];
      final float a10 = xr1[j];
      final float a11 = xr1[j + 1];
      final float a12 = xr1[j + 2];
      final float a13 = xr1[j + 3];
      final float a14 = xr1[j + 4];
      final float a15 = xr1[j + 5];
      final float a16 = xr1[j + 6];
      final float a17 = xr1[j + 7];
      for (int i = 0; i < HIDDEN; i++) {
        final float v0 = c0[i];
        final float v1 = c1[i];
        final float v2 = c2[i];
        final float v3 = c3[i];
        final float v4 = c4[i];
        final float v5 = c5[i];
        final float v6 = c6[i];
        final float v7 = c7[i];
        z[i + 0] =
            z[i + 0]
                + (v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03)
                + (v4 * a04 + v5 * a05 + v6 * a06 + v7 * a07);
        z[i + 128] =
            z[i + 128]
                + (v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13)
                + (v4 * a14 + v5 * a15 + v6 * a16 + v7 * a17);
      }
    }
  }

  private static void sumPair23(float[][] w, float[] xr0, float[] xr1, float[] z) {
    for (int j = 0; j < IN; j += 8) {
      final float[] c0 = w[j];
      final float[] c1 = w[j + 1];
      final float[] c2 = w[j + 2];
      final float[] c3 = w[j + 3];
      final float[] c4 = w[j + 4];
      final float[] c5 = w[j + 5];
      final float[] c6 = w[j + 6];
      final float[] c7 = w[j + 7];
      final float a00 = xr0[j];
      final float a01 = xr0[j + 1];
      final float a02 = xr0[j + 2];
      final float a03 = xr0[j + 3];
      final float a04 = xr0[j + 4];
      final float a05 = xr0[j + 5];
      final float a06 = xr0[j + 6];
      final float a07 = xr0[j + 7];
      final float a10 = xr1[j];
      final float a11 = xr1[j + 1];
      final float a12 = xr1[j + 2];
      final float a13 = xr1[j + 3];
      final float a14 = xr1[j + 4];
      final float a15 = xr1[j + 5];
      final float a16 = xr1[j + 6];
      final float a17 = xr1[j + 7];
      for (int i = 0; i < HIDDEN; i++) {
        final float v0 = c0[i];
        final float v1 = c1[i];
        final float v2 = c2[i];
        final float v3 = c3[i];
        final float v4 = c4[i];
        final float v5 = c5[i];
        final float v6 = c6[i];
        final float v7 = c7[i];
        z[i + 256] =
            z[i + 256]
                + (v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03)
                + (v4 * a04 + v5 * a05 + v6 * a06 + v7 * a07);
        z[i + 384] =
            z[i + 384]
                + (v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13)
                + (v4 * a14 + v5 * a15 + v6 * a16 + v7 * a17);
      }
    }
  }

  /** The block weight gradient in plain Java, the generated double class's block shape. */
  static void gradientBlockScalar(float[][] dw, float[] db, float[][] x, float[][] d) {
    final float[] dr0 = d[0];
    final float[] dr1 = d[1];
    final float[] dr2 = d[2];
    final float[] dr3 = d[3];
    for (int j = 0; j < IN; j++) {
      final float[] g = dw[j];
      final float a0 = x[0][j];
      final float a1 = x[1][j];
      final float a2 = x[2][j];
      final float a3 = x[3][j];
      for (int i = 0; i < HIDDEN; i++) {
        g[i] = g[i] + dr0[i] * a0 + dr1[i] * a1 + dr2[i] * a2 + dr3[i] * a3;
      }
    }
    for (int i = 0; i < HIDDEN; i++) {
      db[i] = db[i] + dr0[i] + dr1[i] + dr2[i] + dr3[i];
    }
  }

  /**
   * z = W x + b for one row, 8 columns per pass as the generated forward1: {@code z[i] = z[i] +
   * (w0[i] a0 + ... + w3[i] a3) + (w4[i] a4 + ... + w7[i] a7)}, the two groups of four added to z in
   * turn; a strip of 2 vectors of z stays in registers across all columns.
   */
  static void sumRow(float[][] w, float[] b, float[] x, float[] z) {
    final int n = b.length;
    final int m = x.length;
    for (int i = 0; i < n; i += 2 * L) {
      FloatVector z0 = FloatVector.fromArray(SPECIES, b, i);
      FloatVector z1 = FloatVector.fromArray(SPECIES, b, i + L);
      for (int j = 0; j < m; j += 8) {
        z0 = z0.add(sum4(w, j, i, x)).add(sum4(w, j + 4, i, x));
        z1 = z1.add(sum4(w, j, i + L, x)).add(sum4(w, j + 4, i + L, x));
      }
      z0.intoArray(z, i);
      z1.intoArray(z, i + L);
    }
  }

  /** {@code ((w0 a0 + w1 a1) + w2 a2) + w3 a3} for columns j to j + 3: Java's left association. */
  private static FloatVector sum4(float[][] w, int j, int i, float[] x) {
    return FloatVector.fromArray(SPECIES, w[j], i)
        .mul(x[j])
        .add(FloatVector.fromArray(SPECIES, w[j + 1], i).mul(x[j + 1]))
        .add(FloatVector.fromArray(SPECIES, w[j + 2], i).mul(x[j + 2]))
        .add(FloatVector.fromArray(SPECIES, w[j + 3], i).mul(x[j + 3]));
  }

  /**
   * z[r] = W x[r] + b for the {@value #ROWS} rows of a block, each row's sum in the order of {@link
   * #sumRow}: one vector of each row's z stays in a register across all columns, each weight vector
   * is loaded once for the 4 rows. Written out in full (see {@link VectorW3Double}).
   */
  static void sumBlock(float[][] w, float[] b, float[][] x, float[][] z) {
    final int n = b.length;
    final int m = x[0].length;
    final float[] x0 = x[0];
    final float[] x1 = x[1];
    final float[] x2 = x[2];
    final float[] x3 = x[3];
    for (int i = 0; i < n; i += L) {
      final FloatVector bias = FloatVector.fromArray(SPECIES, b, i);
      FloatVector z0 = bias;
      FloatVector z1 = bias;
      FloatVector z2 = bias;
      FloatVector z3 = bias;
      for (int j = 0; j < m; j += 8) {
        final FloatVector v0 = FloatVector.fromArray(SPECIES, w[j], i);
        final FloatVector v1 = FloatVector.fromArray(SPECIES, w[j + 1], i);
        final FloatVector v2 = FloatVector.fromArray(SPECIES, w[j + 2], i);
        final FloatVector v3 = FloatVector.fromArray(SPECIES, w[j + 3], i);
        final FloatVector v4 = FloatVector.fromArray(SPECIES, w[j + 4], i);
        final FloatVector v5 = FloatVector.fromArray(SPECIES, w[j + 5], i);
        final FloatVector v6 = FloatVector.fromArray(SPECIES, w[j + 6], i);
        final FloatVector v7 = FloatVector.fromArray(SPECIES, w[j + 7], i);
        final float a00 = x0[j];
        final float a01 = x0[j + 1];
        final float a02 = x0[j + 2];
        final float a03 = x0[j + 3];
        final float a04 = x0[j + 4];
        final float a05 = x0[j + 5];
        final float a06 = x0[j + 6];
        final float a07 = x0[j + 7];
        z0 =
            z0.add(v0.mul(a00).add(v1.mul(a01)).add(v2.mul(a02)).add(v3.mul(a03)))
                .add(v4.mul(a04).add(v5.mul(a05)).add(v6.mul(a06)).add(v7.mul(a07)));
        final float a10 = x1[j];
        final float a11 = x1[j + 1];
        final float a12 = x1[j + 2];
        final float a13 = x1[j + 3];
        final float a14 = x1[j + 4];
        final float a15 = x1[j + 5];
        final float a16 = x1[j + 6];
        final float a17 = x1[j + 7];
        z1 =
            z1.add(v0.mul(a10).add(v1.mul(a11)).add(v2.mul(a12)).add(v3.mul(a13)))
                .add(v4.mul(a14).add(v5.mul(a15)).add(v6.mul(a16)).add(v7.mul(a17)));
        final float a20 = x2[j];
        final float a21 = x2[j + 1];
        final float a22 = x2[j + 2];
        final float a23 = x2[j + 3];
        final float a24 = x2[j + 4];
        final float a25 = x2[j + 5];
        final float a26 = x2[j + 6];
        final float a27 = x2[j + 7];
        z2 =
            z2.add(v0.mul(a20).add(v1.mul(a21)).add(v2.mul(a22)).add(v3.mul(a23)))
                .add(v4.mul(a24).add(v5.mul(a25)).add(v6.mul(a26)).add(v7.mul(a27)));
        final float a30 = x3[j];
        final float a31 = x3[j + 1];
        final float a32 = x3[j + 2];
        final float a33 = x3[j + 3];
        final float a34 = x3[j + 4];
        final float a35 = x3[j + 5];
        final float a36 = x3[j + 6];
        final float a37 = x3[j + 7];
        z3 =
            z3.add(v0.mul(a30).add(v1.mul(a31)).add(v2.mul(a32)).add(v3.mul(a33)))
                .add(v4.mul(a34).add(v5.mul(a35)).add(v6.mul(a36)).add(v7.mul(a37)));
      }
      z0.intoArray(z[0], i);
      z1.intoArray(z[1], i);
      z2.intoArray(z[2], i);
      z3.intoArray(z[3], i);
    }
  }

  /**
   * dW += delta[r] x[r]^T and db += delta[r] for the {@value #ROWS} rows in row order, as one
   * backward1 per row; the deltas of a strip stay in registers across all columns.
   */
  static void gradientBlock(float[][] dw, float[] db, float[][] x, float[][] d) {
    final int n = db.length;
    final int m = x[0].length;
    final float[] x0 = x[0];
    final float[] x1 = x[1];
    final float[] x2 = x[2];
    final float[] x3 = x[3];
    for (int i = 0; i < n; i += 2 * L) {
      final FloatVector d0A = FloatVector.fromArray(SPECIES, d[0], i);
      final FloatVector d0B = FloatVector.fromArray(SPECIES, d[0], i + L);
      final FloatVector d1A = FloatVector.fromArray(SPECIES, d[1], i);
      final FloatVector d1B = FloatVector.fromArray(SPECIES, d[1], i + L);
      final FloatVector d2A = FloatVector.fromArray(SPECIES, d[2], i);
      final FloatVector d2B = FloatVector.fromArray(SPECIES, d[2], i + L);
      final FloatVector d3A = FloatVector.fromArray(SPECIES, d[3], i);
      final FloatVector d3B = FloatVector.fromArray(SPECIES, d[3], i + L);
      for (int j = 0; j < m; j++) {
        final float[] g = dw[j];
        final float a0 = x0[j];
        final float a1 = x1[j];
        final float a2 = x2[j];
        final float a3 = x3[j];
        FloatVector.fromArray(SPECIES, g, i)
            .add(d0A.mul(a0))
            .add(d1A.mul(a1))
            .add(d2A.mul(a2))
            .add(d3A.mul(a3))
            .intoArray(g, i);
        FloatVector.fromArray(SPECIES, g, i + L)
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
  static void gradientRow(float[][] dw, float[] db, float[] x, float[] d) {
    final int n = db.length;
    for (int j = 0; j < x.length; j++) {
      final float[] g = dw[j];
      final float a = x[j];
      for (int i = 0; i < n; i += L) {
        FloatVector.fromArray(SPECIES, g, i)
            .add(FloatVector.fromArray(SPECIES, d, i).mul(a))
            .intoArray(g, i);
      }
    }
    for (int i = 0; i < n; i++) {
      db[i] += d[i];
    }
  }

  // The rest: the generated W3Float's scalar code.

  private void activate1() {
    for (int i = 0; i < HIDDEN; i++) {
      x1[i] = 1.0f / (1.0f + expFloat(-z1[i]));
    }
  }

  private void forward2() {
    System.arraycopy(b2, 0, z2, 0, OUT);
    for (int j = 0; j < HIDDEN; j += 8) {
      final float a0 = x1[j];
      final float a1 = x1[j + 1];
      final float a2 = x1[j + 2];
      final float a3 = x1[j + 3];
      final float a4 = x1[j + 4];
      final float a5 = x1[j + 5];
      final float a6 = x1[j + 6];
      final float a7 = x1[j + 7];
      final float[] w2j0 = w2[j];
      final float[] w2j1 = w2[j + 1];
      final float[] w2j2 = w2[j + 2];
      final float[] w2j3 = w2[j + 3];
      final float[] w2j4 = w2[j + 4];
      final float[] w2j5 = w2[j + 5];
      final float[] w2j6 = w2[j + 6];
      final float[] w2j7 = w2[j + 7];
      for (int i = 0; i < OUT; i++) {
        z2[i] =
            z2[i]
                + (w2j0[i] * a0 + w2j1[i] * a1 + w2j2[i] * a2 + w2j3[i] * a3)
                + (w2j4[i] * a4 + w2j5[i] * a5 + w2j6[i] * a6 + w2j7[i] * a7);
      }
    }
    float max = z2[0];
    for (int i = 1; i < OUT; i++) {
      max = Math.max(max, z2[i]);
    }
    float sum = 0.0f;
    for (int i = 0; i < OUT; i++) {
      final float e = expFloat(z2[i] - max);
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
    float sumT = 0.0f;
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
      final float a = x1[j];
      final float[] dw2j = dw2[j];
      for (int i = 0; i < OUT; i++) {
        dw2j[i] += delta2[i] * a;
      }
    }
    for (int i = 0; i < OUT; i++) {
      db2[i] += delta2[i];
    }
    for (int j = 0; j < HIDDEN; j++) {
      final float[] w2j = w2[j];
      float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
      for (int i = 0; i < 8; i += 4) {
        s0 += w2j[i] * delta2[i];
        s1 += w2j[i + 1] * delta2[i + 1];
        s2 += w2j[i + 2] * delta2[i + 2];
        s3 += w2j[i + 3] * delta2[i + 3];
      }
      for (int i = 8; i < OUT; i++) {
        s0 += w2j[i] * delta2[i];
      }
      final float s = (s0 + s1) + (s2 + s3);
      delta1[j] = s * x1[j] * (1.0f - x1[j]);
    }
  }

  /**
   * The generated class's e^x in float (Cody-Waite reduction, Cephes polynomial, 2^n as 2^floor(n/2)
   * 2^ceil(n/2)); the generated class computes the same bits for its 128 sigmoid units in loops.
   */
  private static float expFloat(float x) {
    final float u = x < -89.5f ? -89.5f : x > 89.5f ? 89.5f : x;
    final float t = u * 1.44269504f + 12582912.0f;
    final float n = t - 12582912.0f;
    final float r = (u - n * 0.693359375f) + n * 2.12194440e-4f;
    final float p =
        ((((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r
                                        + 4.1665795894e-2f)
                                    * r
                                + 1.6666665459e-1f)
                            * r
                        + 5.0000001201e-1f)
                    * r
                    * r
                + r)
            + 1.0f;
    final int k = Float.floatToRawIntBits(t) - 0x4B400000;
    final float low = Float.intBitsToFloat(((k >> 1) + 127) << 23);
    final float high = Float.intBitsToFloat(((k - (k >> 1)) + 127) << 23);
    return n <= -126.0f ? 0.0f : p * low * high;
  }
}
