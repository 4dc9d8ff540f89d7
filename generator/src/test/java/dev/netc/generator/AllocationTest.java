package dev.netc.generator;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** After construction, the prediction and training paths allocate nothing. */
class AllocationTest {
  @Test
  void predictAndTrainDoNotAllocate() {
    Compiled compiled =
        Compiled.of(
            Nets.network("AllocSmall", 4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Sgd(0.1, 0.9, false))
                .build(),
            Nets.network("AllocLarge", 30)
                .dense(20, Activation.RELU)
                .dense(2, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
                .clip(new Clip.Norm(1))
                .l2(0.01)
                .precision(Precision.FLOAT)
                .build(),
            Nets.parse(
                "network AllocConv { input 8 x 8 x 2; conv 3 3x3 relu; maxpool 2x2;"
                    + " conv 4 3x3 tanh padding same; avgpool 3x3; dense 3 softmax;"
                    + " loss cross_entropy; optimizer adam(rate = 0.01); regularize l2(0.01);"
                    + " clip value(1); }"),
            Nets.parse(
                "network AllocConvFloat { input 12 x 1 x 3; conv 4 3x1 elu(1) padding same"
                    + " stride 2; maxpool 2x1; dense 2 sigmoid; loss binary_cross_entropy;"
                    + " optimizer sgd(rate = 0.1, momentum = 0.9); clip norm(1);"
                    + " precision float; }"),
            // every layer looped: the generated batch methods
            Nets.network("AllocLooped", 30)
                .dense(21, Activation.RELU)
                .dense(12, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
                .build(),
            Nets.network("AllocLoopedFloat", 30)
                .dense(21, Activation.TANH)
                .dense(12, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .precision(Precision.FLOAT)
                .build());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String name :
        new String[] {
          "AllocSmall",
          "AllocLarge",
          "AllocConv",
          "AllocConvFloat",
          "AllocLooped",
          "AllocLoopedFloat"
        }) {
      CompiledNetwork net = compiled.create(name);
      double[] x = new double[net.inputSize()];
      double[] y = new double[net.outputSize()];
      double[] t = new double[net.outputSize()];
      t[0] = 1;
      double[][] xs = new double[9][net.inputSize()];
      double[][] ys = new double[9][net.outputSize()];
      double[][] ts = new double[9][net.outputSize()];
      double[] losses = new double[9];
      for (double[] row : ts) {
        row[1] = 1;
      }
      CompiledNetwork copy = net.copy();
      run(net, x, y, t);
      batches(net, xs, ys, ts, losses);
      parts(net, copy, xs, ts);
      chunks(net, copy, xs, ts);
      long before = threads.getCurrentThreadAllocatedBytes();
      run(net, x, y, t);
      batches(net, xs, ys, ts, losses);
      parts(net, copy, xs, ts);
      chunks(net, copy, xs, ts);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertWithMessage(
              "%s: bytes allocated by 1000 rounds of predict and training, 100 of the batch"
                  + " methods, 100 steps by parts, 100 steps of kept chunks",
              name)
          .that(allocated)
          .isLessThan(1024L);
    }
  }

  /** The batch methods over 9 rows: two blocks and a row that does not fill one. */
  private static void batches(
      CompiledNetwork net, double[][] xs, double[][] ys, double[][] ts, double[] losses) {
    for (int k = 0; k < 100; k++) {
      xs[k % xs.length][k % xs[0].length] = (k % 5) * 0.1;
      net.predict(xs, 0, 9, ys);
      net.evaluate(xs, ts, 0, 9, ys, losses);
      net.accumulateGradient(xs, ts, 0, 9);
      net.applyGradient(1.0 / 9);
    }
  }

  /** Steps of two chunks, the second in {@code copy}, added and applied in 3 parts. */
  private static void parts(
      CompiledNetwork net, CompiledNetwork copy, double[][] xs, double[][] ts) {
    for (int k = 0; k < 100; k++) {
      net.accumulateGradient(xs, ts, 0, 4);
      copy.accumulateGradient(xs, ts, 4, 9);
      for (int p = 0; p < 3; p++) {
        net.addGradientFrom(copy, p, 3);
        copy.clearGradient(p, 3);
      }
      net.beginGradientStep(1.0 / 9);
      for (int p = 0; p < 3; p++) {
        net.applyGradient(1.0 / 9, p, 3);
      }
    }
  }

  /**
   * Steps of two kept chunks (where the class keeps chunks), their gradients accumulated in 3
   * parts, as the Trainer's threads do.
   */
  private static void chunks(
      CompiledNetwork net, CompiledNetwork copy, double[][] xs, double[][] ts) {
    if (net.chunkCapacity() == 0) {
      return;
    }
    for (int k = 0; k < 100; k++) {
      net.forwardChunk(xs, ts, 0, 4);
      copy.forwardChunk(xs, ts, 4, 9);
      for (int p = 0; p < 3; p++) {
        net.accumulateChunkGradient(p, 3);
        copy.accumulateChunkGradient(p, 3);
        net.addGradientFrom(copy, p, 3);
        copy.clearGradient(p, 3);
      }
      net.beginGradientStep(1.0 / 9);
      for (int p = 0; p < 3; p++) {
        net.applyGradient(1.0 / 9, p, 3);
      }
    }
  }

  private static void run(CompiledNetwork net, double[] x, double[] y, double[] t) {
    for (int k = 0; k < 1000; k++) {
      x[k % x.length] = (k % 7) * 0.1;
      net.predict(x, y);
      net.classify(x);
      net.loss(x, t);
      net.trainStep(x, t);
      net.accumulateGradient(x, t);
      net.applyGradient(0.5);
    }
  }
}
