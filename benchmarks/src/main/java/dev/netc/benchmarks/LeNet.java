package dev.netc.benchmarks;

import dev.netc.benchmarks.nets.LeNetDouble;
import dev.netc.benchmarks.nets.LeNetFloat;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;
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
   * The class netc generated for this shape from {@code src/main/netc/lenet.nn} ({@code
   * LeNetDouble} or {@code LeNetFloat}), initialised from its file's seed.
   */
  static CompiledNetwork generated(Precision precision) {
    return precision == Precision.DOUBLE ? new LeNetDouble() : new LeNetFloat();
  }

  /**
   * Copies the generated class's parameters into the baseline: its {@code parameters()} are the
   * weights and the biases of each layer with parameters, in order, in the baseline's layout.
   */
  static void copy(CompiledNetwork from, HandConv to) {
    List<ParameterTensor> source = from.parameters();
    int p = 0;
    for (int l = 0; l < to.layerCount(); l++) {
      if (to.b(l).length == 0) {
        continue; // pooling: no parameters
      }
      for (double[] target : new double[][] {to.w(l), to.b(l)}) {
        ParameterTensor tensor = source.get(p++);
        if (tensor.size() != target.length) {
          throw new IllegalArgumentException(
              tensor.name() + " has " + tensor.size() + " values, the baseline " + target.length);
        }
        for (int k = 0; k < target.length; k++) {
          target[k] = tensor.get(k);
        }
      }
    }
    if (p != source.size()) {
      throw new IllegalArgumentException("parameter lists differ: " + source);
    }
  }

  /**
   * Validate, then time: with the generated class's parameters copied in, the baseline computes its
   * outputs of 4 examples, and its parameters after 2 stochastic steps and after a mini-batch step
   * of 4, within {@code tolerance} (absolute plus relative). Both networks end with the generated
   * class's initial parameters.
   */
  static void validate(
      CompiledNetwork generated, HandConv hand, double[][][] examples, double tolerance) {
    double[][] inputs = examples[0];
    double[][] targets = examples[1];
    String what = "hand-written vs " + generated.spec().name();
    copy(generated, hand);
    double[] expected = new double[CLASSES];
    for (int e = 0; e < 4; e++) {
      generated.predict(inputs[e], expected);
      close(what + ": output of example " + e, expected, hand.forward(inputs[e]), tolerance);
    }
    HandConv after = hand();
    for (int e = 0; e < 2; e++) {
      generated.trainStep(inputs[e], targets[e]);
      hand.trainStep(inputs, targets, e, 1);
    }
    copy(generated, after);
    compare(what + " after 2 stochastic steps", after, hand, tolerance);
    for (int e = 0; e < 4; e++) {
      generated.accumulateGradient(inputs[e], targets[e]);
    }
    generated.applyGradient(1.0);
    hand.trainStep(inputs, targets, 0, 4);
    copy(generated, after);
    compare(what + " after a mini-batch step", after, hand, tolerance);
    generated.initialize();
    copy(generated, hand);
  }

  private static void compare(String what, HandConv expected, HandConv actual, double tolerance) {
    for (int l = 0; l < expected.layerCount(); l++) {
      close(what + ": weights of layer " + (l + 1), expected.w(l), actual.w(l), tolerance);
      close(what + ": biases of layer " + (l + 1), expected.b(l), actual.b(l), tolerance);
    }
  }

  private static void close(String what, double[] expected, double[] actual, double tolerance) {
    for (int k = 0; k < expected.length; k++) {
      if (!(Math.abs(expected[k] - actual[k]) <= tolerance + tolerance * Math.abs(expected[k]))) {
        throw new AssertionError(
            what + ", value " + k + ": expected " + expected[k] + ", got " + actual[k]);
      }
    }
  }
}
