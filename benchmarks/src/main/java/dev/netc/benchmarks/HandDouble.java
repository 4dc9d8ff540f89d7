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
 * dense network in double, with no code generation. Weights are stored row-major in the textbook
 * orientation ({@code w[l][i * m + j] = W[i][j]}), the forward pass is a dot product per unit, the
 * delta of the layer below is the textbook {@code f'(x_j) * sum_i W[i][j] delta_i}, the gradient is
 * accumulated and then applied in a second pass ({@link #trainStep} is the interface's default:
 * accumulate, then apply). Nothing allocates after construction.
 *
 * <p>It implements {@link CompiledNetwork} so that the same benchmark code and the same validation
 * (parameters copied through {@link #parameters()}) apply to it and to the generated classes.
 */
final class HandDouble implements CompiledNetwork {
  private final Workload workload;
  private final int layers;
  private final int[] fanIn;
  private final int[] units;
  private final Activation[] activation;
  private final double[][] w;
  private final double[][] b;
  private final double[][] dw;
  private final double[][] db;
  private final double[][] z;
  private final double[][] x;
  private final double[][] delta;
  private final double[] rate;
  private final long[] steps;

  HandDouble(Workload workload) {
    this(workload, null);
    initialize();
  }

  private HandDouble(Workload workload, HandDouble sharing) {
    this.workload = workload;
    layers = workload.layerCount();
    fanIn = new int[layers];
    units = new int[layers];
    activation = new Activation[layers];
    w = sharing == null ? new double[layers][] : sharing.w;
    b = sharing == null ? new double[layers][] : sharing.b;
    rate = sharing == null ? new double[] {Workload.RATE} : sharing.rate;
    steps = sharing == null ? new long[1] : sharing.steps;
    dw = new double[layers][];
    db = new double[layers][];
    z = new double[layers][];
    x = new double[layers][];
    delta = new double[layers][];
    for (int l = 0; l < layers; l++) {
      fanIn[l] = workload.below(l);
      units[l] = workload.units().get(l);
      activation[l] = workload.activations().get(l);
      if (sharing == null) {
        w[l] = new double[units[l] * fanIn[l]];
        b[l] = new double[units[l]];
      }
      dw[l] = new double[units[l] * fanIn[l]];
      db[l] = new double[units[l]];
      z[l] = new double[units[l]];
      x[l] = new double[units[l]];
      delta[l] = new double[units[l]];
    }
  }

  private void forward(double[] input) {
    double[] in = input;
    for (int l = 0; l < layers; l++) {
      int n = units[l];
      int m = fanIn[l];
      double[] wl = w[l];
      double[] bl = b[l];
      double[] zl = z[l];
      for (int i = 0; i < n; i++) {
        double s = bl[i];
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
    double[] y = x[last];
    double[] d = delta[last];
    double loss = 0.0;
    for (int k = 0; k < y.length; k++) {
      d[k] = y[k] - target[k];
      if (target[k] != 0.0) {
        loss -= target[k] * Math.log(Math.max(y[k], Double.MIN_NORMAL));
      }
    }
    for (int l = last; l >= 0; l--) {
      int n = units[l];
      int m = fanIn[l];
      double[] in = l == 0 ? input : x[l - 1];
      double[] dl = delta[l];
      double[] dwl = dw[l];
      double[] dbl = db[l];
      for (int i = 0; i < n; i++) {
        double di = dl[i];
        dbl[i] += di;
        int row = i * m;
        for (int j = 0; j < m; j++) {
          dwl[row + j] += di * in[j];
        }
      }
      if (l > 0) {
        double[] wl = w[l];
        double[] below = delta[l - 1];
        Activation f = activation[l - 1];
        for (int j = 0; j < m; j++) {
          double s = 0.0;
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
    double step = rate[0] * scale;
    for (int l = 0; l < layers; l++) {
      double[] wl = w[l];
      double[] dwl = dw[l];
      for (int k = 0; k < wl.length; k++) {
        wl[k] -= step * dwl[k];
        dwl[k] = 0.0;
      }
      double[] bl = b[l];
      double[] dbl = db[l];
      for (int k = 0; k < bl.length; k++) {
        bl[k] -= step * dbl[k];
        dbl[k] = 0.0;
      }
    }
    steps[0]++;
  }

  @Override
  public void predict(double[] input, double[] output) {
    forward(input);
    System.arraycopy(x[layers - 1], 0, output, 0, output.length);
  }

  @Override
  public int classify(double[] input) {
    forward(input);
    double[] y = x[layers - 1];
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
    double[] y = x[layers - 1];
    double loss = 0.0;
    for (int k = 0; k < y.length; k++) {
      if (target[k] != 0.0) {
        loss -= target[k] * Math.log(Math.max(y[k], Double.MIN_NORMAL));
      }
    }
    return loss;
  }

  @Override
  public void clearGradient() {
    for (int l = 0; l < layers; l++) {
      java.util.Arrays.fill(dw[l], 0.0);
      java.util.Arrays.fill(db[l], 0.0);
    }
  }

  @Override
  public void addGradientFrom(CompiledNetwork other) {
    HandDouble that = (HandDouble) other;
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
    return HandSpecs.spec(workload, Precision.DOUBLE);
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
    return new HandDouble(workload, this);
  }
}
