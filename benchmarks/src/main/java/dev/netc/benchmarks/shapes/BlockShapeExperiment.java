package dev.netc.benchmarks.shapes;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sum {@code z = W x + b} of W3's first layer (784 -> 128) over a block of rows, in the code
 * shapes a generated class's block {@code predict} could take, nanoseconds per row ({@value #MACS}
 * multiply-adds). Each kernel is written out as the generator writes its loops (weights as one
 * array per column, {@code w[j][i] = W[i][j]}; the rows' sums in one flat array), and each gives
 * every row the bits of the per-row pass (checked at set-up). Findings are written up in
 * docs/performance.md ("What C2 makes of a block").
 *
 * <ul>
 *   <li>{@code rows*}: the per-row pass, one row at a time (4 columns per pass in double, 8 in
 *       float);
 *   <li>{@code block<r>x<c>*}: r rows updated in one loop over the units, c columns per pass;
 *       {@code block6x4Double} two such loops of 3 rows over each group of columns;
 *   <li>{@code tile64x4Double}: units outer, a tile of 64 units over all columns;
 *   <li>{@code wideBlock3x4*}: today's block on a layer of the same size with more units (196 x 512
 *       in double, 392 x 256 in float): the same work in longer passes.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BlockShapeExperiment.ROWS)
public class BlockShapeExperiment {
  static final int ROWS = 12;

  /** Multiply-adds per row: 784 x 128. */
  static final int MACS = 784 * 128;

  /** Weights, inputs, sums and outputs. */
  @State(Scope.Thread)
  public static class Data {
    /**
     * {@code all}: W3's 784 columns; {@code four}: the first 4 columns over and over (every pass
     * reads the same 4 arrays, so W stays in L1 and the loops run at their own speed).
     */
    @Param({"all", "four"})
    public String columns;

    final double[][] wd = new double[784][128];
    final double[][] wwd = new double[196][512];
    final double[] bd = new double[512];
    final double[][] xsd = new double[ROWS][784];
    final double[] zd = new double[128];
    final double[] zbd = new double[6 * 512];
    final double[][] outd = new double[ROWS][512];
    final double[][] xbd = new double[6][784];
    final float[][] wf = new float[784][128];
    final float[][] wwf = new float[392][256];
    final float[] bf = new float[256];
    final float[][] xsf = new float[ROWS][784];
    final float[] zf = new float[128];
    final float[] zbf = new float[6 * 256];
    final float[][] outf = new float[ROWS][256];
    final float[][] xbf = new float[6][784];

