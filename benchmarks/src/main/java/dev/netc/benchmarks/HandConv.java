package dev.netc.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline for convolutional networks: the straightforward Java a competent developer writes for a
 * LeNet-size network in double, with no code generation and no im2col buffers. Tensors are HWC
 * (element (y, x, c) of an H x W x C tensor at {@code (y * W + x) * C + c}), a conv layer's weights
 * one row per filter in (ky, kx, c) order, as in netc's language; loops run with the channels
 * innermost. One step sums the gradients of its examples (the language's {@code sum} reduction),
 * then adds {@code l2 * w} to the weights' gradient, clips each component to a value and the whole
 * gradient to a norm, and applies SGD (with momentum, optionally nesterov), Adam, RMSprop or
 * AdaGrad as the language defines them. Nothing allocates after construction.
 *
 * <p>Build it with {@link #input}, the layer methods and {@link #loss}, then {@link #build}.
 */
final class HandConv {

  /** The activations this baseline knows. */
  enum Act {
    LINEAR,
    RELU,
    LEAKY_RELU,
    ELU,
    TANH,
    SIGMOID,
    SOFTPLUS,
    SOFTMAX;

    static Act of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** The losses this baseline knows. */
  enum Loss {
    SQUARED_ERROR,
    CROSS_ENTROPY,
    BINARY_CROSS_ENTROPY;

    static Loss of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** One layer: its input and output sizes, scratch, parameters and gradients. */
  private abstract static class Layer {
    int inH;
    int inW;
    int inC;
    int outH;
    int outW;
    int outC;
    double[] out;

    /** dE/d(out) while backward runs. */
    double[] dOut;

    double[] w = new double[0];
    double[] b = new double[0];
    double[] dw = new double[0];
    double[] db = new double[0];
    double[] mw;
    double[] mb;
    double[] vw;
    double[] vb;

    int outSize() {
      return outH * outW * outC;
    }

    abstract void forward(double[] in);

    /** Accumulates this layer's gradients from {@link #dOut}; adds dE/d(in) to {@code dIn}. */
    abstract void backward(double[] in, double[] dIn);
  }

  /** An activation applied to z in place of out; its derivative from z and out. */
  private static final class Activation {
    final Act act;
    final double a;

    Activation(Act act, double a) {
      this.act = act;
      this.a = a;
    }

    double apply(double z) {
      return switch (act) {
        case LINEAR, SOFTMAX -> z;
        case RELU -> z > 0 ? z : 0;
        case LEAKY_RELU -> z > 0 ? z : a * z;
        case ELU -> z > 0 ? z : a * (Math.exp(z) - 1);
        case TANH -> Math.tanh(z);
        case SIGMOID -> 1 / (1 + Math.exp(-z));
        case SOFTPLUS -> z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      };
    }

    double derivative(double z, double f) {
      return switch (act) {
        case LINEAR, SOFTMAX -> 1;
        case RELU -> z > 0 ? 1 : 0;
        case LEAKY_RELU -> z > 0 ? 1 : a;
        case ELU -> z > 0 ? 1 : f + a;
        case TANH -> 1 - f * f;
        case SIGMOID -> f * (1 - f);
        case SOFTPLUS -> 1 / (1 + Math.exp(-z));
      };
    }
  }

  private static final class Conv extends Layer {
    final int filters;
    final int kh;
    final int kw;
    final int stride;
    final boolean same;
    final Activation f;
    int padTop;
    int padLeft;
    double[] z;

    Conv(int filters, int kh, int kw, int stride, boolean same, Activation f) {
      this.filters = filters;
      this.kh = kh;
      this.kw = kw;
      this.stride = stride;
      this.same = same;
      this.f = f;
    }

    void shape() {
      if (same) {
        outH = (inH + stride - 1) / stride;
        outW = (inW + stride - 1) / stride;
        padTop = Math.max((outH - 1) * stride + kh - inH, 0) / 2;
        padLeft = Math.max((outW - 1) * stride + kw - inW, 0) / 2;
      } else {
        outH = (inH - kh) / stride + 1;
        outW = (inW - kw) / stride + 1;
      }
      outC = filters;
      w = new double[filters * kh * kw * inC];
      b = new double[filters];
      z = new double[outSize()];
    }

    @Override
    void forward(double[] in) {
      int fan = kh * kw * inC;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          int o = (oy * outW + ox) * filters;
          for (int k = 0; k < filters; k++) {
            double sum = b[k];
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * stride + ky - padTop;
              if (iy < 0 || iy >= inH) {
                continue;
              }
              for (int kx = 0; kx < kw; kx++) {
                int ix = ox * stride + kx - padLeft;
                if (ix < 0 || ix >= inW) {
                  continue;
                }
                int wi = k * fan + (ky * kw + kx) * inC;
                int ii = (iy * inW + ix) * inC;
                for (int c = 0; c < inC; c++) {
                  sum += w[wi + c] * in[ii + c];
                }
              }
            }
            z[o + k] = sum;
            out[o + k] = f.apply(sum);
          }
        }
      }
    }

    @Override
    void backward(double[] in, double[] dIn) {
      int fan = kh * kw * inC;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          int o = (oy * outW + ox) * filters;
          for (int k = 0; k < filters; k++) {
            double d = dOut[o + k] * f.derivative(z[o + k], out[o + k]);
            db[k] += d;
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * stride + ky - padTop;
              if (iy < 0 || iy >= inH) {
                continue;
              }
              for (int kx = 0; kx < kw; kx++) {
                int ix = ox * stride + kx - padLeft;
                if (ix < 0 || ix >= inW) {
                  continue;
                }
                int wi = k * fan + (ky * kw + kx) * inC;
                int ii = (iy * inW + ix) * inC;
                for (int c = 0; c < inC; c++) {
                  dw[wi + c] += d * in[ii + c];
                }
                if (dIn != null) {
                  for (int c = 0; c < inC; c++) {
                    dIn[ii + c] += d * w[wi + c];
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  private static final class Pool extends Layer {
    final boolean max;
    final int kh;
    final int kw;
    final int sy;
    final int sx;
    int[] argmax;

    Pool(boolean max, int kh, int kw, int sy, int sx) {
      this.max = max;
      this.kh = kh;
      this.kw = kw;
      this.sy = sy;
      this.sx = sx;
    }

    void shape() {
      outH = (inH - kh) / sy + 1;
      outW = (inW - kw) / sx + 1;
      outC = inC;
      argmax = new int[outSize()];
    }

    @Override
    void forward(double[] in) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          int o = (oy * outW + ox) * outC;
          for (int c = 0; c < outC; c++) {
            double best = Double.NEGATIVE_INFINITY;
            int at = -1;
            double sum = 0;
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                int i = ((oy * sy + ky) * inW + ox * sx + kx) * inC + c;
                sum += in[i];
                if (in[i] > best) { // the first largest wins ties
                  best = in[i];
                  at = i;
                }
              }
            }
            out[o + c] = max ? best : sum / (kh * kw);
            argmax[o + c] = at;
          }
        }
      }
    }

    @Override
    void backward(double[] in, double[] dIn) {
      if (dIn == null) {
        return;
      }
      double share = 1.0 / (kh * kw);
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          int o = (oy * outW + ox) * outC;
          for (int c = 0; c < outC; c++) {
            if (max) {
              dIn[argmax[o + c]] += dOut[o + c];
              continue;
            }
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                dIn[((oy * sy + ky) * inW + ox * sx + kx) * inC + c] += dOut[o + c] * share;
              }
            }
          }
        }
      }
    }
  }

  private static final class Dense extends Layer {
    final int units;
    final Activation f;
    double[] z;

    /** True for the output layer of softmax or sigmoid with its matching loss: dOut is dE/dz. */
    boolean dOutIsDz;

    Dense(int units, Activation f) {
      this.units = units;
      this.f = f;
    }

    void shape() {
      outH = 1;
      outW = 1;
      outC = units;
      w = new double[units * inH * inW * inC];
      b = new double[units];
      z = new double[units];
    }

    @Override
    void forward(double[] in) {
      int n = in.length;
      for (int i = 0; i < units; i++) {
        double sum = b[i];
        for (int j = 0; j < n; j++) {
          sum += w[i * n + j] * in[j];
        }
        z[i] = sum;
      }
      if (f.act == Act.SOFTMAX) {
        double top = Double.NEGATIVE_INFINITY;
        for (double v : z) {
          top = Math.max(top, v);
        }
        double total = 0;
        for (int i = 0; i < units; i++) {
          out[i] = Math.exp(z[i] - top);
          total += out[i];
        }
        for (int i = 0; i < units; i++) {
          out[i] /= total;
        }
      } else {
        for (int i = 0; i < units; i++) {
          out[i] = f.apply(z[i]);
        }
      }
    }

    @Override
    void backward(double[] in, double[] dIn) {
      int n = in.length;
      for (int i = 0; i < units; i++) {
        double d = dOutIsDz ? dOut[i] : dOut[i] * f.derivative(z[i], out[i]);
        db[i] += d;
        for (int j = 0; j < n; j++) {
          dw[i * n + j] += d * in[j];
        }
        if (dIn != null) {
          for (int j = 0; j < n; j++) {
            dIn[j] += d * w[i * n + j];
          }
        }
      }
    }
  }

  private final List<Layer> layers = new ArrayList<>();
  private int inH;
  private int inW;
  private int inC;
  private Loss loss = Loss.SQUARED_ERROR;

  /** The optimizers this baseline knows. */
  enum Optimizer {
    SGD,
    ADAM,
    RMSPROP,
    ADAGRAD
  }

  private Optimizer optimizer = Optimizer.SGD;
  private double rate = 0.01;
  private double momentum;
  private boolean nesterov;
  private double rho = 0.9;
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-8;
  private double l2;
  private double clipNorm = Double.POSITIVE_INFINITY;
  private double clipValue = Double.POSITIVE_INFINITY;
  private long steps;
  private double[] input;

  /** Starts a network on an H x W x C input. */
  static HandConv input(int height, int width, int channels) {
    HandConv net = new HandConv();
    net.inH = height;
    net.inW = width;
    net.inC = channels;
    return net;
  }

  HandConv conv(int filters, int kh, int kw, int stride, boolean same, Act act, double a) {
    layers.add(new Conv(filters, kh, kw, stride, same, new Activation(act, a)));
    return this;
  }

  HandConv pool(boolean max, int kh, int kw, int sy, int sx) {
    layers.add(new Pool(max, kh, kw, sy, sx));
    return this;
  }

  HandConv dense(int units, Act act, double a) {
    layers.add(new Dense(units, new Activation(act, a)));
    return this;
  }

  HandConv loss(Loss loss) {
    this.loss = loss;
    return this;
  }

  HandConv sgd(double rate, double momentum, boolean nesterov) {
    this.optimizer = Optimizer.SGD;
    this.rate = rate;
    this.momentum = momentum;
    this.nesterov = nesterov;
    return this;
  }

  HandConv rmsprop(double rate, double rho, double epsilon) {
    this.optimizer = Optimizer.RMSPROP;
    this.rate = rate;
    this.rho = rho;
    this.epsilon = epsilon;
    return this;
  }

  HandConv adagrad(double rate, double epsilon) {
    this.optimizer = Optimizer.ADAGRAD;
    this.rate = rate;
    this.epsilon = epsilon;
    return this;
  }

  HandConv adam(double rate, double beta1, double beta2, double epsilon) {
    this.optimizer = Optimizer.ADAM;
    this.rate = rate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    return this;
  }

  HandConv l2(double lambda) {
    this.l2 = lambda;
    return this;
  }

  HandConv clipNorm(double max) {
    this.clipNorm = max;
    return this;
  }

  HandConv clipValue(double max) {
    this.clipValue = max;
    return this;
  }

  /** Fixes the shapes and allocates every array (parameters zero; set them with {@link #w}). */
  HandConv build() {
    int h = inH;
    int w = inW;
    int c = inC;
    for (Layer layer : layers) {
      layer.inH = h;
      layer.inW = w;
      layer.inC = c;
      if (layer instanceof Conv conv) {
        conv.shape();
      } else if (layer instanceof Pool pool) {
        pool.shape();
      } else {
        ((Dense) layer).shape();
      }
      layer.out = new double[layer.outSize()];
      layer.dOut = new double[layer.outSize()];
      layer.dw = new double[layer.w.length];
      layer.db = new double[layer.b.length];
      layer.mw = new double[layer.w.length];
      layer.mb = new double[layer.b.length];
      layer.vw = new double[layer.w.length];
      layer.vb = new double[layer.b.length];
      h = layer.outH;
      w = layer.outW;
      c = layer.outC;
    }
    Dense output = (Dense) layers.get(layers.size() - 1);
    if (output.f.act == Act.SOFTMAX && loss != Loss.CROSS_ENTROPY) {
      throw new IllegalArgumentException("this baseline has softmax only with cross_entropy");
    }
    output.dOutIsDz =
        (loss == Loss.CROSS_ENTROPY && output.f.act == Act.SOFTMAX)
            || (loss == Loss.BINARY_CROSS_ENTROPY && output.f.act == Act.SIGMOID);
    input = new double[inH * inW * inC];
    return this;
  }

  /** Layer {@code l}'s weights (filters x (kh * kw * c) or units x inputs, row-major), live. */
  double[] w(int l) {
    return layers.get(l).w;
  }

  /** Layer {@code l}'s biases, live. */
  double[] b(int l) {
    return layers.get(l).b;
  }

  /** Layer {@code l}'s summed weight gradient of the current step, live. */
  double[] dw(int l) {
    return layers.get(l).dw;
  }

  /** Layer {@code l}'s summed bias gradient of the current step, live. */
  double[] db(int l) {
    return layers.get(l).db;
  }

  /** Layer {@code l}'s output for the last forward pass, live. */
  double[] output(int l) {
    return layers.get(l).out;
  }

  int layerCount() {
    return layers.size();
  }

  /** The network's output for {@code x}. */
  double[] forward(double[] x) {
    System.arraycopy(x, 0, input, 0, input.length);
    double[] in = input;
    for (Layer layer : layers) {
      layer.forward(in);
      in = layer.out;
    }
    return in;
  }

  /** The loss of the last forward pass against {@code t}. */
  double loss(double[] t) {
    double[] y = layers.get(layers.size() - 1).out;
    double e = 0;
    for (int k = 0; k < y.length; k++) {
      e +=
          switch (loss) {
            case SQUARED_ERROR -> 0.5 * (y[k] - t[k]) * (y[k] - t[k]);
            case CROSS_ENTROPY -> -t[k] * Math.log(y[k]);
            case BINARY_CROSS_ENTROPY -> -(t[k] * Math.log(y[k]) + (1 - t[k]) * Math.log(1 - y[k]));
          };
    }
    return e;
  }

  /** Forward and backward for one example, adding its gradient to the step's. */
  void accumulate(double[] x, double[] t) {
    forward(x);
    Dense output = (Dense) layers.get(layers.size() - 1);
    for (int k = 0; k < t.length; k++) {
      // softmax with cross_entropy, sigmoid with binary_cross_entropy: dE/dz = y - t
      output.dOut[k] = output.out[k] - t[k];
    }
    for (int l = layers.size() - 1; l >= 0; l--) {
      Layer layer = layers.get(l);
      double[] in = l == 0 ? input : layers.get(l - 1).out;
      double[] dIn = null;
      if (l > 0) {
        dIn = layers.get(l - 1).dOut;
        java.util.Arrays.fill(dIn, 0);
      }
      layer.backward(in, dIn);
    }
  }

  /** Clears the step's gradients. */
  void zeroGradients() {
    for (Layer layer : layers) {
      java.util.Arrays.fill(layer.dw, 0);
      java.util.Arrays.fill(layer.db, 0);
    }
  }

  /** One step over {@code count} examples: sum their gradients, then update. */
  void trainStep(double[][] xs, double[][] ts, int from, int count) {
    zeroGradients();
    for (int e = from; e < from + count; e++) {
      accumulate(xs[e], ts[e]);
    }
    update();
  }

  /** l2, clipping, then the optimizer, on the gradients accumulated since the last clear. */
  void update() {
    double norm = 0;
    for (Layer layer : layers) {
      for (int i = 0; i < layer.w.length; i++) {
        layer.dw[i] = clamp(layer.dw[i] + l2 * layer.w[i]);
        norm += layer.dw[i] * layer.dw[i];
      }
      for (int i = 0; i < layer.b.length; i++) {
        layer.db[i] = clamp(layer.db[i]);
        norm += layer.db[i] * layer.db[i];
      }
    }
    norm = Math.sqrt(norm);
    double scale = norm > clipNorm ? clipNorm / norm : 1;
    steps++;
    for (Layer layer : layers) {
      apply(layer.w, layer.dw, layer.mw, layer.vw, scale);
      apply(layer.b, layer.db, layer.mb, layer.vb, scale);
    }
  }

  private double clamp(double g) {
    return Math.max(-clipValue, Math.min(clipValue, g));
  }

  private void apply(double[] p, double[] g, double[] m, double[] v, double scale) {
    switch (optimizer) {
      case ADAM -> {
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < p.length; i++) {
          double gi = g[i] * scale;
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
          p[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
      }
      case RMSPROP -> {
        for (int i = 0; i < p.length; i++) {
          double gi = g[i] * scale;
          v[i] = rho * v[i] + (1 - rho) * gi * gi;
          p[i] -= rate * gi / (Math.sqrt(v[i]) + epsilon);
        }
      }
      case ADAGRAD -> {
        for (int i = 0; i < p.length; i++) {
          double gi = g[i] * scale;
          v[i] += gi * gi;
          p[i] -= rate * gi / (Math.sqrt(v[i]) + epsilon);
        }
      }
      case SGD -> {
        for (int i = 0; i < p.length; i++) {
          double gi = g[i] * scale;
          m[i] = momentum * m[i] - rate * gi; // m is the velocity
          p[i] += nesterov ? momentum * m[i] - rate * gi : m[i];
        }
      }
    }
  }
}
