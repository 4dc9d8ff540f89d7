package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.generator.plan.Planner;
import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.source.SourceFile;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classes of networks whose activations are declared in the language: four typical declarations, a
 * declaration that calls every function of expressions, and every built-in of the prelude, on
 * hidden and output layers, with every loss, with l2 and both clips, on unrolled and looped layers.
 * The gradients against central differences in double; the fused step against accumulate and apply;
 * float classes against the double class.
 */
class DeclaredActivationTest {
  /** Four typical declarations (swish renamed: the prelude has one), and every function at once. */
  static final String DECLARATIONS =
      """
      activation my_swish(x) = x * sigmoid(x);
      activation scaled_tanh(x, a = 1.7159, b = 0.6667) = a * tanh(b * x);
      activation bent(x) = (sqrt(x^2 + 1) - 1) / 2 + x;
      activation my_elu(x, a = 1) = if(x > 0, x, a * (exp(x) - 1));
      activation sink(x, p = 2.5) = sin(x) * cos(x / 2) + abs(x)^p / 10 + log1p(x^2)
          - log(2 + exp(x)) / (1 + x^4) + max(x, -1) * min(x, 1) / 3 + erf(x) * softplus(-x)
          + sqrt(1 + x^2)^-1 + (2 + x^2)^-2 + tanh(x)^3 - if(x <= 0.3, x^2, -x) / 4;
      """;

  /** Each activation as a layer calls it. */
  static final List<String> ACTIVATIONS =
      List.of(
          "my_swish",
          "scaled_tanh(b = 0.5)",
          "bent",
          "my_elu(0.7)",
          "sink",
          "gelu",
          "gelu_exact",
          "silu",
          "swish",
          "mish",
          "selu",
          "hard_tanh(low = -0.8, high = 0.9)");

  /** Input, hidden..., output; 17 x 13 and 30 x 12 are above the unroll threshold (looped). */
  static final int[][] SHAPES = {{3, 4, 2}, {5, 6, 4, 3}, {17, 13, 3}, {2, 30, 12, 3}};

  record Case(String name, String activation, Loss loss, Network network) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  /** The networks of {@code text} (declarations and networks), which must check cleanly. */
  static List<Network> networks(String name, String text) {
    FrontEndResult result = NetcFrontEnd.check(new SourceFile(name + ".nn", text));
    assertWithMessage("%s: %s", name, result.diagnostics()).that(result.model()).isPresent();
    assertThat(result.diagnostics()).isEmpty();
    return result.model().get().networks();
  }

  @BeforeAll
  static void compileAll() {
    StringBuilder text = new StringBuilder(DECLARATIONS);
    List<String[]> heads =
        List.of(
            new String[] {"A", "squared_error", ""},
            new String[] {"A", "mean_squared_error", "regularize l2(0.01);"},
            new String[] {"softmax", "cross_entropy", "clip norm(0.5);"},
            new String[] {
              "sigmoid", "binary_cross_entropy", "regularize l2(0.003); clip value(0.1);"
            });
    List<String[]> names = new ArrayList<>();
    int n = 0;
    for (String activation : ACTIVATIONS) {
      for (String[] head : heads) {
        int[] shape = SHAPES[n % SHAPES.length];
        String name = "Declared" + n;
        text.append("network ").append(name).append(" {\n  input ").append(shape[0]).append(";\n");
        for (int l = 1; l < shape.length - 1; l++) {
          text.append("  dense ").append(shape[l]).append(' ').append(activation).append(";\n");
        }
        String out = head[0].equals("A") ? activation : head[0];
        text.append("  dense ").append(shape[shape.length - 1]).append(' ').append(out);
        text.append(";\n  loss ").append(head[1]).append(";\n  init xavier(seed = ");
        text.append(n).append(");\n  ").append(head[2]).append("\n}\n");
        names.add(new String[] {name, activation, head[1]});
        n++;
      }
    }
    List<Network> networks = networks("declared", text.toString());
    for (int k = 0; k < networks.size(); k++) {
      String[] c = names.get(k);
      assertThat(networks.get(k).name()).isEqualTo(c[0]);
      CASES.add(new Case(c[0], c[1], Loss.valueOf(c[2].toUpperCase()), networks.get(k)));
    }
    compiled = Compiled.of(CASES.stream().map(Case::network).toList());
  }

