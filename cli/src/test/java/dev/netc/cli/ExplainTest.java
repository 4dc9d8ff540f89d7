package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code netc check --explain}: each layer's output shape and parameter count. */
class ExplainTest {

  @Test
  void checkExplainPrintsEveryLayerOfEachNetwork() {
    Cli.Run run = Cli.run("check", "--explain", CommandsTest.IRIS_NN);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out()
            .endsWith(
                ": IrisNet: 4 -> 8 tanh -> 3 softmax, loss cross_entropy, 67 parameters\n"
                    + "  layer    statement        output  parameters\n"
                    + "  input                     4                0\n"
                    + "  hidden   dense 8 tanh     8               40\n"
                    + "  species  dense 3 softmax  3               27\n"),
        run::toString);
  }

  @Test
  void checkExplainShowsTheShapesOfConvolutionAndPooling() {
    Cli.Run run = Cli.run("check", "--explain", Cli.resource("lenet.nn"));
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out()
            .endsWith(
                "lenet.nn: LeNet: 28 x 28 x 1 -> conv 6 5x5 relu 24 x 24 x 6 -> maxpool 2x2"
                    + " 12 x 12 x 6 -> conv 16 5x5 relu 12 x 12 x 16 -> avgpool 2x2 6 x 6 x 16"
                    + " -> 120 relu -> 10 softmax, loss cross_entropy, 73,022 parameters\n"
                    + "  layer   statement         output        parameters\n"
                    + "  input                     28 x 28 x 1            0\n"
                    + "  layer1  conv 6 5x5 relu   24 x 24 x 6          156\n"
                    + "  layer2  maxpool 2x2       12 x 12 x 6            0\n"
                    + "  layer3  conv 16 5x5 relu  12 x 12 x 16       2,416\n"
                    + "  layer4  avgpool 2x2       6 x 6 x 16             0\n"
                    + "  layer5  dense 120 relu    120               69,240\n"
                    + "  layer6  dense 10 softmax  10                 1,210\n"),
        run::toString);
  }

  @Test
  void convolutionCompiles() {
    Cli.Run run = Cli.run("compile", Cli.resource("lenet.nn"), "-d", "target/explain-lenet");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        java.nio.file.Files.isRegularFile(java.nio.file.Path.of("target/explain-lenet/LeNet.java")),
        run::toString);
  }
}
