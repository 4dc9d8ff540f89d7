package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code netc check --explain}: each network's layer table, then each declared activation with its
 * derived derivative.
 */
class CheckExplainTest {
  /** What --explain prints for the prelude's gelu and mish. */
  static final String GELU_AND_MISH =
      String.join(
          System.lineSeparator(),
          "built-in: activation gelu(x)",
          "built-in:     f(x) = 0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3)))",
          "built-in:     f'(x) = 0.5 * u + 0.3989422804014327 * x * (1 - t^2)"
              + " * (1 + 0.134145 * x^2), t = tanh(0.7978845608028654 * (x + 0.044715 * x^3)),"
              + " u = 1 + t",
          "built-in: activation mish(x)",
          "built-in:     f(x) = x * tanh(softplus(x))",
          "built-in:     f'(x) = t + x * (1 - t^2) * sigmoid(x), t = tanh(softplus(x))");

  @Test
  void printsDeclaredActivationsAndTheBuiltInsTheyCall() {
    Path file = Cli.resource("activations.nn");
    Cli.Run run = Cli.run("check", "--explain", file);
    assertEquals(0, run.exitCode(), run::toString);
    String expected =
        String.join(
            System.lineSeparator(),
            file + ": Plain: 4 -> 8 tanh -> 3 softmax, loss cross_entropy, 67 parameters",
            "  layer   statement        output  parameters",
            "  input                    4                0",
            "  layer1  dense 8 tanh     8               40",
            "  layer2  dense 3 softmax  3               27",
            file + ": activation my_swish(x)",
            file + ":     f(x) = x * sigmoid(x)",
            file + ":     f'(x) = s + x * s * (1 - s), s = sigmoid(x)",
            file + ": activation scaled_tanh(x, a = 1.7159, b = 0.6667)",
            file + ":     f(x) = a * tanh(b * x)",
            file + ":     f'(x) = a * (1 - t^2) * b, t = tanh(b * x)",
            file + ": activation smooth(x)",
            file
                + ":     f(x) = 0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3)))"
                + " + x * tanh(softplus(x))",
            file
                + ":     f'(x) = 0.5 * u + 0.3989422804014327 * x * (1 - t^2)"
                + " * (1 + 0.134145 * x^2) + t2 + x * (1 - t2^2) * sigmoid(x),"
                + " t = tanh(0.7978845608028654 * (x + 0.044715 * x^3)), u = 1 + t,"
                + " t2 = tanh(softplus(x))",
            "built-in: activation swish(x)",
            "built-in:     f(x) = x * sigmoid(x)",
            "built-in:     f'(x) = s + x * s * (1 - s), s = sigmoid(x)",
            GELU_AND_MISH,
            "");
    assertEquals(expected, run.out());
    assertEquals("", run.err());
  }

  @Test
  void printsThePreludeActivationsThatLayersUse() {
    Path file = Cli.resource("declared_layers.nn");
    Cli.Run run = Cli.run("check", "--explain", file);
    assertEquals(0, run.exitCode(), run::toString);
    String expected =
        String.join(
            System.lineSeparator(),
            file
                + ": Layers: 4 -> 8 swish -> 8 gelu -> 8 mish -> 3 scaled_tanh,"
                + " loss mean_squared_error, 211 parameters",
            "  layer   statement            output  parameters",
            "  input                        4                0",
            "  layer1  dense 8 swish        8               40",
            "  layer2  dense 8 gelu         8               72",
            "  layer3  dense 8 mish         8               72",
            "  layer4  dense 3 scaled_tanh  3               27",
            file + ": activation scaled_tanh(x, a = 1.7159, b = 0.6667)",
            file + ":     f(x) = a * tanh(b * x)",
            file + ":     f'(x) = a * (1 - t^2) * b, t = tanh(b * x)",
            "built-in: activation silu(x)",
            "built-in:     f(x) = x * sigmoid(x)",
            "built-in:     f'(x) = s + x * s * (1 - s), s = sigmoid(x)",
            "built-in: activation swish(x)",
            "built-in:     f(x) = x * sigmoid(x)",
            "built-in:     f'(x) = s + x * s * (1 - s), s = sigmoid(x)",
            GELU_AND_MISH,
            "");
    assertEquals(expected, run.out());
    assertEquals("", run.err());
  }

  @Test
  void printsTheActivationsAndDropoutOfConvolutions() {
    Path file = Cli.resource("conv_gelu.nn");
    Cli.Run run = Cli.run("check", "--explain", file);
    assertEquals(0, run.exitCode(), run::toString);
    String expected =
        String.join(
            System.lineSeparator(),
            file
                + ": ConvGelu: 8 x 8 x 1 -> conv 4 3x3 gelu 6 x 6 x 4 -> maxpool 2x2 3 x 3 x 4"
                + " -> 3 softmax, loss cross_entropy, 151 parameters",
            "  layer   statement                      output     parameters",
            "  input                                  8 x 8 x 1           0",
            "  layer1  conv 4 3x3 gelu dropout(0.25)  6 x 6 x 4          40",
            "  layer2  maxpool 2x2                    3 x 3 x 4           0",
            "  layer3  dense 3 softmax                3                 111",
            GELU_AND_MISH.substring(
                0, GELU_AND_MISH.indexOf(System.lineSeparator() + "built-in: activation mish")),
            "");
    assertEquals(expected, run.out());
    assertEquals("", run.err());
  }

  @Test
  void withoutTheFlagOnlyNetworks() {
    Path file = Cli.resource("activations.nn");
    Cli.Run run = Cli.run("check", file);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        file
            + ": Plain: 4 -> 8 tanh -> 3 softmax, loss cross_entropy, 67 parameters"
            + System.lineSeparator(),
        run.out());
  }
}
