package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.generator.plan.Planner;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch methods (a block of rows at once) give bit for bit what the per-row methods give: the
 * outputs, the losses, the gradient accumulators and the sum of the losses, in double and float,
 * for row counts that do not fill a block, 0 and 1 rows, and rows starting at an offset.
 */
class BatchMethodsTest {
  private static final int[] COUNTS = {0, 1, 2, 3, 4, 5, 8, 9, 13};
  private static final List<String> NAMES = new ArrayList<>();
  private static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    // 37 and 26 inputs: not multiples of the 4 columns per pass
    Network sigmoid =
        Nets.network("BatchSigmoid", 37)
            .dense(26, Activation.SIGMOID)
            .dense(11, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .build();
    // relu below a layer: the columns of zero inputs are skipped per row
    Network relu =
        Nets.network("BatchRelu", 30)
            .dense(21, Activation.RELU)
            .dense(17, Activation.TANH)
            .dense(12, Activation.LINEAR)
            .loss(Loss.MEAN_SQUARED_ERROR)
            .optimizer(new Optimizer.Sgd(0.05, 0.9, false))
            .build();
    Network binary =
        Nets.network("BatchBinary", 40)
            .dense(16, Activation.ELU)
            .dense(13, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .build();
    for (Network n : List.of(sigmoid, relu, binary)) {
      networks.add(n);
      networks.add(Nets.rename(n, n.name() + "Float", Precision.FLOAT));
    }
    // over the Trainer's threshold for threads (10,000 parameters)
    networks.add(
        Nets.network("BatchWide", 101)
            .dense(100, Activation.TANH)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .build());
    // an unrolled layer: the interface's default batch methods, one row at a time
    networks.add(
        Nets.network("BatchUnrolled", 4)
            .dense(8, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .build());
    networks.forEach(n -> NAMES.add(n.name()));
    compiled = Compiled.of(networks);
  }

  @Test
  void theBlockIsAPlannerDecision() {
    assertThat(Planner.BATCH_ROWS).isEqualTo(3);
    assertThat(compiled.source("BatchSigmoid").javaSource()).contains("private void sumBlock1x3()");
    // float: the per-row pass adds its two groups of 4 columns to z in turn, the block one group
    // per pass
    assertThat(compiled.source("BatchSigmoidFloat").javaSource())
        .contains("private void sumBlock1x3()");
    assertThat(compiled.source("BatchSigmoidFloat").javaSource())
        .contains("z1[i] = z1[i] + (w1j0[i] * a0 +");
    assertThat(compiled.source("BatchUnrolled").javaSource()).doesNotContain("sumBlock");
  }

  @Test
  void predictOverRowsIsPerRowPredictBitForBit() {
    for (String name : NAMES) {
      CompiledNetwork net = compiled.create(name);
      double[][] inputs = inputs(net, 20, 1);
      for (int count : COUNTS) {
        for (int from : new int[] {0, 2}) {
          double[][] outputs = new double[count][net.outputSize()];
          net.predict(inputs, from, from + count, outputs);
          for (int r = 0; r < count; r++) {
            assertWithMessage("%s, %s rows from %s, row %s", name, count, from, r)
                .that(outputs[r])
                .isEqualTo(compiled.create(name).predict(inputs[from + r]));
          }
        }
      }
    }
  }

  @Test
  void evaluateGivesTheOutputsAndTheLossesOfPerRowCalls() {
    for (String name : NAMES) {
      CompiledNetwork net = compiled.create(name);
      CompiledNetwork single = compiled.create(name);
      double[][] inputs = inputs(net, 20, 2);
      double[][] targets = targets(net, 20, 3);
      for (int count : COUNTS) {
        double[][] outputs = new double[count][net.outputSize()];
        double[] losses = new double[count];
        net.evaluate(inputs, targets, 3, 3 + count, outputs, losses);
        for (int r = 0; r < count; r++) {
          assertWithMessage("%s, %s rows, output %s", name, count, r)
              .that(outputs[r])
              .isEqualTo(single.predict(inputs[3 + r]));
          assertWithMessage("%s, %s rows, loss %s", name, count, r)
              .that(Double.doubleToLongBits(losses[r]))
              .isEqualTo(Double.doubleToLongBits(single.loss(inputs[3 + r], targets[3 + r])));
        }
      }
    }
  }

  @Test
  void accumulateGradientOverRowsIsPerRowAccumulationInOrderBitForBit() {
    for (String name : NAMES) {
      for (int count : COUNTS) {
        CompiledNetwork block = compiled.create(name);
        CompiledNetwork rows = compiled.create(name);
        double[][] inputs = inputs(block, 20, 4 + count);
        double[][] targets = targets(block, 20, 5 + count);
        // two steps, so that the second starts from trained parameters and optimizer state
        for (int step = 0; step < 2; step++) {
          double blockLoss = block.accumulateGradient(inputs, targets, 1, 1 + count);
          double rowLoss = 0.0;
          for (int k = 1; k < 1 + count; k++) {
            rowLoss += rows.accumulateGradient(inputs[k], targets[k]);
          }
          String what = name + ", " + count + " rows, step " + step;
          assertWithMessage("%s: loss", what)
              .that(Double.doubleToLongBits(blockLoss))
              .isEqualTo(Double.doubleToLongBits(rowLoss));
          assertSameBits(what + ": gradient", block.gradients(), rows.gradients());
          block.applyGradient(0.25);
          rows.applyGradient(0.25);
          assertSameBits(what + ": parameters", block.parameters(), rows.parameters());
        }
      }
    }
  }

  @Test
  void badRowsAreReportedWithTheirIndex() {
    CompiledNetwork net = compiled.create("BatchSigmoid");
    double[][] inputs = inputs(net, 8, 6);
    inputs[6] = new double[3];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> net.predict(inputs, 2, 8, new double[6][net.outputSize()]));
    assertThat(e).hasMessageThat().isEqualTo("BatchSigmoid: input row 6 has 3 values, expected 37");
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> net.predict(inputs, 2, 8, new double[5][net.outputSize()]));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> net.predict(inputs, 4, 9, new double[5][net.outputSize()]));
  }

  @Test
  void theTrainerGivesTheParametersOfPerRowAccumulationForAnyThreadCount() {
    for (String name : List.of("BatchWide", "BatchReluFloat")) {
      CompiledNetwork probe = compiled.create(name);
      Dataset data = Dataset.of(inputs(probe, 50, 7), targets(probe, 50, 8));
      // per-row accumulation: the same network with the interface's default batch methods
      CompiledNetwork rows = InterfaceDefaults.of(compiled.create(name));
      new Trainer().epochs(2).batchSize(20).shuffle(3).threads(1).train(rows, data);
      for (int threads : new int[] {1, 2, 3}) {
        CompiledNetwork net = compiled.create(name);
        new Trainer().epochs(2).batchSize(20).shuffle(3).threads(threads).train(net, data);
        assertSameBits(name + ", " + threads + " threads", net.parameters(), rows.parameters());
      }
    }
  }

  private static void assertSameBits(
      String what, List<ParameterTensor> actual, List<ParameterTensor> expected) {
    for (int p = 0; p < expected.size(); p++) {
      assertWithMessage("%s %s", what, expected.get(p).name())
          .that(actual.get(p).toArray())
          .isEqualTo(expected.get(p).toArray());
    }
  }

  /** Gaussian rows with about one value in five exactly 0. */
  static double[][] inputs(CompiledNetwork net, int n, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][net.inputSize()];
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextInt(5) == 0 ? 0.0 : random.nextGaussian();
      }
    }
    return rows;
  }

  /** One-hot rows for softmax outputs, else values in [0, 1). */
  static double[][] targets(CompiledNetwork net, int n, long seed) {
    Random random = new Random(seed);
    boolean softmax = net.spec().loss().equals("cross_entropy");
    double[][] rows = new double[n][net.outputSize()];
    for (double[] row : rows) {
      if (softmax) {
        row[random.nextInt(row.length)] = 1.0;
      } else {
        for (int k = 0; k < row.length; k++) {
          row[k] = random.nextDouble();
        }
      }
    }
    return rows;
  }
}
