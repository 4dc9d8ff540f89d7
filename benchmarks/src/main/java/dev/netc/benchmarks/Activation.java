package dev.netc.benchmarks;

/**
 * The activations the benchmark workloads use, written the plain way a developer would for the
 * hand-written baseline: one loop over the layer's vector, the derivative from the output value.
 */
enum Activation {
  TANH("tanh"),
  SIGMOID("sigmoid"),
  RELU("relu"),
  SOFTMAX("softmax");

  private final String dslName;

  Activation(String dslName) {
    this.dslName = dslName;
  }

  /** The activation's name in the language. */
  String dslName() {
    return dslName;
  }

  /** x = f(z), elementwise (softmax over the vector, stable: the max is subtracted first). */
  void apply(double[] z, double[] x) {
    int n = z.length;
    switch (this) {
      case TANH:
        for (int i = 0; i < n; i++) {
          x[i] = Math.tanh(z[i]);
        }
        break;
      case SIGMOID:
        for (int i = 0; i < n; i++) {
          x[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
        break;
      case RELU:
        for (int i = 0; i < n; i++) {
          x[i] = z[i] > 0.0 ? z[i] : 0.0;
        }
        break;
      case SOFTMAX:
        double max = z[0];
        for (int i = 1; i < n; i++) {
          max = Math.max(max, z[i]);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
          x[i] = Math.exp(z[i] - max);
          sum += x[i];
        }
        for (int i = 0; i < n; i++) {
          x[i] /= sum;
        }
        break;
      default:
        throw new AssertionError(this);
    }
  }

  /** f'(z) from y = f(z), for the hidden activations (softmax only ever meets cross-entropy). */
  double derivative(double y) {
    switch (this) {
      case TANH:
        return 1.0 - y * y;
      case SIGMOID:
        return y * (1.0 - y);
      case RELU:
        return y > 0.0 ? 1.0 : 0.0;
      default:
        throw new IllegalStateException("no elementwise derivative for " + this);
    }
  }

  /** Float version of {@link #apply(double[], double[])}. */
  void apply(float[] z, float[] x) {
    int n = z.length;
    switch (this) {
      case TANH:
        for (int i = 0; i < n; i++) {
          x[i] = (float) Math.tanh(z[i]);
        }
        break;
      case SIGMOID:
        for (int i = 0; i < n; i++) {
          x[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
        break;
      case RELU:
        for (int i = 0; i < n; i++) {
          x[i] = z[i] > 0f ? z[i] : 0f;
        }
        break;
      case SOFTMAX:
        float max = z[0];
        for (int i = 1; i < n; i++) {
          max = Math.max(max, z[i]);
        }
        float sum = 0f;
        for (int i = 0; i < n; i++) {
          x[i] = (float) Math.exp(z[i] - max);
          sum += x[i];
        }
        for (int i = 0; i < n; i++) {
          x[i] /= sum;
        }
        break;
      default:
        throw new AssertionError(this);
    }
  }

  /** Float version of {@link #derivative(double)}. */
  float derivative(float y) {
    switch (this) {
      case TANH:
        return 1f - y * y;
      case SIGMOID:
        return y * (1f - y);
      case RELU:
        return y > 0f ? 1f : 0f;
      default:
        throw new IllegalStateException("no elementwise derivative for " + this);
    }
  }
}
