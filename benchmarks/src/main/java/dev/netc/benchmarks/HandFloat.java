package dev.netc.benchmarks;

import dev.netc.runtime.init.Initializers;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.network.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (a) of docs/performance.md: the straightforward Java a competent developer writes for a
 * dense network in float, with no code generation. Weights are stored row-major in the textbook
 * orientation ({@code w[l][i * m + j] = W[i][j]}), the forward pass is a dot product per unit, the
 * delta of the layer below is the textbook {@code f'(x_j) * sum_i W[i][j] delta_i}, the gradient is
 * accumulated and then applied in a second pass ({@link #trainStep} is the interface's default:
 * accumulate, then apply). Nothing allocates after construction. This is the float version of
 * {@link HandDouble}: all arithmetic and storage in float, the double input converted once per
 * example (the interface passes double arrays).
 *
 * <p>It implements {@link CompiledNetwork} so that the same benchmark code and the same validation
 * (parameters copied through {@link #parameters()}) apply to it and to the generated classes.
 */
final class HandFloat implements CompiledNetwork {
  private final Workload workload;
  private final int layers;
  private final int[] fanIn;
  private final int[] units;
  private final Activation[] activation;
  private final float[][] w;
  private final float[][] b;
  private final float[][] dw;
  private final float[][] db;
  private final float[][] z;
  private final float[][] x;
  private final float[][] delta;
  private final double[] rate;
  private final long[] steps;
  private final float[] x0;

  HandFloat(Workload workload) {
    this(workload, null);
    initialize();
  }

  private HandFloat(Workload workload, HandFloat sharing) {
    this.workload = workload;
    layers = workload.layerCount();
    fanIn = new int[layers];
    units = new int[layers];
    activation = new Activation[layers];
    w = sharing == null ? new float[layers][] : sharing.w;
    b = sharing == null ? new float[layers][] : sharing.b;
    rate = sharing == null ? new double[] {Workload.RATE} : sharing.rate;
    steps = sharing == null ? new long[1] : sharing.steps;
    dw = new float[layers][];
    db = new float[layers][];
    z = new float[layers][];
    x = new float[layers][];
    delta = new float[layers][];
    x0 = new float[workload.inputSize()];
    for (int l = 0; l < layers; l++) {
      fanIn[l] = workload.below(l);
      units[l] = workload.units().get(l);
      activation[l] = workload.activations().get(l);
      if (sharing == null) {
        w[l] = new float[units[l] * fanIn[l]];
        b[l] = new float[units[l]];
      }
      dw[l] = new float[units[l] * fanIn[l]];
      db[l] = new float[units[l]];
      z[l] = new float[units[l]];
      x[l] = new float[units[l]];
      delta[l] = new float[units[l]];
    }
  }

  private void forward(double[] input) {
    for (int j = 0; j < x0.length; j++) {
      x0[j] = (float) input[j];
    }
    float[] in = x0;
    for (int l = 0; l < layers; l++) {
      int n = units[l];
      int m = fanIn[l];
      float[] wl = w[l];
      float[] bl = b[l];
      float[] zl = z[l];
      for (int i = 0; i < n; i++) {
        float s = bl[i];
        int row = i * m;
        for (int j = 0; j < m; j++) {
          s += wl[row + j] * in[j];
        }
        zl[i] = s;
      }
      activation[l].apply(zl, x[l]);
      in = x[l];
    }
  }

  @Override
  public double accumulateGradient(double[] input, double[] target) {
    forward(input);
    int last = layers - 1;
    float[] y = x[last];
    float[] d = delta[last];
    double loss = 0.0;
    for (int k = 0; k < y.length; k++) {
      d[k] = y[k] - (float) target[k];
      if (target[k] != 0.0) {
        loss -= target[k] * Math.log(Math.max(y[k], Float.MIN_NORMAL));
      }
    }
    for (int l = last; l >= 0; l--) {
      int n = units[l];
      int m = fanIn[l];
      float[] in = l == 0 ? x0 : x[l - 1];
      float[] dl = delta[l];
      float[] dwl = dw[l];
      float[] dbl = db[l];
      for (int i = 0; i < n; i++) {
        float di = dl[i];
        dbl[i] += di;
        int row = i * m;
        for (int j = 0; j < m; j++) {
          dwl[row + j] += di * in[j];
        }
      }
      if (l > 0) {
        float[] wl = w[l];
        float[] below = delta[l - 1];
        Activation f = activation[l - 1];
        for (int j = 0; j < m; j++) {
          float s = 0f;
          for (int i = 0; i < n; i++) {
            s += wl[i * m + j] * dl[i];
          }
          below[j] = s * f.derivative(in[j]);
        }
      }
    }
    return loss;
  }

  @Override
  public void applyGradient(double scale) {
    float step = (float) (rate[0] * scale);
    for (int l = 0; l < layers; l++) {
      float[] wl = w[l];
      float[] dwl = dw[l];
      for (int k = 0; k < wl.length; k++) {
        wl[k] -= step * dwl[k];
        dwl[k] = 0f;
      }
      float[] bl = b[l];
      float[] dbl = db[l];
      for (int k = 0; k < bl.length; k++) {
        bl[k] -= step * dbl[k];
        dbl[k] = 0f;
      }
    }
    steps[0]++;
  }

  @Override
  public void predict(double[] input, double[] output) {
    forward(input);
    float[] y = x[layers - 1];
    for (int k = 0; k < output.length; k++) {
      output[k] = y[k];
    }
  }

  @Override
  public int classify(double[] input) {
    forward(input);
    float[] y = x[layers - 1];
    int best = 0;
    for (int k = 1; k < y.length; k++) {
      if (y[k] > y[best]) {
        best = k;
      }
    }
    return best;
  }

  @Override
  public double loss(double[] input, double[] target) {
    forward(input);
    float[] y = x[layers - 1];
    double loss = 0.0;
    for (int k = 0; k < y.length; k++) {
      if (target[k] != 0.0) {
        loss -= target[k] * Math.log(Math.max(y[k], Float.MIN_NORMAL));
      }
    }
    return loss;
  }

  @Override
  public void clearGradient() {
    for (int l = 0; l < layers; l++) {
      java.util.Arrays.fill(dw[l], 0f);
      java.util.Arrays.fill(db[l], 0f);
    }
  }

  @Override
  public void addGradientFrom(CompiledNetwork other) {
    HandFloat that = (HandFloat) other;
    for (int l = 0; l < layers; l++) {
      for (int k = 0; k < dw[l].length; k++) {
        dw[l][k] += that.dw[l][k];
      }
      for (int k = 0; k < db[l].length; k++) {
        db[l][k] += that.db[l][k];
      }
    }
  }

  @Override
  public NetworkSpec spec() {
    return HandSpecs.spec(workload, Precision.FLOAT);
  }

  @Override
  public int inputSize() {
    return workload.inputSize();
  }

  @Override
  public int outputSize() {
    return workload.outputSize();
  }

  @Override
  public List<ParameterTensor> parameters() {
    List<ParameterTensor> views = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      views.add(
          Tensors.matrix(HandSpecs.layerName(l) + ".weights", w[l], 0, units[l], fanIn[l], false));
      views.add(Tensors.vector(HandSpecs.layerName(l) + ".bias", b[l], 0, units[l]));
    }
    return views;
  }

  @Override
  public List<ParameterTensor> gradients() {
    List<ParameterTensor> views = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      views.add(
          Tensors.matrix(HandSpecs.layerName(l) + ".weights", dw[l], 0, units[l], fanIn[l], false));
      views.add(Tensors.vector(HandSpecs.layerName(l) + ".bias", db[l], 0, units[l]));
    }
    return views;
  }

  @Override
  public List<ParameterTensor> optimizerState() {
    return List.of();
  }

  @Override
  public long optimizerSteps() {
    return steps[0];
  }

  @Override
  public void setOptimizerSteps(long count) {
    steps[0] = count;
  }

  @Override
  public List<String> hyperparameterNames() {
    return HandSpecs.HYPERPARAMETERS;
  }

  @Override
  public double hyperparameter(String name) {
    HandSpecs.checkHyperparameter(name);
    return rate[0];
  }

  @Override
  public void setHyperparameter(String name, double value) {
    HandSpecs.checkHyperparameter(name);
    rate[0] = value;
  }

  @Override
  public void initialize() {
    for (int l = 1; l <= layers; l++) {
      Initializers.xavier(weights(l), bias(l), HandSpecs.SEED, l);
    }
    clearGradient();
    steps[0] = 0;
  }

  @Override
  public CompiledNetwork copy() {
    return new HandFloat(workload, this);
  }
}
