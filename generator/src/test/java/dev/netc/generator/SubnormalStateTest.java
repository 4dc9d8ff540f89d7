package dev.netc.generator;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optimizer state that decays far below the smallest normal number becomes exactly 0 (arithmetic on
 * subnormal numbers is about a hundred times slower), while state above it decays exactly as the
 * formula says: for momentum, Nesterov, Adam and RMSProp, in double and float, unrolled and looped,
 * through applyGradient and through the fused trainStep.
 */
class SubnormalStateTest {
  private static final Optimizer[] OPTIMIZERS = {
    new Optimizer.Sgd(0.1, 0.9, false),
    new Optimizer.Sgd(0.1, 0.9, true),
    new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8),
    new Optimizer.RmsProp(0.01, 0.9, 1e-8),
  };

  /** The factor one step with a zero gradient multiplies each state array of {@code o} by. */
  private static double[] decay(Optimizer o) {
    if (o instanceof Optimizer.Adam adam) {
      return new double[] {adam.beta1(), adam.beta2()};
    }
    if (o instanceof Optimizer.RmsProp rms) {
      return new double[] {rms.rho()};
    }
    return new double[] {((Optimizer.Sgd) o).momentum()};
  }

  @Test
  void stateBelowTheSmallestNormalNumberIsFlushedToZero() {
    List<Network> networks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int o = 0; o < OPTIMIZERS.length; o++) {
      for (Precision precision : Precision.values()) {
        for (int input : new int[] {3, 200}) {
          String name = "Flush" + o + precision.name().charAt(0) + input;
          networks.add(
              Nets.network(name, input)
                  .dense(input == 3 ? 4 : 64, Activation.TANH)
                  .dense(2, Activation.SOFTMAX)
                  .loss(Loss.CROSS_ENTROPY)
                  .optimizer(OPTIMIZERS[o])
                  .precision(precision)
                  .build());
          names.add(name);
        }
      }
    }
    Compiled compiled = Compiled.of(networks);
    for (int n = 0; n < names.size(); n++) {
      Optimizer optimizer = OPTIMIZERS[n / 4];
      boolean isFloat = n % 4 >= 2;
      for (boolean fused : new boolean[] {false, true}) {
        check(compiled.create(names.get(n)), names.get(n), decay(optimizer), isFloat, fused);
      }
    }
  }

  private static void check(
      CompiledNetwork net, String name, double[] decay, boolean isFloat, boolean fused) {
    double min = isFloat ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    // Input 0 is 0 in the example below, so every weight of column 0 of layer 1 gets gradient 0.
    String weights = net.parameters().get(0).name() + ".";
    List<ParameterTensor> states = new ArrayList<>();
    for (ParameterTensor s : net.optimizerState()) {
      if (s.name().startsWith(weights)) {
        states.add(s);
      }
    }
    assertWithMessage("%s: state arrays of layer 1's weights", name)
        .that(states)
        .hasSize(decay.length);
    int cols = states.get(0).cols();
    for (ParameterTensor s : states) {
      s.set(0, 1.0005 * min); // one step takes it below min
      s.set(cols, 1e-3); // stays far above
      s.set(2 * cols, isFloat ? 1e-25 : 1e-280); // tiny but normal: rounded, never subnormal
    }
    double[] x = new double[net.inputSize()];
    x[1] = 0.5;
    double[] t = {1, 0};
    if (fused) {
      net.trainStep(x, t);
    } else {
      net.accumulateGradient(x, t);
      net.applyGradient(1.0);
    }
    for (int k = 0; k < states.size(); k++) {
      ParameterTensor s = states.get(k);
      double expected = isFloat ? (float) decay[k] * (float) 1e-3 : decay[k] * 1e-3;
      assertWithMessage(
              "%s (%s): %s[0] after a step with gradient 0",
              name, fused ? "trainStep" : "applyGradient", s.name())
          .that(s.get(0))
          .isEqualTo(0.0);
      assertWithMessage(
              "%s (%s): %s[%s] after a step with gradient 0",
              name, fused ? "trainStep" : "applyGradient", s.name(), cols)
          .that(s.get(cols))
          .isEqualTo(expected);
      double tiny = s.get(2 * cols);
      double exact = decay[k] * (isFloat ? 1e-25 : 1e-280);
      assertWithMessage("%s: %s[%s] = %s is 0 or normal", name, s.name(), 2 * cols, tiny)
          .that(tiny == 0 || Math.abs(tiny) >= min)
          .isTrue();
      // within half a unit of the rounding grid, 2^-952 (float 2^-103)
      assertWithMessage("%s: %s[%s]", name, s.name(), 2 * cols)
          .that(Math.abs(tiny - exact))
          .isAtMost(isFloat ? 0x1p-104 + Math.ulp((float) exact) : 0x1p-953);
    }
  }
}
