package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.generator.plan.Planner;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated class files of large networks: every method's bytecode is below HotSpot's
 * 8000-byte HugeMethodLimit (so it is JIT-compiled), and indeed below the planner's budget, which
 * shows that its estimates are pessimistic; the constant pool is far below 65535; the 4096-wide
 * network also trains.
 */
class ClassLimitsTest {
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    double[][] explicit = new double[128][784];
    Random random = new Random(1);
    for (double[] row : explicit) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 0.05;
      }
    }
    compiled =
        Compiled.of(
            Nets.network("Mnist", 784)
                .dense(128, Activation.SIGMOID)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .build(),
            Nets.network("MnistExplicit", 784)
                .dense(Activation.SIGMOID, explicit, null)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8))
                .l2(1e-4)
                .build(),
            Nets.network("Wide", 256)
                .dense(1024, Activation.RELU)
                .dense(1024, Activation.RELU)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Sgd(0.01, 0.9, true))
                .clip(new Clip.Norm(5))
                .build(),
            Nets.network("Wide4096", 64)
                .dense(4096, Activation.TANH)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8))
                .precision(Precision.FLOAT)
                .build(),
            // unrolled layers at the threshold: 200 weights, a 200-term sum, every optimizer
            // feature
            Nets.network("Unrolled200", 200)
                .dense(1, Activation.ELU)
                .dense(200, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
                .l2(0.01)
                .clip(new Clip.Value(1))
                .build(),
            Nets.network("Unrolled10x20", 10)
                .dense(20, Activation.LEAKY_RELU)
                .dense(10, Activation.SOFTPLUS)
                .dense(20, Activation.SOFTMAX)
                .loss(Loss.MEAN_SQUARED_ERROR)
                .optimizer(new Optimizer.RmsProp(0.01, 0.9, 1e-8))
                .precision(Precision.FLOAT)
                .build(),
            // LeNet-5's shape: 5x5 windows written out (valid) and looped (same padding)
            Nets.parse(
                "network LeNet { input 28 x 28 x 1; conv 6 5x5 relu; maxpool 2x2;"
                    + " conv 16 5x5 relu padding same; avgpool 2x2; dense 120 relu;"
                    + " dense 10 softmax; loss cross_entropy; optimizer adam(rate = 0.001);"
                    + " regularize l2(0.0001); clip value(1); }"),
            Nets.parse(
                "network LeNetFloat { input 28 x 28 x 3; conv 32 5x5 tanh; maxpool 2x2;"
                    + " conv 64 5x5 elu(1) stride 2 padding same; avgpool 2x2 stride 1;"
                    + " dense 10 softmax; loss cross_entropy;"
                    + " optimizer rmsprop(rate = 0.001, rho = 0.9); clip norm(5);"
                    + " precision float; }"));
  }

  @Test
  void everyMethodIsWithinThePlannersBudgetAndTheConstantPoolIsSmall() {
    assertThat(compiled.classFiles()).hasSize(8);
    for (Map.Entry<String, byte[]> file : compiled.classFiles().entrySet()) {
      ClassFiles info = ClassFiles.read(file.getValue());
      assertWithMessage("%s constant pool", file.getKey())
          .that(info.constantPoolCount())
          .isLessThan(5000);
      for (Map.Entry<String, Integer> method : info.codeLengths().entrySet()) {
        assertWithMessage("%s.%s bytecode bytes", file.getKey(), method.getKey())
            .that(method.getValue())
            .isAtMost(Planner.METHOD_BUDGET_BYTES);
      }
    }
  }

  @Test
  void wideNetworksTrain() {
    for (String name : new String[] {"Wide4096", "Mnist", "MnistExplicit"}) {
      CompiledNetwork net = compiled.create(name);
      Random random = new Random(3);
      double[] x = new double[net.inputSize()];
      for (int k = 0; k < x.length; k++) {
        x[k] = random.nextDouble();
      }
      double[] t = new double[net.outputSize()];
      t[3] = 1;
      double before = net.loss(x, t);
      for (int step = 0; step < 5; step++) {
        net.trainStep(x, t);
      }
      assertWithMessage(name).that(net.loss(x, t)).isLessThan(before);
    }
  }

  @Test
  void explicitWeightsAreDecodedFromTheirPackedConstants() {
    CompiledNetwork net = compiled.create("MnistExplicit");
    double[][] explicit = new double[128][784];
    Random random = new Random(1);
    for (double[] row : explicit) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian() * 0.05;
      }
    }
    for (int i = 0; i < 128; i += 17) {
      for (int j = 0; j < 784; j += 13) {
        assertThat(net.weights(1).get(i, j)).isEqualTo(explicit[i][j]);
      }
    }
    assertThat(net.bias(1).toArray()).isEqualTo(new double[128]);
  }
}
