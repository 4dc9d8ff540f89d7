package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Central differences in double over convolution and pooling networks: every activation on the
 * convolutions, stride 1 and 2, valid and same padding, windows written out (valid, up to 5x5) and
 * looped (same padding, clipped at the border), 1-D and 2-D, one and several channels, max and
 * average pooling (also overlapping, and pooling straight on the input), a convolution over a
 * convolution, with l2 and clip; every weight and bias within 1e-8 + 1e-6 max(|analytic|,
 * |numeric|), h = 1e-6.
 */
class ConvGradientCheckTest {
  /** Network bodies; {@code %1$s} is the activation of the convolutions. */
  static final String[] SHAPES = {
    "input 6 x 6 x 1; conv 3 3x3 %1$s; maxpool 2x2; dense 3 softmax; loss cross_entropy;",
    "input 7 x 7 x 2; conv 4 3x3 %1$s stride 2 padding same; avgpool 2x2;"
        + " conv 2 2x2 %1$s padding same; dense 2 sigmoid; loss binary_cross_entropy;",
    "input 12 x 1 x 3; conv 3 3x1 %1$s padding same; maxpool 2x1; conv 2 3x1 %1$s;"
        + " dense 2 linear; loss squared_error;",
    "input 10 x 10 x 2; maxpool 2x2; conv 3 3x3 %1$s stride 2; conv 2 1x1 %1$s;"
        + " dense 3 softmax; loss cross_entropy;",
    "input 9 x 9 x 1; conv 2 5x5 %1$s stride 2 padding same; maxpool 3x3 stride 1;"
        + " dense 4 %1$s; dense 2 softmax; loss cross_entropy;",
    "input 8 x 8 x 2; conv 2 5x5 %1$s; avgpool 2x2; dense 2 linear; loss mean_squared_error;"
  };

  static final String[] ACTIVATIONS = {
    "sigmoid", "tanh", "relu", "leaky_relu(0.2)", "elu(0.7)", "softplus", "linear"
  };

  static final String[] EXTRAS = {
    "", "regularize l2(0.01);", "clip value(0.1);", "regularize l2(0.003); clip norm(0.5);"
  };

  record Case(String name, Network network, Loss loss, long seed) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    int n = 0;
    for (int a = 0; a < ACTIVATIONS.length; a++) {
      for (int s = 0; s < 2; s++) {
        String shape = SHAPES[(a * 2 + s) % SHAPES.length];
        String name = "ConvGrad" + n;
        String text =
            "network "
                + name
                + " { "
                + String.format(shape, ACTIVATIONS[a])
                + " init xavier(seed = "
                + (n + 1)
                + "); "
                + EXTRAS[n % EXTRAS.length]
                + " }";
        Network network = Nets.parse(text);
        CASES.add(new Case(name, network, network.loss(), 2000L + n));
        n++;
      }
    }
    compiled = Compiled.of(CASES.stream().map(Case::network).toList());
  }

  @Test
  void everyActivationOverConvolutionAndPoolingMatchesCentralDifferences() {
    assertThat(CASES.size()).isAtLeast(14);
    int checked = 0;
    for (Case c : CASES) {
      CompiledNetwork net = compiled.create(c.name());
      double[][][] data = GradientCheckTest.examples(net, c.loss(), c.seed(), 2);
      GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
      assertWithMessage(
              "%s (%s, l2 %s, clip %s): worst %s",
              c.name(),
              c.network().topology(),
              c.network().regularizer(),
              c.network().clip(),
              result.worst())
          .that(result.passed())
          .isTrue();
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(1000);
  }
}
