package dev.netc.runtime.testing;

import dev.netc.runtime.init.Initializers;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.network.Tensors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An interpreted multi-layer perceptron implementing {@link CompiledNetwork}, standing in for a
 * generated class in the runtime's tests (the runtime must not depend on the generator): dense
 * layers with sigmoid, tanh, relu, linear or softmax (output only, with cross_entropy); losses
 * squared_error and cross_entropy; sgd with momentum; xavier init from a seed. {@link #copy()}
 * shares parameters and optimizer state and has its own gradients and scratch.
 */
public final class ReferenceMlp implements CompiledNetwork {

  /** What copies share: parameters, optimizer state, hyper-parameters, step count. */
  private static final class Shared {
    double[][] w;
    double[][] b;
    double[][] vw;
    double[][] vb;
    double rate;
    double momentum;
    long steps;
  }

  private final NetworkSpec spec;
  private final int[] sizes;
  private final String[] activations;
  private final long seed;
  private final Shared shared;
  private final double[][] dw;
  private final double[][] db;
  private final double[][] z;
  private final double[][] x;
  private final double[][] delta;

  /**
   * @param name network name
   * @param input input width
   * @param units units per layer
   * @param activations activation per layer
   * @param loss squared_error or cross_entropy
   * @param seed xavier seed
   * @param rate sgd rate
   * @param momentum sgd momentum
   */
  public ReferenceMlp(
      String name,
      int input,
      int[] units,
      String[] activations,
      String loss,
      long seed,
      double rate,
      double momentum) {
    this(spec(name, input, units, activations, loss, momentum), seed, new Shared());
    shared.rate = rate;
    shared.momentum = momentum;
    int layers = units.length;
    shared.w = new double[layers][];
    shared.b = new double[layers][];
    shared.vw = new double[layers][];
    shared.vb = new double[layers][];
    for (int l = 0; l < layers; l++) {
      shared.w[l] = new double[sizes[l + 1] * sizes[l]];
      shared.b[l] = new double[sizes[l + 1]];
      shared.vw[l] = new double[shared.w[l].length];
      shared.vb[l] = new double[shared.b[l].length];
    }
    initialize();
  }

  private ReferenceMlp(NetworkSpec spec, long seed, Shared shared) {
    this.spec = spec;
    this.seed = seed;
    this.shared = shared;
    int layers = spec.layers().size();
    this.sizes = new int[layers + 1];
    this.activations = new String[layers];
    sizes[0] = spec.inputSize();
    for (int l = 0; l < layers; l++) {
      sizes[l + 1] = spec.layers().get(l).units();
      activations[l] = spec.layers().get(l).activation();
    }
    dw = new double[layers][];
    db = new double[layers][];
    z = new double[layers + 1][];
    x = new double[layers + 1][];
    delta = new double[layers + 1][];
    for (int l = 0; l < layers; l++) {
      dw[l] = new double[sizes[l + 1] * sizes[l]];
      db[l] = new double[sizes[l + 1]];
    }
    for (int l = 0; l <= layers; l++) {
      z[l] = new double[sizes[l]];
      x[l] = new double[sizes[l]];
      delta[l] = new double[sizes[l]];
    }
  }

  /** A small tanh/softmax classifier: input -> hidden tanh -> classes softmax, cross_entropy. */
  public static ReferenceMlp classifier(
      int input, int hidden, int classes, long seed, double rate, double momentum) {
    return new ReferenceMlp(
        "Classifier",
        input,
        new int[] {hidden, classes},
        new String[] {"tanh", "softmax"},
        "cross_entropy",
        seed,
        rate,
        momentum);
  }

  private static NetworkSpec spec(
      String name, int input, int[] units, String[] activations, String loss, double momentum) {
    List<NetworkSpec.LayerSpec> layers = new ArrayList<>();
    StringBuilder canonical = new StringBuilder("input " + input + ";");
    for (int l = 0; l < units.length; l++) {
      layers.add(
          new NetworkSpec.LayerSpec("layer" + (l + 1), units[l], activations[l], Double.NaN));
      canonical.append("dense ").append(units[l]).append(' ').append(activations[l]).append(';');
    }
    canonical.append("loss ").append(loss).append(";precision double;");
    String fingerprint;
    try {
      fingerprint =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return new NetworkSpec(
        name,
        "test." + name,
        name + ".nn",
        input,
        layers,
        loss,
        "double",
        "sgd(rate = ?, momentum = " + momentum + ")",
        fingerprint);
  }

  @Override
  public NetworkSpec spec() {
    return spec;
  }

  @Override
  public int inputSize() {
    return sizes[0];
  }

  @Override
  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  private void forward(double[] input) {
    System.arraycopy(input, 0, x[0], 0, sizes[0]);
    for (int l = 1; l < sizes.length; l++) {
      double[] w = shared.w[l - 1];
      double[] b = shared.b[l - 1];
      int cols = sizes[l - 1];
      for (int i = 0; i < sizes[l]; i++) {
        double sum = b[i];
        for (int j = 0; j < cols; j++) {
          sum += w[i * cols + j] * x[l - 1][j];
        }
        z[l][i] = sum;
      }
      activate(activations[l - 1], z[l], x[l]);
    }
  }

  private static void activate(String f, double[] z, double[] out) {
    switch (f) {
      case "sigmoid" -> {
        for (int i = 0; i < z.length; i++) {
          out[i] = 1 / (1 + Math.exp(-z[i]));
        }
      }
      case "tanh" -> {
        for (int i = 0; i < z.length; i++) {
          out[i] = Math.tanh(z[i]);
        }
      }
      case "relu" -> {
        for (int i = 0; i < z.length; i++) {
          out[i] = Math.max(0, z[i]);
        }
      }
      case "linear" -> System.arraycopy(z, 0, out, 0, z.length);
      case "softmax" -> {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
          out[i] = Math.exp(z[i] - max);
          sum += out[i];
        }
        for (int i = 0; i < z.length; i++) {
          out[i] /= sum;
        }
      }
      default -> throw new IllegalArgumentException("activation " + f);
    }
  }

  private static double derivative(String f, double z, double y) {
    return switch (f) {
      case "sigmoid" -> y * (1 - y);
      case "tanh" -> 1 - y * y;
      case "relu" -> z > 0 ? 1 : 0;
      case "linear" -> 1;
      default -> throw new IllegalArgumentException("derivative of " + f);
    };
  }

  private double lossOf(double[] target) {
    double[] y = x[x.length - 1];
    double e = 0;
    for (int k = 0; k < y.length; k++) {
      if (spec.loss().equals("cross_entropy")) {
        if (target[k] != 0) {
          e -= target[k] * Math.log(y[k]);
        }
      } else {
        e += 0.5 * (y[k] - target[k]) * (y[k] - target[k]);
      }
    }
    return e;
  }

  @Override
  public void predict(double[] input, double[] output) {
    forward(input);
    System.arraycopy(x[x.length - 1], 0, output, 0, outputSize());
  }

  @Override
  public int classify(double[] input) {
    forward(input);
    double[] y = x[x.length - 1];
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
    return lossOf(target);
  }

  @Override
  public double accumulateGradient(double[] input, double[] target) {
    return accumulateGradient(input, target, 1.0);
  }

  /** The gradient of {@code weight * E}: the output delta times {@code weight}. */
  @Override
  public double accumulateGradient(double[] input, double[] target, double weight) {
    forward(input);
    int last = sizes.length - 1;
    double[] y = x[last];
    for (int k = 0; k < y.length; k++) {
      delta[last][k] =
          weight
              * (activations[last - 1].equals("softmax")
                  ? y[k] - target[k]
                  : (y[k] - target[k]) * derivative(activations[last - 1], z[last][k], y[k]));
    }
    for (int l = last; l >= 1; l--) {
      int cols = sizes[l - 1];
      double[] w = shared.w[l - 1];
      for (int i = 0; i < sizes[l]; i++) {
        db[l - 1][i] += delta[l][i];
        for (int j = 0; j < cols; j++) {
          dw[l - 1][i * cols + j] += delta[l][i] * x[l - 1][j];
        }
      }
      if (l > 1) {
        for (int j = 0; j < cols; j++) {
          double sum = 0;
          for (int i = 0; i < sizes[l]; i++) {
            sum += w[i * cols + j] * delta[l][i];
          }
          delta[l - 1][j] = sum * derivative(activations[l - 2], z[l - 1][j], x[l - 1][j]);
        }
      }
    }
    return weight * lossOf(target);
  }

  @Override
  public void applyGradient(double scale) {
    for (int l = 0; l < dw.length; l++) {
      update(shared.w[l], shared.vw[l], dw[l], scale);
      update(shared.b[l], shared.vb[l], db[l], scale);
    }
    shared.steps++;
    clearGradient();
  }

  private void update(double[] p, double[] v, double[] g, double scale) {
    for (int k = 0; k < p.length; k++) {
      double gradient = scale * g[k];
      if (shared.momentum == 0) {
        p[k] -= shared.rate * gradient;
      } else {
        v[k] = shared.momentum * v[k] - shared.rate * gradient;
        p[k] += v[k];
      }
    }
  }

  @Override
  public void clearGradient() {
    for (int l = 0; l < dw.length; l++) {
      java.util.Arrays.fill(dw[l], 0);
      java.util.Arrays.fill(db[l], 0);
    }
  }

  @Override
  public void addGradientFrom(CompiledNetwork other) {
    ReferenceMlp o = (ReferenceMlp) other;
    for (int l = 0; l < dw.length; l++) {
      for (int k = 0; k < dw[l].length; k++) {
        dw[l][k] += o.dw[l][k];
      }
      for (int k = 0; k < db[l].length; k++) {
        db[l][k] += o.db[l][k];
      }
    }
  }

  private List<ParameterTensor> views(double[][] ws, double[][] bs, String suffix) {
    List<ParameterTensor> views = new ArrayList<>();
    for (int l = 0; l < ws.length; l++) {
      String layer = spec.layers().get(l).name();
      views.add(
          Tensors.matrix(layer + ".weights" + suffix, ws[l], 0, sizes[l + 1], sizes[l], false));
      views.add(Tensors.vector(layer + ".bias" + suffix, bs[l], 0, sizes[l + 1]));
    }
    return views;
  }

  @Override
  public List<ParameterTensor> parameters() {
    return views(shared.w, shared.b, "");
  }

  @Override
  public List<ParameterTensor> gradients() {
    return views(dw, db, "");
  }

  @Override
  public List<ParameterTensor> optimizerState() {
    return shared.momentum == 0 ? List.of() : views(shared.vw, shared.vb, ".velocity");
  }

  @Override
  public long optimizerSteps() {
    return shared.steps;
  }

  @Override
  public void setOptimizerSteps(long steps) {
    shared.steps = steps;
  }

  @Override
  public List<String> hyperparameterNames() {
    return List.of("rate", "momentum");
  }

  @Override
  public double hyperparameter(String name) {
    return switch (name) {
      case "rate" -> shared.rate;
      case "momentum" -> shared.momentum;
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Override
  public void setHyperparameter(String name, double value) {
    switch (name) {
      case "rate" -> shared.rate = value;
      case "momentum" -> shared.momentum = value;
      default -> throw new IllegalArgumentException(name);
    }
  }

  @Override
  public void initialize() {
    for (int l = 0; l < dw.length; l++) {
      Initializers.xavier(weights(l + 1), bias(l + 1), seed, l + 1);
      java.util.Arrays.fill(shared.vw[l], 0);
      java.util.Arrays.fill(shared.vb[l], 0);
    }
    shared.steps = 0;
    clearGradient();
  }

  @Override
  public CompiledNetwork copy() {
    return new ReferenceMlp(spec, seed, shared);
  }

  /** The interface's default weighted gradient (through a copy), to test it against this one's. */
  public double defaultAccumulateGradient(double[] input, double[] target, double weight) {
    return CompiledNetwork.super.accumulateGradient(input, target, weight);
  }
}