    /** Fills the arrays and checks that every block kernel gives the per-row bits. */
    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(3);
      for (int j = 0; j < 784; j++) {
        for (int i = 0; i < 128; i++) {
          wd[j][i] = random.nextDouble(-0.1, 0.1);
          wf[j][i] = (float) wd[j][i];
          wwd[j / 4][(j % 4) * 128 + i] = wd[j][i];
          wwf[j / 2][(j % 2) * 128 + i] = wf[j][i];
        }
      }
      if (columns.equals("four")) {
        for (int j = 4; j < 784; j++) {
          wd[j] = wd[j % 4];
          wf[j] = wf[j % 4];
        }
      }
      for (int i = 0; i < bd.length; i++) {
        bd[i] = random.nextDouble(-0.1, 0.1);
      }
      for (int i = 0; i < bf.length; i++) {
        bf[i] = (float) bd[i];
      }
      for (int r = 0; r < ROWS; r++) {
        for (int j = 0; j < 784; j++) {
          xsd[r][j] = random.nextDouble();
          xsf[r][j] = (float) xsd[r][j];
        }
      }
      for (int r = 0; r < ROWS; r++) {
        rowDouble(r);
        rowFloat(r);
      }
      double[][] refd = copy(outd);
      float[][] reff = copy(outf);
      check(
          "block3x4Double",
          rows -> {
            for (int k = 0; k < ROWS; k += 3) {
              loadD(k, 3);
              block3x4Double();
              storeD(k, 3, 128);
            }
          },
          outd,
          refd);
      check(
          "block2x4Double",
          rows -> {
            for (int k = 0; k < ROWS; k += 2) {
              loadD(k, 2);
              block2x4Double();
              storeD(k, 2, 128);
            }
          },
          outd,
          refd);
      check(
          "block4x4Double",
          rows -> {
            for (int k = 0; k < ROWS; k += 4) {
              loadD(k, 4);
              block4x4Double();
              storeD(k, 4, 128);
            }
          },
          outd,
          refd);
      check(
          "block6x4Double",
          rows -> {
            for (int k = 0; k < ROWS; k += 6) {
              loadD(k, 6);
              block6x4Double();
              storeD(k, 6, 128);
            }
          },
          outd,
          refd);
      check(
          "tile64x4Double",
          rows -> {
            for (int k = 0; k < ROWS; k += 3) {
              loadD(k, 3);
              tile64x4Double();
              storeD(k, 3, 128);
            }
          },
          outd,
          refd);
      check(
          "block3x4Float",
          rows -> {
            for (int k = 0; k < ROWS; k += 3) {
              loadF(k, 3);
              block3x4Float();
              storeF(k, 3, 128);
            }
          },
          outf,
          reff);
      check(
          "block2x4Float",
          rows -> {
            for (int k = 0; k < ROWS; k += 2) {
              loadF(k, 2);
              block2x4Float();
              storeF(k, 2, 128);
            }
          },
          outf,
          reff);
      check(
          "block3x8Float",
          rows -> {
            for (int k = 0; k < ROWS; k += 3) {
              loadF(k, 3);
              block3x8Float();
              storeF(k, 3, 128);
            }
          },
          outf,
          reff);
    }

    /** Copies rows k to k + count - 1 into the block, as the generated loadBlock. */
    void loadD(int k, int count) {
      for (int r = 0; r < count; r++) {
        System.arraycopy(xsd[k + r], 0, xbd[r], 0, 784);
      }
    }

    /** Copies rows k to k + count - 1 into the block. */
    void loadF(int k, int count) {
      for (int r = 0; r < count; r++) {
        System.arraycopy(xsf[k + r], 0, xbf[r], 0, 784);
      }
    }

    /** Copies the block's sums to the output rows. */
    void storeD(int k, int count, int units) {
      for (int r = 0; r < count; r++) {
        System.arraycopy(zbd, r * units, outd[k + r], 0, units);
      }
    }

    /** Copies the block's sums to the output rows. */
    void storeF(int k, int count, int units) {
      for (int r = 0; r < count; r++) {
        System.arraycopy(zbf, r * units, outf[k + r], 0, units);
      }
    }

    private void check(String name, IntConsumer kernel, Object out, Object ref) {
      for (Object row : (Object[]) out) {
        if (row instanceof double[] d) {
          Arrays.fill(d, Double.NaN);
        } else {
          Arrays.fill((float[]) row, Float.NaN);
        }
      }
      kernel.accept(0);
      if (!Arrays.deepEquals(new Object[] {copyOf(out)}, new Object[] {ref})) {
        throw new IllegalStateException(name + " does not give the per-row bits");
      }
    }

    private static Object copyOf(Object rows) {
      return rows instanceof double[][] d ? copy(d) : copy((float[][]) rows);
    }

    private static double[][] copy(double[][] rows) {
      double[][] c = new double[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        c[r] = Arrays.copyOf(rows[r], 128);
      }
      return c;
    }

    private static float[][] copy(float[][] rows) {
      float[][] c = new float[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        c[r] = Arrays.copyOf(rows[r], 128);
      }
      return c;
    }

