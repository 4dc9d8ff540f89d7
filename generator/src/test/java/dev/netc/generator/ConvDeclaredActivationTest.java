package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Convolution layers whose activation is declared in the language, the prelude's (gelu, silu,
 * swish, mish, selu, hard_tanh) and the file's, with arguments: central differences in double
 * through max and average pooling, a convolution and a dense layer above, with and without dropout
 * (also an activation whose derivative reads its output, which dropout scales in place); float
 * against double; and a declared {@code tanh} against the built-in, value for value.
 */
class ConvDeclaredActivationTest {
  static final String DECLARATIONS =
      "activation scaled_tanh(x, a = 1.7159, b = 0.6667) = a * tanh(b * x);\n"
          + "activation my_sigmoid(x) = sigmoid(x);\n"
          + "activation my_tanh(x) = tanh(x);\n";

  /** Network bodies; {@code %1$s} is the activation of the convolutions. */
  static final String[] BODIES = {
    "input 6 x 6 x 1; conv 3 3x3 %1$s; maxpool 2x2; dense 3 softmax; loss cross_entropy;",
    "input 7 x 7 x 2; conv 4 3x3 %1$s stride 2 padding same; avgpool 2x2;"
        + " conv 2 2x2 %1$s padding same; dense 2 sigmoid; loss binary_cross_entropy;",
    "input 6 x 6 x 2; conv 3 3x3 %1$s dropout(0.3); conv 2 3x3 %1$s; dense 4 %1$s;"
        + " dense 2 linear; loss squared_error; regularize l2(0.01);",
    "input 8 x 8 x 1; conv 2 3x3 %1$s dropout(0.25); avgpool 2x2; dense 2 softmax;"
        + " loss cross_entropy;",
  };

  static final String[] ACTIVATIONS = {
    "gelu",
    "swish",
    "silu",
    "mish",
    "selu",
    "hard_tanh(low = -0.8, high = 0.9)",
    "gelu_exact",
    "my_sigmoid",
    "scaled_tanh(b = 0.5)",
  };

  record Case(String name, Network network) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  private static Network parse(String name, String body, String activation, String extra) {
    return Nets.parse(
        DECLARATIONS
            + "network "
            + name
            + " { "
            + String.format(body, activation)
            + " "
            + extra
            + " }");
  }

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    int n = 0;
    for (String activation : ACTIVATIONS) {
      for (int k = 0; k < 2; k++) {
        // the odd activations get the bodies with dropout
        String body = BODIES[(2 * n + k) % BODIES.length];
        String name = "Declared" + n + "x" + k;
        Network network = parse(name, body, activation, "init xavier(seed = " + (n + 1) + ");");
        CASES.add(new Case(name, network));
        networks.add(network);
        Network single = Nets.rename(network, name + "F", Precision.FLOAT);
        CASES.add(new Case(single.name(), single));
        networks.add(single);
      }
      n++;
    }
    networks.add(parse("MyTanh", BODIES[1], "my_tanh", "init xavier(seed = 9);"));
    networks.add(parse("BuiltInTanh", BODIES[1], "tanh", "init xavier(seed = 9);"));
    compiled = Compiled.of(networks);
  }

  @Test
  void everyNetworkUsesItsDeclaredActivationOnItsConvolutions() {
    for (Case c : CASES) {
      ConvLayer conv = (ConvLayer) c.network().features().get(0);
      assertWithMessage(c.name()).that(conv.declared()).isPresent();
    }
    assertThat(CASES.size()).isEqualTo(4 * ACTIVATIONS.length);
  }

  @Test
  void theGradientIsTheCentralDifferenceOfTheLoss() {
    int checked = 0;
    for (Case c : CASES) {
      if (c.network().precision() == Precision.FLOAT) {
        continue;
      }
      CompiledNetwork net = compiled.create(c.name());
      double[][][] data = GradientCheckTest.examples(net, c.network().loss(), 71, 3);
      GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
      assertWithMessage("%s (%s): worst %s", c.name(), c.network().topology(), result.worst())
          .that(result.passed())
          .isTrue();
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void theFloatClassFollowsTheDoubleClass() {
    for (Case c : CASES) {
      if (c.network().precision() == Precision.FLOAT) {
        continue;
      }
      CompiledNetwork wide = compiled.create(c.name());
      CompiledNetwork single = compiled.create(c.name() + "F");
      double[][][] data = GradientCheckTest.examples(wide, c.network().loss(), 72, 4);
      GradientCheckTest.examples(single, c.network().loss(), 72, 4);
      if (wide instanceof DropoutNetwork w && single instanceof DropoutNetwork s) {
        DropoutChecks.assertFloatFollowsDouble(c.name(), w, s, data);
        continue;
      }
      DropoutChecks.copyParameters(single, wide);
      for (int e = 0; e < 4; e++) {
        double[] a = wide.predict(data[0][e]);
        double[] b = single.predict(data[0][e]);
        for (int k = 0; k < a.length; k++) {
          assertWithMessage("%s output %s[%s]", c.name(), e, k)
              .that(b[k])
              .isWithin(1e-5 + 1e-4 * Math.abs(a[k]))
              .of(a[k]);
        }
        double la = wide.accumulateGradient(data[0][e], data[1][e]);
        double lb = single.accumulateGradient(data[0][e], data[1][e]);
        assertWithMessage("%s loss %s", c.name(), e)
            .that(lb)
            .isWithin(1e-5 + 1e-4 * Math.abs(la))
            .of(la);
      }
    }
  }

  @Test
  void aDeclaredTanhComputesWhatTheBuiltInComputes() {
    CompiledNetwork declared = compiled.create("MyTanh");
    CompiledNetwork builtIn = compiled.create("BuiltInTanh");
    double[][][] data = GradientCheckTest.examples(builtIn, Loss.BINARY_CROSS_ENTROPY, 5, 4);
    GradientCheckTest.examples(declared, Loss.BINARY_CROSS_ENTROPY, 5, 4);
    for (int e = 0; e < 4; e++) {
      double[] a = builtIn.predict(data[0][e]);
      double[] b = declared.predict(data[0][e]);
      for (int k = 0; k < a.length; k++) {
        assertWithMessage("output %s[%s]", e, k).that(b[k]).isWithin(1e-12).of(a[k]);
      }
      double la = builtIn.accumulateGradient(data[0][e], data[1][e]);
      double lb = declared.accumulateGradient(data[0][e], data[1][e]);
      assertWithMessage("loss %s", e).that(lb).isWithin(1e-12).of(la);
    }
    List<double[]> g = ParameterBits.values(builtIn.gradients());
    List<double[]> f = ParameterBits.values(declared.gradients());
    for (int p = 0; p < g.size(); p++) {
      for (int k = 0; k < g.get(p).length; k++) {
        assertWithMessage("gradient %s[%s]", p, k)
            .that(f.get(p)[k])
            .isWithin(1e-12 + 1e-10 * Math.abs(g.get(p)[k]))
            .of(g.get(p)[k]);
      }
    }
  }
}
