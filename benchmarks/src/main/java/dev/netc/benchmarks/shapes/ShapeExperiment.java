package dev.netc.benchmarks.shapes;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The first layer of W3 (784 -> 128) in the shapes the generator could emit, in double and float,
 * nanoseconds per call. Findings are written up in docs/performance.md ("Findings for the
 * generator").
 *
 * <ul>
 *   <li>{@code forwardAxpy*}: weights in one flat array stored transposed ({@code w[j * 128 + i] =
 *       W[i][j]}), {@code z[i] += w[j * 128 + i] * x[j]} for each column j (the generator's shape
 *       before commit ef97bf8); {@code forwardAxpy4*} four columns per pass; {@code
 *       forwardAxpyFresh*} accumulating into a freshly allocated array (aliasing test); {@code
 *       forwardAxpyVar*} with the inner bound read from a field (trip-count test);
 *   <li>{@code forwardColumns*}: one array per column ({@code w[j][i] = W[i][j]}, the generator's
 *       shape since ef97bf8); {@code forwardColumns4*} four columns per pass over z;
 *   <li>{@code updateFused*}, {@code updateScaled*}, {@code updateColumns*}: the fused stochastic
 *       update {@code w -= rate * (d[i] * x[j])}, and with {@code rate * d[i]} computed once;
 *   <li>{@code reluForward} / {@code reluForwardSkip}: the second layer of W4 (1024 -> 1024, over a
 *       relu layer, about half of whose outputs are 0), without and with {@code if (a != 0)} around
 *       each column's axpy;
 *   <li>{@code tanhMath} / {@code tanhExp}: W1's hidden activation, 8 units: {@code Math.tanh} (on
 *       JDK 17 a JNI call into fdlibm, not intrinsified) against {@code 1 - 2 / (exp(2|z|) + 1)}
 *       with the sign restored and a short series below 2^-10 ({@code Math.exp} is intrinsified;
 *       largest relative error 2.2e-13 over 2 million random arguments from 1e-12 to 20).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShapeExperiment {
  static final int IN = 784;
  static final int OUT = 128;

  /** Random weights and inputs. */
  @State(Scope.Thread)
  public static class Data {
    final double[] w = new double[IN * OUT];
    final double[] x = new double[IN];
    final double[] z = new double[OUT];
    final double[] b = new double[OUT];
    final double[] d = new double[OUT];
    final double[] rd = new double[OUT];
    final float[] wf = new float[IN * OUT];
    final float[] xf = new float[IN];
    final float[] zf = new float[OUT];
    final float[] bf = new float[OUT];
    final float[] df = new float[OUT];
    final float[] rdf = new float[OUT];
    double rate = 1e-9;
    float ratef = 1e-9f;
    int units = OUT;
    final double[][] wc = new double[IN][OUT];
    final float[][] wcf = new float[IN][OUT];
    final double[] w4 = new double[1024 * 1024];
    final double[] x4 = new double[1024];
    final double[] z4 = new double[1024];
    final double[] z8 = new double[8];
    final double[] x8 = new double[8];

    /** Fills the arrays. */
    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(3);
      for (int k = 0; k < w.length; k++) {
        w[k] = random.nextDouble(-0.1, 0.1);
        wf[k] = (float) w[k];
        wc[k / OUT][k % OUT] = w[k];
        wcf[k / OUT][k % OUT] = wf[k];
      }
      for (int j = 0; j < IN; j++) {
        x[j] = random.nextDouble();
        xf[j] = (float) x[j];
      }
      for (int i = 0; i < OUT; i++) {
        d[i] = random.nextDouble(-1, 1);
        df[i] = (float) d[i];
      }
      for (int k = 0; k < w4.length; k++) {
        w4[k] = random.nextDouble(-0.05, 0.05);
      }
      for (int i = 0; i < z8.length; i++) {
        z8[i] = random.nextDouble(-2, 2);
      }
      for (int j = 0; j < x4.length; j++) {
        x4[j] = Math.max(0.0, random.nextDouble(-1, 1));
      }
    }
  }

  /** Today's forward shape, double. */
  @Benchmark
  public double[] forwardAxpyDouble(Data s) {
    double[] z = s.z;
    double[] w = s.w;
    double[] x = s.x;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final double a = x[j];
      final int row = j * OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** Four columns per pass, double. */
  @Benchmark
  public double[] forwardAxpy4Double(Data s) {
    double[] z = s.z;
    double[] w = s.w;
    double[] x = s.x;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j += 4) {
      final double a0 = x[j];
      final double a1 = x[j + 1];
      final double a2 = x[j + 2];
      final double a3 = x[j + 3];
      final int r0 = j * OUT;
      final int r1 = r0 + OUT;
      final int r2 = r1 + OUT;
      final int r3 = r2 + OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[r0 + i] * a0 + w[r1 + i] * a1 + w[r2 + i] * a2 + w[r3 + i] * a3;
      }
    }
    return z;
  }

  /** Today's fused update, double. */
  @Benchmark
  public double[] updateFusedDouble(Data s) {
    double[] w = s.w;
    double[] d = s.d;
    double[] x = s.x;
    double rate = s.rate;
    for (int j = 0; j < IN; j++) {
      final int row = j * OUT;
      final double a = x[j];
      for (int i = 0; i < OUT; i++) {
        final int k = row + i;
        double g = d[i] * a;
        w[k] -= rate * g;
      }
    }
    return w;
  }

  /** Update with the rate folded into the delta once, double. */
  @Benchmark
  public double[] updateScaledDouble(Data s) {
    double[] w = s.w;
    double[] rd = s.rd;
    double[] x = s.x;
    for (int i = 0; i < OUT; i++) {
      rd[i] = s.rate * s.d[i];
    }
    for (int j = 0; j < IN; j++) {
      final int row = j * OUT;
      final double a = x[j];
      for (int i = 0; i < OUT; i++) {
        w[row + i] -= rd[i] * a;
      }
    }
    return w;
  }

  /** Today's forward shape, float. */
  @Benchmark
  public float[] forwardAxpyFloat(Data s) {
    float[] z = s.zf;
    float[] w = s.wf;
    float[] x = s.xf;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final float a = x[j];
      final int row = j * OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** Four columns per pass, float. */
  @Benchmark
  public float[] forwardAxpy4Float(Data s) {
    float[] z = s.zf;
    float[] w = s.wf;
    float[] x = s.xf;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j += 4) {
      final float a0 = x[j];
      final float a1 = x[j + 1];
      final float a2 = x[j + 2];
      final float a3 = x[j + 3];
      final int r0 = j * OUT;
      final int r1 = r0 + OUT;
      final int r2 = r1 + OUT;
      final int r3 = r2 + OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[r0 + i] * a0 + w[r1 + i] * a1 + w[r2 + i] * a2 + w[r3 + i] * a3;
      }
    }
    return z;
  }

  /** Today's fused update, float. */
  @Benchmark
  public float[] updateFusedFloat(Data s) {
    float[] w = s.wf;
    float[] d = s.df;
    float[] x = s.xf;
    float rate = s.ratef;
    for (int j = 0; j < IN; j++) {
      final int row = j * OUT;
      final float a = x[j];
      for (int i = 0; i < OUT; i++) {
        final int k = row + i;
        float g = d[i] * a;
        w[k] -= rate * g;
      }
    }
    return w;
  }

  /** Update with the rate folded into the delta once, float. */
  @Benchmark
  public float[] updateScaledFloat(Data s) {
    float[] w = s.wf;
    float[] rd = s.rdf;
    float[] x = s.xf;
    for (int i = 0; i < OUT; i++) {
      rd[i] = s.ratef * s.df[i];
    }
    for (int j = 0; j < IN; j++) {
      final int row = j * OUT;
      final float a = x[j];
      for (int i = 0; i < OUT; i++) {
        w[row + i] -= rd[i] * a;
      }
    }
    return w;
  }

  /** W4's second layer, today's axpy over every column. */
  @Benchmark
  public double[] reluForward(Data s) {
    double[] z = s.z4;
    double[] w = s.w4;
    double[] x = s.x4;
    java.util.Arrays.fill(z, 0.0);
    for (int j = 0; j < 1024; j++) {
      final double a = x[j];
      final int row = j * 1024;
      for (int i = 0; i < 1024; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** W4's second layer, skipping the columns of inactive (zero) relu inputs. */
  @Benchmark
  public double[] reluForwardSkip(Data s) {
    double[] z = s.z4;
    double[] w = s.w4;
    double[] x = s.x4;
    java.util.Arrays.fill(z, 0.0);
    for (int j = 0; j < 1024; j++) {
      final double a = x[j];
      if (a != 0.0) {
        final int row = j * 1024;
        for (int i = 0; i < 1024; i++) {
          z[i] += w[row + i] * a;
        }
      }
    }
    return z;
  }

  /** W1's 8 hidden units through {@code Math.tanh}. */
  @Benchmark
  public double[] tanhMath(Data s) {
    double[] z = s.z8;
    double[] x = s.x8;
    for (int i = 0; i < 8; i++) {
      x[i] = Math.tanh(z[i]);
    }
    return x;
  }

  /** W1's 8 hidden units through the exp-based tanh. */
  @Benchmark
  public double[] tanhExp(Data s) {
    double[] z = s.z8;
    double[] x = s.x8;
    for (int i = 0; i < 8; i++) {
      x[i] = tanh(z[i]);
    }
    return x;
  }

  /** tanh from the intrinsified exp: relative error below 3e-13. */
  static double tanh(double z) {
    double a = Math.abs(z);
    if (a < 0x1p-10) {
      double z2 = z * z;
      return z * (1.0 - z2 * (1.0 / 3.0 - z2 * (2.0 / 15.0)));
    }
    return Math.copySign(1.0 - 2.0 / (Math.exp(2.0 * a) + 1.0), z);
  }

  /**
   * Today's forward shape, double, but accumulating into an array allocated in the method (so C2
   * knows it cannot alias the weights): tests whether possible aliasing blocks vectorization.
   * Allocates 1 KB per call: an experiment, not a shape to emit as is.
   */
  @Benchmark
  public double[] forwardAxpyFreshDouble(Data s) {
    double[] z = new double[OUT];
    double[] w = s.w;
    double[] x = s.x;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final double a = x[j];
      final int row = j * OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** As {@link #forwardAxpyFreshDouble}, float. */
  @Benchmark
  public float[] forwardAxpyFreshFloat(Data s) {
    float[] z = new float[OUT];
    float[] w = s.wf;
    float[] x = s.xf;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final float a = x[j];
      final int row = j * OUT;
      for (int i = 0; i < OUT; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** Today's forward shape, double, with the inner bound read from a field (not a constant). */
  @Benchmark
  public double[] forwardAxpyVarDouble(Data s) {
    double[] z = s.z;
    double[] w = s.w;
    double[] x = s.x;
    int n = s.units;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final double a = x[j];
      final int row = j * n;
      for (int i = 0; i < n; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /** As {@link #forwardAxpyVarDouble}, float. */
  @Benchmark
  public float[] forwardAxpyVarFloat(Data s) {
    float[] z = s.zf;
    float[] w = s.wf;
    float[] x = s.xf;
    int n = s.units;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final float a = x[j];
      final int row = j * n;
      for (int i = 0; i < n; i++) {
        z[i] += w[row + i] * a;
      }
    }
    return z;
  }

  /**
   * The generator's shape since commit ef97bf8: one array per column ({@code w[j][i] = W[i][j]}),
   * so the inner loop indexes both arrays from 0 (no invariant offset), double.
   */
  @Benchmark
  public double[] forwardColumnsDouble(Data s) {
    double[] z = s.z;
    double[] x = s.x;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final double a = x[j];
      final double[] wj = s.wc[j];
      for (int i = 0; i < OUT; i++) {
        z[i] += wj[i] * a;
      }
    }
    return z;
  }

  /** As {@link #forwardColumnsDouble}, float. */
  @Benchmark
  public float[] forwardColumnsFloat(Data s) {
    float[] z = s.zf;
    float[] x = s.xf;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j++) {
      final float a = x[j];
      final float[] wj = s.wcf[j];
      for (int i = 0; i < OUT; i++) {
        z[i] += wj[i] * a;
      }
    }
    return z;
  }

  /** Column arrays, four columns per pass over z, double. */
  @Benchmark
  public double[] forwardColumns4Double(Data s) {
    double[] z = s.z;
    double[] x = s.x;
    System.arraycopy(s.b, 0, z, 0, OUT);
    for (int j = 0; j < IN; j += 4) {
      final double a0 = x[j];
      final double a1 = x[j + 1];
      final double a2 = x[j + 2];
      final double a3 = x[j + 3];
      final double[] w0 = s.wc[j];
      final double[] w1 = s.wc[j + 1];
      final double[] w2 = s.wc[j + 2];
      final double[] w3 = s.wc[j + 3];
      for (int i = 0; i < OUT; i++) {
        z[i] += w0[i] * a0 + w1[i] * a1 + w2[i] * a2 + w3[i] * a3;
      }
    }
    return z;
  }

  /** Column arrays, four columns per pass over z, float. */
  @Benchmark
  public float[] forwardColumns4Float(Data s) {
    float[] z = s.zf;
    float[] x = s.xf;
    System.arraycopy(s.bf, 0, z, 0, OUT);
    for (int j = 0; j < IN; j += 4) {
      final float a0 = x[j];
      final float a1 = x[j + 1];
      final float a2 = x[j + 2];
      final float a3 = x[j + 3];
      final float[] w0 = s.wcf[j];
      final float[] w1 = s.wcf[j + 1];
      final float[] w2 = s.wcf[j + 2];
      final float[] w3 = s.wcf[j + 3];
      for (int i = 0; i < OUT; i++) {
        z[i] += w0[i] * a0 + w1[i] * a1 + w2[i] * a2 + w3[i] * a3;
      }
    }
    return z;
  }

  /** Column arrays, today's fused update, double. */
  @Benchmark
  public double[][] updateColumnsDouble(Data s) {
    double[] d = s.d;
    double[] x = s.x;
    double rate = s.rate;
    for (int j = 0; j < IN; j++) {
      final double[] wj = s.wc[j];
      final double a = x[j];
      for (int i = 0; i < OUT; i++) {
        double g = d[i] * a;
        wj[i] -= rate * g;
      }
    }
    return s.wc;
  }

  /** Column arrays, the rate folded into the delta once, double. */
  @Benchmark
  public double[][] updateColumnsScaledDouble(Data s) {
    double[] rd = s.rd;
    double[] x = s.x;
    for (int i = 0; i < OUT; i++) {
      rd[i] = s.rate * s.d[i];
    }
    for (int j = 0; j < IN; j++) {
      final double[] wj = s.wc[j];
      final double a = x[j];
      for (int i = 0; i < OUT; i++) {
        wj[i] -= rd[i] * a;
      }
    }
    return s.wc;
  }
}
