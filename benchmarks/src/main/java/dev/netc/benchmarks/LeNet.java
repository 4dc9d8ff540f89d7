package dev.netc.benchmarks;

import java.util.SplittableRandom;

/**
 * The convolution benchmark's network, the language spec's LeNet-5 shape on 28 x 28 x 1 (HWC), and
 * its examples. Every implementation of {@link ConvBenchmark} builds exactly this:
 *
 * <pre>
 * conv 6 5x5 relu                   -> 24 x 24 x 6    (150 weights + 6 biases)
 * maxpool 2x2                       -> 12 x 12 x 6
 * conv 16 5x5 relu padding same     -> 12 x 12 x 16   (2,400 + 16)
 * avgpool 2x2                       -> 6 x 6 x 16
 * dense 120 relu                    -> 120            (69,120 + 120)
 * dense 10 softmax                  -> 10             (1,200 + 10)
 * loss cross_entropy; sgd(rate = 0.01)
 * </pre>
 *
 * One forward pass is {@link #FORWARD_MULTIPLY_ADDS} multiply-adds over the weights (conv 1: 24 *
 * 24 * 6 * 25; conv 2: 12 * 12 * 16 * 150; dense: 576 * 120 + 120 * 10).
 */
final class LeNet {
  private LeNet() {}

  /** Input height, width and channels. */
  static final int HEIGHT = 28;

  static final int WIDTH = 28;
  static final int CHANNELS = 1;

  /** Output classes. */
  static final int CLASSES = 10;

  /** The learning rate of the plain SGD every implementation runs. */
  static final double RATE = 0.01;

  /** Multiply-adds over the weights of one forward pass (see the class comment). */
  static final long FORWARD_MULTIPLY_ADDS =
      24L * 24 * 6 * 25 + 12L * 12 * 16 * 150 + 576L * 120 + 120L * 10;

  /** The hand-written baseline of this shape, parameters zero (copy them in). */
  static HandConv hand() {
    return HandConv.input(HEIGHT, WIDTH, CHANNELS)
        .conv(6, 5, 5, 1, false, HandConv.Act.RELU, 0)
        .pool(true, 2, 2, 2, 2)
        .conv(16, 5, 5, 1, true, HandConv.Act.RELU, 0)
        .pool(false, 2, 2, 2, 2)
        .dense(120, HandConv.Act.RELU, 0)
        .dense(CLASSES, HandConv.Act.SOFTMAX, 0)
        .loss(HandConv.Loss.CROSS_ENTROPY)
        .sgd(RATE, 0, false)
        .build();
  }

  /**
   * {@link Examples#COUNT} images with pixels uniform in [0, 1) (as Fashion-MNIST's after scaling)
   * and one-hot targets, from a fixed seed: the same for every implementation.
   *
   * @return {inputs, targets}
   */
  static double[][][] examples() {
    SplittableRandom random = new SplittableRandom(1998);
    double[][] inputs = new double[Examples.COUNT][HEIGHT * WIDTH * CHANNELS];
    double[][] targets = new double[Examples.COUNT][CLASSES];
    for (int e = 0; e < Examples.COUNT; e++) {
      for (int j = 0; j < inputs[e].length; j++) {
        inputs[e][j] = random.nextDouble();
      }
      targets[e][random.nextInt(CLASSES)] = 1.0;
    }
    return new double[][][] {inputs, targets};
  }

  /**
   * Random parameters for the baselines (uniform, scaled by 1 / sqrt(fan-in) as Xavier's and He's
   * inits are), from a fixed seed, so that the relu units are neither all dead nor all alive.
   */
  static void randomize(HandConv net, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < net.layerCount(); l++) {
      double[] w = net.w(l);
      int fanIn = net.b(l).length == 0 ? 1 : w.length / net.b(l).length;
      double scale = Math.sqrt(3.0 / fanIn);
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextDouble(-scale, scale);
      }
      double[] b = net.b(l);
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextDouble(-0.1, 0.1);
      }
    }
  }
}