    // ---------------------------------------------------------------- double
    /** Row {@code r} as the per-row {@code forward1}: 4 columns per pass. */
    void rowDouble(int r) {
      final double[] x0 = xsd[r];
      System.arraycopy(bd, 0, zd, 0, 128);
      for (int j = 0; j < 784; j += 4) {
        final double a0 = x0[j + 0];
        final double a1 = x0[j + 1];
        final double a2 = x0[j + 2];
        final double a3 = x0[j + 3];
        final double[] w1j0 = wd[j + 0];
        final double[] w1j1 = wd[j + 1];
        final double[] w1j2 = wd[j + 2];
        final double[] w1j3 = wd[j + 3];
        for (int i = 0; i < 128; i++) {
          zd[i] += w1j0[i] * a0 + w1j1[i] * a1 + w1j2[i] * a2 + w1j3[i] * a3;
        }
      }
      System.arraycopy(zd, 0, outd[r], 0, 128);
    }

    /** Today's block: 3 rows, 4 columns per pass. */
    void block3x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 128);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 128, 128);
      final double[] xr2 = xbd[2];
      System.arraycopy(bd, 0, zbd, 256, 128);
      for (int j = 0; j < 784; j += 4) {
        final double[] col0 = wd[j + 0];
        final double[] col1 = wd[j + 1];
        final double[] col2 = wd[j + 2];
        final double[] col3 = wd[j + 3];
        final double a00 = xr0[j + 0];
        final double a01 = xr0[j + 1];
        final double a02 = xr0[j + 2];
        final double a03 = xr0[j + 3];
        final double a10 = xr1[j + 0];
        final double a11 = xr1[j + 1];
        final double a12 = xr1[j + 2];
        final double a13 = xr1[j + 3];
        final double a20 = xr2[j + 0];
        final double a21 = xr2[j + 1];
        final double a22 = xr2[j + 2];
        final double a23 = xr2[j + 3];
        for (int i = 0; i < 128; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbd[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbd[i + 256] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
        }
      }
    }

    /** 2 rows, 4 columns per pass. */
    void block2x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 128);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 128, 128);
      for (int j = 0; j < 784; j += 4) {
        final double[] col0 = wd[j + 0];
        final double[] col1 = wd[j + 1];
        final double[] col2 = wd[j + 2];
        final double[] col3 = wd[j + 3];
        final double a00 = xr0[j + 0];
        final double a01 = xr0[j + 1];
        final double a02 = xr0[j + 2];
        final double a03 = xr0[j + 3];
        final double a10 = xr1[j + 0];
        final double a11 = xr1[j + 1];
        final double a12 = xr1[j + 2];
        final double a13 = xr1[j + 3];
        for (int i = 0; i < 128; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbd[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
        }
      }
    }

    /** 4 rows, 4 columns per pass (C2 leaves it scalar). */
    void block4x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 128);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 128, 128);
      final double[] xr2 = xbd[2];
      System.arraycopy(bd, 0, zbd, 256, 128);
      final double[] xr3 = xbd[3];
      System.arraycopy(bd, 0, zbd, 384, 128);
      for (int j = 0; j < 784; j += 4) {
        final double[] col0 = wd[j + 0];
        final double[] col1 = wd[j + 1];
        final double[] col2 = wd[j + 2];
        final double[] col3 = wd[j + 3];
        final double a00 = xr0[j + 0];
        final double a01 = xr0[j + 1];
        final double a02 = xr0[j + 2];
        final double a03 = xr0[j + 3];
        final double a10 = xr1[j + 0];
        final double a11 = xr1[j + 1];
        final double a12 = xr1[j + 2];
        final double a13 = xr1[j + 3];
        final double a20 = xr2[j + 0];
        final double a21 = xr2[j + 1];
        final double a22 = xr2[j + 2];
        final double a23 = xr2[j + 3];
        final double a30 = xr3[j + 0];
        final double a31 = xr3[j + 1];
        final double a32 = xr3[j + 2];
        final double a33 = xr3[j + 3];
        for (int i = 0; i < 128; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbd[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbd[i + 256] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
          zbd[i + 384] += v0 * a30 + v1 * a31 + v2 * a32 + v3 * a33;
        }
      }
    }

    /** 6 rows as two loops of 3 over each group of 4 columns (C2 leaves the second scalar). */
    void block6x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 128);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 128, 128);
      final double[] xr2 = xbd[2];
      System.arraycopy(bd, 0, zbd, 256, 128);
      final double[] xr3 = xbd[3];
      System.arraycopy(bd, 0, zbd, 384, 128);
      final double[] xr4 = xbd[4];
      System.arraycopy(bd, 0, zbd, 512, 128);
      final double[] xr5 = xbd[5];
      System.arraycopy(bd, 0, zbd, 640, 128);
      for (int j = 0; j < 784; j += 4) {
        final double[] col0 = wd[j + 0];
        final double[] col1 = wd[j + 1];
        final double[] col2 = wd[j + 2];
        final double[] col3 = wd[j + 3];
        final double a00 = xr0[j + 0];
        final double a01 = xr0[j + 1];
        final double a02 = xr0[j + 2];
        final double a03 = xr0[j + 3];
        final double a10 = xr1[j + 0];
        final double a11 = xr1[j + 1];
        final double a12 = xr1[j + 2];
        final double a13 = xr1[j + 3];
        final double a20 = xr2[j + 0];
        final double a21 = xr2[j + 1];
        final double a22 = xr2[j + 2];
        final double a23 = xr2[j + 3];
        for (int i = 0; i < 128; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbd[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbd[i + 256] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
        }
        final double a30 = xr3[j + 0];
        final double a31 = xr3[j + 1];
        final double a32 = xr3[j + 2];
        final double a33 = xr3[j + 3];
        final double a40 = xr4[j + 0];
        final double a41 = xr4[j + 1];
        final double a42 = xr4[j + 2];
        final double a43 = xr4[j + 3];
        final double a50 = xr5[j + 0];
        final double a51 = xr5[j + 1];
        final double a52 = xr5[j + 2];
        final double a53 = xr5[j + 3];
        for (int i = 0; i < 128; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i + 384] += v0 * a30 + v1 * a31 + v2 * a32 + v3 * a33;
          zbd[i + 512] += v0 * a40 + v1 * a41 + v2 * a42 + v3 * a43;
          zbd[i + 640] += v0 * a50 + v1 * a51 + v2 * a52 + v3 * a53;
        }
      }
    }

    /** Units outer: 3 rows, a tile of 64 units over all columns before the next tile. */
    void tile64x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 128);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 128, 128);
      final double[] xr2 = xbd[2];
      System.arraycopy(bd, 0, zbd, 256, 128);
      for (int t = 0; t < 128; t += 64) {
        for (int j = 0; j < 784; j += 4) {
          final double[] col0 = wd[j + 0];
          final double[] col1 = wd[j + 1];
          final double[] col2 = wd[j + 2];
          final double[] col3 = wd[j + 3];
          final double a00 = xr0[j + 0];
          final double a01 = xr0[j + 1];
          final double a02 = xr0[j + 2];
          final double a03 = xr0[j + 3];
          final double a10 = xr1[j + 0];
          final double a11 = xr1[j + 1];
          final double a12 = xr1[j + 2];
          final double a13 = xr1[j + 3];
          final double a20 = xr2[j + 0];
          final double a21 = xr2[j + 1];
          final double a22 = xr2[j + 2];
          final double a23 = xr2[j + 3];
          for (int i = t; i < t + 64; i++) {
            final double v0 = col0[i];
            final double v1 = col1[i];
            final double v2 = col2[i];
            final double v3 = col3[i];
            zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
            zbd[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
            zbd[i + 256] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
          }
        }
      }
    }

    /** Today's block on a 196 x 512 layer (the same multiply-adds, 512 units per pass). */
    void wideBlock3x4Double() {
      final double[] xr0 = xbd[0];
      System.arraycopy(bd, 0, zbd, 0, 512);
      final double[] xr1 = xbd[1];
      System.arraycopy(bd, 0, zbd, 512, 512);
      final double[] xr2 = xbd[2];
      System.arraycopy(bd, 0, zbd, 1024, 512);
      for (int j = 0; j < 196; j += 4) {
        final double[] col0 = wwd[j + 0];
        final double[] col1 = wwd[j + 1];
        final double[] col2 = wwd[j + 2];
        final double[] col3 = wwd[j + 3];
        final double a00 = xr0[j + 0];
        final double a01 = xr0[j + 1];
        final double a02 = xr0[j + 2];
        final double a03 = xr0[j + 3];
        final double a10 = xr1[j + 0];
        final double a11 = xr1[j + 1];
        final double a12 = xr1[j + 2];
        final double a13 = xr1[j + 3];
        final double a20 = xr2[j + 0];
        final double a21 = xr2[j + 1];
        final double a22 = xr2[j + 2];
        final double a23 = xr2[j + 3];
        for (int i = 0; i < 512; i++) {
          final double v0 = col0[i];
          final double v1 = col1[i];
          final double v2 = col2[i];
          final double v3 = col3[i];
          zbd[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbd[i + 512] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbd[i + 1024] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
        }
      }
    }

    // ---------------------------------------------------------------- float
    /** Row {@code r} as the per-row {@code forward1}: 8 columns per pass. */
    void rowFloat(int r) {
      final float[] x0 = xsf[r];
      System.arraycopy(bf, 0, zf, 0, 128);
      for (int j = 0; j < 784; j += 8) {
        final float a0 = x0[j + 0];
        final float a1 = x0[j + 1];
        final float a2 = x0[j + 2];
        final float a3 = x0[j + 3];
        final float a4 = x0[j + 4];
        final float a5 = x0[j + 5];
        final float a6 = x0[j + 6];
        final float a7 = x0[j + 7];
        final float[] w1j0 = wf[j + 0];
        final float[] w1j1 = wf[j + 1];
        final float[] w1j2 = wf[j + 2];
        final float[] w1j3 = wf[j + 3];
        final float[] w1j4 = wf[j + 4];
        final float[] w1j5 = wf[j + 5];
        final float[] w1j6 = wf[j + 6];
        final float[] w1j7 = wf[j + 7];
        for (int i = 0; i < 128; i++) {
          zf[i] =
              zf[i]
                  + (w1j0[i] * a0 + w1j1[i] * a1 + w1j2[i] * a2 + w1j3[i] * a3)
                  + (w1j4[i] * a4 + w1j5[i] * a5 + w1j6[i] * a6 + w1j7[i] * a7);
        }
      }
      System.arraycopy(zf, 0, outf[r], 0, 128);
    }

    /** Today's float block: 3 rows, 4 columns per pass. */
    void block3x4Float() {
      final float[] xr0 = xbf[0];
      System.arraycopy(bf, 0, zbf, 0, 128);
      final float[] xr1 = xbf[1];
      System.arraycopy(bf, 0, zbf, 128, 128);
      final float[] xr2 = xbf[2];
      System.arraycopy(bf, 0, zbf, 256, 128);
      for (int j = 0; j < 784; j += 4) {
        final float[] col0 = wf[j + 0];
        final float[] col1 = wf[j + 1];
        final float[] col2 = wf[j + 2];
        final float[] col3 = wf[j + 3];
        final float a00 = xr0[j + 0];
        final float a01 = xr0[j + 1];
        final float a02 = xr0[j + 2];
        final float a03 = xr0[j + 3];
        final float a10 = xr1[j + 0];
        final float a11 = xr1[j + 1];
        final float a12 = xr1[j + 2];
        final float a13 = xr1[j + 3];
        final float a20 = xr2[j + 0];
        final float a21 = xr2[j + 1];
        final float a22 = xr2[j + 2];
        final float a23 = xr2[j + 3];
        for (int i = 0; i < 128; i++) {
          final float v0 = col0[i];
          final float v1 = col1[i];
          final float v2 = col2[i];
          final float v3 = col3[i];
          zbf[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbf[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbf[i + 256] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
        }
      }
    }

    /** 2 rows, 4 columns per pass. */
    void block2x4Float() {
      final float[] xr0 = xbf[0];
      System.arraycopy(bf, 0, zbf, 0, 128);
      final float[] xr1 = xbf[1];
      System.arraycopy(bf, 0, zbf, 128, 128);
      for (int j = 0; j < 784; j += 4) {
        final float[] col0 = wf[j + 0];
        final float[] col1 = wf[j + 1];
        final float[] col2 = wf[j + 2];
        final float[] col3 = wf[j + 3];
        final float a00 = xr0[j + 0];
        final float a01 = xr0[j + 1];
        final float a02 = xr0[j + 2];
        final float a03 = xr0[j + 3];
        final float a10 = xr1[j + 0];
        final float a11 = xr1[j + 1];
        final float a12 = xr1[j + 2];
        final float a13 = xr1[j + 3];
        for (int i = 0; i < 128; i++) {
          final float v0 = col0[i];
          final float v1 = col1[i];
          final float v2 = col2[i];
          final float v3 = col3[i];
          zbf[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbf[i + 128] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
        }
      }
    }

    /** 3 rows, 8 columns per pass (C2 leaves it scalar). */
    void block3x8Float() {
      final float[] xr0 = xbf[0];
      System.arraycopy(bf, 0, zbf, 0, 128);
      final float[] xr1 = xbf[1];
      System.arraycopy(bf, 0, zbf, 128, 128);
      final float[] xr2 = xbf[2];
      System.arraycopy(bf, 0, zbf, 256, 128);
      for (int j = 0; j < 784; j += 8) {
        final float[] col0 = wf[j + 0];
        final float[] col1 = wf[j + 1];
        final float[] col2 = wf[j + 2];
        final float[] col3 = wf[j + 3];
        final float[] col4 = wf[j + 4];
        final float[] col5 = wf[j + 5];
        final float[] col6 = wf[j + 6];
        final float[] col7 = wf[j + 7];
        final float a00 = xr0[j + 0];
        final float a01 = xr0[j + 1];
        final float a02 = xr0[j + 2];
        final float a03 = xr0[j + 3];
        final float a04 = xr0[j + 4];
        final float a05 = xr0[j + 5];
        final float a06 = xr0[j + 6];
        final float a07 = xr0[j + 7];
        final float a10 = xr1[j + 0];
        final float a11 = xr1[j + 1];
        final float a12 = xr1[j + 2];
        final float a13 = xr1[j + 3];
        final float a14 = xr1[j + 4];
        final float a15 = xr1[j + 5];
        final float a16 = xr1[j + 6];
        final float a17 = xr1[j + 7];
        final float a20 = xr2[j + 0];
        final float a21 = xr2[j + 1];
        final float a22 = xr2[j + 2];
        final float a23 = xr2[j + 3];
        final float a24 = xr2[j + 4];
        final float a25 = xr2[j + 5];
        final float a26 = xr2[j + 6];
        final float a27 = xr2[j + 7];
        for (int i = 0; i < 128; i++) {
          final float v0 = col0[i];
          final float v1 = col1[i];
          final float v2 = col2[i];
          final float v3 = col3[i];
          final float v4 = col4[i];
          final float v5 = col5[i];
          final float v6 = col6[i];
          final float v7 = col7[i];
          zbf[i] =
              zbf[i]
                  + (v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03)
                  + (v4 * a04 + v5 * a05 + v6 * a06 + v7 * a07);
          zbf[i + 128] =
              zbf[i + 128]
                  + (v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13)
                  + (v4 * a14 + v5 * a15 + v6 * a16 + v7 * a17);
          zbf[i + 256] =
              zbf[i + 256]
                  + (v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23)
                  + (v4 * a24 + v5 * a25 + v6 * a26 + v7 * a27);
        }
      }
    }

    /** Today's float block on a 392 x 256 layer (the same multiply-adds, 256 units per pass). */
    void wideBlock3x4Float() {
      final float[] xr0 = xbf[0];
      System.arraycopy(bf, 0, zbf, 0, 256);
      final float[] xr1 = xbf[1];
      System.arraycopy(bf, 0, zbf, 256, 256);
      final float[] xr2 = xbf[2];
      System.arraycopy(bf, 0, zbf, 512, 256);
      for (int j = 0; j < 392; j += 4) {
        final float[] col0 = wwf[j + 0];
        final float[] col1 = wwf[j + 1];
        final float[] col2 = wwf[j + 2];
        final float[] col3 = wwf[j + 3];
        final float a00 = xr0[j + 0];
        final float a01 = xr0[j + 1];
        final float a02 = xr0[j + 2];
        final float a03 = xr0[j + 3];
        final float a10 = xr1[j + 0];
        final float a11 = xr1[j + 1];
        final float a12 = xr1[j + 2];
        final float a13 = xr1[j + 3];
        final float a20 = xr2[j + 0];
        final float a21 = xr2[j + 1];
        final float a22 = xr2[j + 2];
        final float a23 = xr2[j + 3];
        for (int i = 0; i < 256; i++) {
          final float v0 = col0[i];
          final float v1 = col1[i];
          final float v2 = col2[i];
          final float v3 = col3[i];
          zbf[i] += v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
          zbf[i + 256] += v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
          zbf[i + 512] += v0 * a20 + v1 * a21 + v2 * a22 + v3 * a23;
        }
      }
    }
  }

  /** {@link Data#rowDouble} over the 12 rows. */
  @Benchmark
  public double rowsDouble(Data s) {
    for (int k = 0; k < ROWS; k++) {
      s.rowDouble(k);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#block3x4Double} over the 12 rows. */
  @Benchmark
  public double block3x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadD(k, 3);
      s.block3x4Double();
      s.storeD(k, 3, 128);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#block2x4Double} over the 12 rows. */
  @Benchmark
  public double block2x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 2) {
      s.loadD(k, 2);
      s.block2x4Double();
      s.storeD(k, 2, 128);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#block4x4Double} over the 12 rows. */
  @Benchmark
  public double block4x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 4) {
      s.loadD(k, 4);
      s.block4x4Double();
      s.storeD(k, 4, 128);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#block6x4Double} over the 12 rows. */
  @Benchmark
  public double block6x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 6) {
      s.loadD(k, 6);
      s.block6x4Double();
      s.storeD(k, 6, 128);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#tile64x4Double} over the 12 rows. */
  @Benchmark
  public double tile64x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadD(k, 3);
      s.tile64x4Double();
      s.storeD(k, 3, 128);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#wideBlock3x4Double} over the 12 rows. */
  @Benchmark
  public double wideBlock3x4Double(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadD(k, 3);
      s.wideBlock3x4Double();
      s.storeD(k, 3, 512);
    }
    return s.outd[ROWS - 1][0];
  }

  /** {@link Data#rowFloat} over the 12 rows. */
  @Benchmark
  public float rowsFloat(Data s) {
    for (int k = 0; k < ROWS; k++) {
      s.rowFloat(k);
    }
    return s.outf[ROWS - 1][0];
  }

  /** {@link Data#block3x4Float} over the 12 rows. */
  @Benchmark
  public float block3x4Float(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadF(k, 3);
      s.block3x4Float();
      s.storeF(k, 3, 128);
    }
    return s.outf[ROWS - 1][0];
  }

  /** {@link Data#block2x4Float} over the 12 rows. */
  @Benchmark
  public float block2x4Float(Data s) {
    for (int k = 0; k < ROWS; k += 2) {
      s.loadF(k, 2);
      s.block2x4Float();
      s.storeF(k, 2, 128);
    }
    return s.outf[ROWS - 1][0];
  }

  /** {@link Data#block3x8Float} over the 12 rows. */
  @Benchmark
  public float block3x8Float(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadF(k, 3);
      s.block3x8Float();
      s.storeF(k, 3, 128);
    }
    return s.outf[ROWS - 1][0];
  }

  /** {@link Data#wideBlock3x4Float} over the 12 rows. */
  @Benchmark
  public float wideBlock3x4Float(Data s) {
    for (int k = 0; k < ROWS; k += 3) {
      s.loadF(k, 3);
      s.wideBlock3x4Float();
      s.storeF(k, 3, 256);
    }
    return s.outf[ROWS - 1][0];
  }
}
