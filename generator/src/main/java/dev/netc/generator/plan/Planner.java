package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import java.util.ArrayList;
import java.util.List;

/** Decides, from a checked network, how its class is shaped: the plan step of the pipeline. */
public final class Planner {
  private Planner() {}

  /**
   * Layers with at most this many weights are unrolled into straight-line code; larger layers use
   * constant-bound loops over the columns of W (axpy form).
   *
   * <p>Evidence (JMH on JDK 17, 2 cores, training steps per second, one example per step; issue 3):
   * 4-8-3 (32 and 24 weights): unrolled 12.8-13.7 M, constant-bound loops 11.0 M (dot form) / 9.6
   * M (axpy form); 64-32-10 (2048 weights): unrolled into methods of 400 operations 0.34 M, loops
   * 0.50 M (dot) / 0.72 M (axpy); 784-128-10: unrolled 4.5 k (520 methods, 78 s of JIT time) versus
   * 28 k in axpy form. Unrolling pays only while a layer's code stays a few hundred operations
   * (about 200 weights, one multiply-add each); beyond that the loops win, and by a growing factor.
   *
   * <p>Re-measured with this generator (JDK 17.0.15, AMD EPYC with AVX-512, 2 shared cores at load
   * 3, best of 8 one-second runs of {@code trainStep}, plain SGD, double; not JMH, so +-15%):
   * 4-8-3 tanh/softmax: threshold 200 (both layers unrolled) 6.7 M steps/s, threshold 0 (both
   * looped) 6.4 M, hand-written loops 2.5 M; 64-32-10: threshold 200 (both looped) 0.70 M,
   * threshold 400 (the 320-weight layer unrolled) 0.61 M, everything unrolled 0.27 M, hand-written
   * 0.30 M; 784-128-10: 33.6 k (float 45.3 k, with {@code -XX:-UseSuperWord} 15.2 k),
   * hand-written 7.6 k; 256-1024-1024-10 relu: 1.2 k (float 1.8 k), hand-written 186.
   */
  public static final int UNROLL_MAX_WEIGHTS = 200;

  /**
   * Longest running sum written as one expression in straight-line code; longer sums are stored in
   * parts ({@code z[i] = ...; z[i] += ...;}). C2 gives up on a single chain of more than about 130
   * terms ("out of stack space, increase MaxLabelRootDepth"; issue 3), so 100 leaves a margin.
   */
  public static final int PARTIAL_SUM_TERMS = 100;

  /**
   * Estimated bytecode size above which straight-line code is split into numbered helper methods.
   * HotSpot never compiles a method over 8000 bytes ({@code HugeMethodLimit}); the estimate is
   * rough, so the budget leaves a factor of more than two (a test measures the real sizes).
   */
  public static final int METHOD_BUDGET_BYTES = 3000;

  /** The plan of {@code network}, in its own package or else {@code fallbackPackage}. */
  public static NetworkPlan plan(Network network, String fallbackPackage) {
    return plan(network, fallbackPackage, UNROLL_MAX_WEIGHTS);
  }

  /**
   * The plan with another unrolling threshold: for measurements that compare code shapes (the
   * benchmarks); {@code 0} loops every layer, {@code Integer.MAX_VALUE} unrolls every layer.
   */
  public static NetworkPlan plan(Network network, String fallbackPackage, int unrollMaxWeights) {
    checkLoss(network);
    List<LayerPlan> layers = new ArrayList<>();
    for (DenseLayer layer : network.layers()) {
      CodeShape shape =
          layer.weightCount() <= unrollMaxWeights ? CodeShape.UNROLLED : CodeShape.LOOPED;
      layers.add(new LayerPlan(layer, shape));
    }
    String pkg = network.packageName().orElse(fallbackPackage == null ? "" : fallbackPackage);
    boolean fused = network.clip().map(c -> c.kind() != dev.netc.grammar.model.Clip.Kind.NORM)
        .orElse(true);
    return new NetworkPlan(network, pkg, network.name(), layers, fused, METHOD_BUDGET_BYTES);
  }

  private static void checkLoss(Network network) {
    Activation out = network.outputLayer().activation();
    if (network.loss() == Loss.CROSS_ENTROPY && out != Activation.SOFTMAX) {
      throw new IllegalArgumentException(
          network.name() + ": cross_entropy needs a softmax output, has " + out.dslName());
    }
    if (network.loss() == Loss.BINARY_CROSS_ENTROPY && out != Activation.SIGMOID) {
      throw new IllegalArgumentException(
          network.name() + ": binary_cross_entropy needs a sigmoid output, has " + out.dslName());
    }
    for (DenseLayer layer : network.layers()) {
      if (layer.activation() == Activation.SOFTMAX && layer != network.outputLayer()) {
        throw new IllegalArgumentException(
            network.name() + ": softmax only on the output layer, not on layer " + layer.number());
      }
    }
  }
}