  @Test
  void gradientsMatchCentralDifferences() {
    assertThat(CASES).hasSize(ACTIVATIONS.size() * 4);
    int checked = 0;
    for (Case c : CASES) {
      CompiledNetwork net = compiled.create(c.name());
      double[][][] data = GradientCheckTest.examples(net, c.loss(), c.name().hashCode(), 3);
      GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
      assertWithMessage(
              "%s (%s, %s, %s): worst %s",
              c.name(), c.activation(), c.network().topology(), c.loss().dslName(), result.worst())
          .that(result.passed())
          .isTrue();
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(3000);
  }

  @Test
  void fusedTrainStepEqualsAccumulateThenApply() {
    for (Case c : CASES) {
      CompiledNetwork fused = compiled.create(c.name());
      CompiledNetwork plain = compiled.create(c.name());
      double[][][] data = GradientCheckTest.examples(fused, c.loss(), 7, 4);
      GradientCheckTest.examples(plain, c.loss(), 7, 4);
      for (int step = 0; step < 4; step++) {
        double a = fused.trainStep(data[0][step], data[1][step]);
        double b = plain.accumulateGradient(data[0][step], data[1][step]);
        plain.applyGradient(1.0);
        assertWithMessage("%s loss", c.name()).that(a).isEqualTo(b);
      }
      for (int p = 0; p < fused.parameters().size(); p++) {
        assertWithMessage("%s %s", c.name(), fused.parameters().get(p).name())
            .that(fused.parameters().get(p).toArray())
            .isEqualTo(plain.parameters().get(p).toArray());
      }
    }
  }

  @Test
  void longFormulasStayWithinTheMethodBudget() {
    StringBuilder f = new StringBuilder("activation long(x) = x");
    for (int k = 1; k <= 30; k++) {
      f.append(" + 0.01 * tanh(x / ").append(k).append(" + ").append(k).append(" * sin(x))");
    }
    f.append(";\n");
    // unrolled layers of 10 x 12, 12 x 14 and 14 x 3 weights, with their propagate blocks
    String text =
        f
            + """
            network Long {
              input 10;
              dense 12 long;
              dense 14 long;
              dense 3 long;
              loss squared_error;
              optimizer adam(rate = 0.01);
            }
            """;
    List<Network> networks = networks("long", text);
    Compiled classes = Compiled.of(networks);
    for (Map.Entry<String, byte[]> file : classes.classFiles().entrySet()) {
      for (Map.Entry<String, Integer> method :
          ClassFiles.read(file.getValue()).codeLengths().entrySet()) {
        assertWithMessage("%s.%s bytecode bytes", file.getKey(), method.getKey())
            .that(method.getValue())
            .isAtMost(Planner.METHOD_BUDGET_BYTES);
      }
    }
    CompiledNetwork net = classes.create("Long");
    double[][][] data = GradientCheckTest.examples(net, Loss.SQUARED_ERROR, 5, 2);
    GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
    assertWithMessage("worst %s", result.worst()).that(result.passed()).isTrue();
  }

  @Test
  void outputsAreTheDeclaredFunctionOfZ() {
    // one unit, weight 1, bias 0: the output is f(input), against the checker's own evaluation
    List<Network> networks =
        networks(
            "identity",
            DECLARATIONS
                + """
                network Probe {
                  input 1;
                  dense 1 sink { weights = [[1]]; bias = [0]; }
                  loss squared_error;
                }
                """);
    CompiledNetwork net = Compiled.of(networks).create("Probe");
    var sink = networks.get(0).layers().get(0).declared().orElseThrow().activation().derivation();
    for (double x = -3; x <= 3; x += 0.125) {
      double expected =
          dev.netc.grammar.expr.Eval.value(sink.function(), java.util.Map.of("x", x, "p", 2.5));
      assertWithMessage("sink(%s)", x)
          .that(net.predict(new double[] {x})[0])
          .isWithin(1e-14 * Math.max(1, Math.abs(expected)))
          .of(expected);
    }
  }

  @Test
  void floatClassesAgreeWithTheDoubleClass() {
    StringBuilder text = new StringBuilder(DECLARATIONS);
    for (int k = 0; k < ACTIVATIONS.size(); k++) {
      for (String precision : List.of("double", "float")) {
        text.append("network P")
            .append(k)
            .append(precision)
            .append(" {\n  input 5;\n  dense 7 ")
            .append(ACTIVATIONS.get(k))
            .append(";\n  dense 3 ")
            .append(ACTIVATIONS.get(k))
            .append(";\n  loss mean_squared_error;\n  optimizer adam(rate = 0.01);\n")
            .append("  init xavier(seed = ")
            .append(k)
            .append(");\n  precision ")
            .append(precision)
            .append(";\n}\n");
      }
    }
    Compiled pairs = Compiled.of(networks("precision", text.toString()));
    for (int k = 0; k < ACTIVATIONS.size(); k++) {
      CompiledNetwork d = pairs.create("P" + k + "double");
      CompiledNetwork f = pairs.create("P" + k + "float");
      for (int p = 0; p < d.parameters().size(); p++) {
        d.parameters().get(p).setAll(f.parameters().get(p).toArray());
      }
      Random random = new Random(k);
      for (int step = 0; step < 5; step++) {
        double[] x = new double[5];
        double[] t = new double[3];
        for (int i = 0; i < x.length; i++) {
          x[i] = 2 * random.nextDouble() - 1;
        }
        for (int i = 0; i < t.length; i++) {
          t[i] = random.nextDouble() - 0.5;
        }
        String what = ACTIVATIONS.get(k) + " step " + step;
        FloatPrecisionTest.close(what + " output", d.predict(x), f.predict(x), 1e-5);
        d.clearGradient();
        f.clearGradient();
        d.accumulateGradient(x, t);
        f.accumulateGradient(x, t);
        for (int p = 0; p < d.gradients().size(); p++) {
          FloatPrecisionTest.close(
              what + " " + d.gradients().get(p).name(),
              d.gradients().get(p).toArray(),
              f.gradients().get(p).toArray(),
              1e-4);
        }
        d.applyGradient(1.0);
        f.applyGradient(1.0);
      }
      for (int p = 0; p < d.parameters().size(); p++) {
        FloatPrecisionTest.close(
            ACTIVATIONS.get(k) + " " + d.parameters().get(p).name(),
            d.parameters().get(p).toArray(),
            f.parameters().get(p).toArray(),
            1e-4);
      }
    }
  }
}
