package dev.netc.grammar;

import dev.netc.grammar.source.SourceFile;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated convolutional networks never crash the front end: every input gives well-formed
 * diagnostics and a model exactly when there is no error, and a model never holds shapes that do
 * not chain (the model's constructors would throw). Seeded, so a failure names its input.
 */
class ConvPropertiesTest {

  private static final List<String> VALID =
      List.of(
          "network LeNet {\n    input 28 x 28 x 1;\n    conv 6 5x5 relu;\n    maxpool 2x2;\n"
              + "    conv 16 5x5 relu stride 1 padding same;\n    avgpool 2x2;\n"
              + "    dense 120 relu;\n    dense 10 softmax;\n    loss cross_entropy;\n}\n",
          "network S { input 16 x 1 x 3; conv 4 5 x 1 leaky_relu(0.1) stride 2 padding same"
              + " dropout(0.5) as f; maxpool 2x1 stride 1; conv 2 3x1 elu { weights = [[1, 2, 3,"
              + " 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]; bias ="
              + " 0.5; } avgpool 2x1; dense 1 sigmoid; loss binary_cross_entropy; }\n");

  private static final List<String> WORDS =
      List.of(
          "conv",
          "maxpool",
          "avgpool",
          "stride",
          "padding",
          "same",
          "valid",
          "dropout",
          "5x5",
          "0x0",
          "1x1",
          "99999999999x3",
          "3 x 3 x 3",
          "x",
          "x5",
          "2x",
          " x ",
          "28 x 28",
          "100000 x 100000 x 1",
          "dropout(2)",
          "(",
          ")",
          "input 784;",
          "dense 3 relu;",
          "maxpool 30x30;");

  @Test
  void mutationsOfConvolutionalNetworksNeverCrash() {
    for (int seed = 0; seed < 1000; seed++) {
      Random random = new Random(seed);
      String text =
          FrontEndPropertiesTest.mutate(
              VALID.get(random.nextInt(VALID.size())), random, 1 + random.nextInt(6));
      for (int i = random.nextInt(3); i > 0; i--) {
        int at = random.nextInt(text.length() + 1);
        text = text.substring(0, at) + WORDS.get(random.nextInt(WORDS.size())) + text.substring(at);
      }
      try {
        FrontEndPropertiesTest.assertWellFormed(
            NetcFrontEnd.check(new SourceFile("mutant.nn", text)));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("case " + seed + " failed on input: " + text, e);
      }
    }
  }
}
