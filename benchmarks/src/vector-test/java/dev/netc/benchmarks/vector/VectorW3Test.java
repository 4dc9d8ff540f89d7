package dev.netc.benchmarks.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.benchmarks.Examples;
import dev.netc.benchmarks.Networks;
import dev.netc.benchmarks.Precision;
import dev.netc.benchmarks.Workload;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API forms of W3 compute the generated classes' numbers bit for bit: per-row and block
 * predictions, losses, gradients and the parameters after two steps (a full batch of 32 and a batch
 * of 29 from row 1, which ends in rows outside a block of 4); also the float form with its block
 * loops in plain Java, the scalar reference of the benchmark.
 */
class VectorW3Test {

  @ParameterizedTest
  @ValueSource(strings = {"double", "float", "float plain"})
  void sameBitsAsTheGeneratedClass(String form) {
    String precision = form.split(" ")[0];
    Examples examples = Examples.of(Workload.W3);
    double[][] inputs = new double[Examples.COUNT][];
    double[][] targets = new double[Examples.COUNT][];
    for (int e = 0; e < Examples.COUNT; e++) {
      inputs[e] = examples.input(e);
      targets[e] = examples.target(e);
    }
    CompiledNetwork scalar = Networks.generated(Workload.W3, Precision.of(precision));
    VectorW3 vector =
        form.endsWith("plain") ? new VectorW3Float(scalar, true) : VectorW3.of(scalar, precision);

    for (int step = 0; step < 2; step++) {
      int from = step;
      int to = Examples.COUNT - 2 * step;
      double[] expected = new double[10];
      double[] actual = new double[10];
      double[][] block = new double[to - from][10];
      vector.predict(inputs, from, to, block);
      for (int e = from; e < to; e++) {
        scalar.predict(inputs[e], expected);
        vector.predict(inputs[e], actual);
        for (int k = 0; k < 10; k++) {
          assertBits(expected[k], actual[k], "row " + e + " output " + k);
          assertBits(expected[k], block[e - from][k], "block row " + e + " output " + k);
        }
      }
      double loss = scalar.accumulateGradient(inputs, targets, from, to);
      assertBits(loss, vector.accumulateGradient(inputs, targets, from, to), "loss");
      assertSame(scalar.gradients(), vector, true);
      scalar.applyGradient(1.0);
      vector.applyGradient(1.0);
      assertSame(scalar.parameters(), vector, false);
    }
  }

  private static void assertSame(List<ParameterTensor> tensors, VectorW3 vector, boolean gradient) {
    for (int t = 0; t < 4; t++) {
      ParameterTensor tensor = tensors.get(t);
      for (int i = 0; i < tensor.rows(); i++) {
        for (int j = 0; j < tensor.cols(); j++) {
          assertBits(
              tensor.get(i, j),
              value(vector, gradient, t, i, j),
              tensor.name() + (gradient ? " gradient" : "") + " [" + i + ", " + j + "]");
        }
      }
    }
  }

  /** Entry (i, j) of tensor t (W1, b1, W2, b2 or their gradients) of the Vector API form. */
  private static double value(VectorW3 vector, boolean gradient, int t, int i, int j) {
    if (vector instanceof VectorW3Double d) {
      return switch (t) {
        case 0 -> (gradient ? d.dw1 : d.w1)[j][i];
        case 1 -> (gradient ? d.db1 : d.b1)[i];
        case 2 -> (gradient ? d.dw2 : d.w2)[j][i];
        default -> (gradient ? d.db2 : d.b2)[i];
      };
    }
    VectorW3Float f = (VectorW3Float) vector;
    return switch (t) {
      case 0 -> (gradient ? f.dw1 : f.w1)[j][i];
      case 1 -> (gradient ? f.db1 : f.b1)[i];
      case 2 -> (gradient ? f.dw2 : f.w2)[j][i];
      default -> (gradient ? f.db2 : f.b2)[i];
    };
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
  }
}
