package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.generator.plan.Block;
import dev.netc.generator.plan.CodeShape;
import dev.netc.generator.plan.Copy;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.MethodPlan;
import dev.netc.generator.plan.NetworkPlan;
import dev.netc.generator.plan.PackedConstant;
import dev.netc.generator.plan.Planner;
import dev.netc.generator.plan.Segment;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The planner's decisions for given networks: code shapes, loop shapes, copies, method splits. */
class PlannerTest {

  private static NetworkPlan plan(Nets nets) {
    return Planner.plan(nets.build(), "");
  }

  @Test
  void irisIsUnrolledWithStraightLineStepsAndNoSplitMethods() {
    NetworkPlan plan =
        plan(
            Nets.network("Iris", 4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Sgd(0.05, 0.9, false)));
    assertThat(plan.fusedTrainStep()).isTrue();
    assertThat(plan.inputCopy()).isEqualTo(Copy.ELEMENTS);
    assertThat(plan.targetCopy()).isEqualTo(Copy.ELEMENTS);
    assertThat(plan.outputCopy()).isEqualTo(Copy.ELEMENTS);
    for (LayerPlan p : plan.layers()) {
      assertThat(p.shape()).isEqualTo(CodeShape.UNROLLED);
      assertThat(p.straightLineStep()).isTrue();
      assertThat(p.forwardColumns()).isEqualTo(1);
      assertThat(p.partialSums()).isEqualTo(1);
      assertThat(p.skipsZeroInputs()).isFalse();
      assertThat(p.explicitWeights()).isEmpty();
      for (MethodPlan m : List.of(p.forward(), p.backward(), p.step().orElseThrow())) {
        assertWithMessage(m.name()).that(m.isSplit()).isFalse();
        assertWithMessage(m.name()).that(m.cost()).isAtMost(Planner.METHOD_BUDGET_BYTES);
      }
    }
    LayerPlan hidden = plan.layers().get(0);
    LayerPlan species = plan.layers().get(1);
    assertThat(hidden.forward().parts())
        .containsExactly(
            List.of(
                new Segment(Block.FORWARD_SUM, 0, 8, 8), new Segment(Block.ACTIVATION, 0, 8, 8)));
    // the softmax is a method of its own: forward2 computes the logits
    assertThat(plan.softmaxOutput()).isTrue();
    assertThat(species.forward().segments())
        .containsExactly(new Segment(Block.FORWARD_SUM, 0, 3, 3));
    assertThat(species.backward().segments())
        .containsExactly(
            new Segment(Block.WEIGHT_GRADIENT, 0, 24, 24),
            new Segment(Block.BIAS_GRADIENT, 0, 3, 3),
            new Segment(Block.PROPAGATE, 0, 8, 8))
        .inOrder();
    assertThat(species.step().orElseThrow().segments())
        .containsExactly(
            new Segment(Block.PROPAGATE, 0, 8, 8),
            new Segment(Block.WEIGHT_STEP, 0, 24, 24),
            new Segment(Block.BIAS_STEP, 0, 3, 3))
        .inOrder();
    assertThat(hidden.backward().segments().stream().map(Segment::block).toList())
        .containsExactly(Block.WEIGHT_GRADIENT, Block.BIAS_GRADIENT)
        .inOrder();
  }

  @Test
  void mediumLayersAreLoopedWithFourColumnsAndFourPartialSums() {
    NetworkPlan plan =
        plan(
            Nets.network("Medium", 64)
                .dense(32, Activation.TANH)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY));
    assertThat(plan.inputCopy()).isEqualTo(Copy.ARRAYCOPY);
    assertThat(plan.outputCopy()).isEqualTo(Copy.ELEMENTS);
    for (LayerPlan p : plan.layers()) {
      assertWithMessage("layer %s", p.number()).that(p.shape()).isEqualTo(CodeShape.LOOPED);
      assertThat(p.forwardColumns()).isEqualTo(Planner.FORWARD_COLUMNS);
      assertThat(p.partialSums()).isEqualTo(Planner.PARTIAL_SUMS);
      assertThat(p.skipsZeroInputs()).isFalse();
      assertThat(p.straightLineStep()).isFalse();
      assertThat(p.forward().isSplit()).isFalse();
      assertThat(p.backward().isSplit()).isFalse();
    }
    // looped: propagating delta is part of the pass over W in the fused step
    assertThat(
            plan.layers().get(1).step().orElseThrow().segments().stream()
                .map(Segment::block)
                .toList())
        .containsExactly(Block.WEIGHT_STEP, Block.BIAS_STEP)
        .inOrder();
  }

  @Test
  void floatClassesTakeEightColumnsPerPassAndExpInFloat() {
    Nets medium =
        Nets.network("Medium", 64)
            .dense(32, Activation.TANH)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY);
    NetworkPlan inDouble = plan(medium);
    NetworkPlan inFloat = plan(medium.precision(Precision.FLOAT));
    assertThat(inDouble.floatExp()).isFalse();
    assertThat(inFloat.floatExp()).isTrue();
    for (int k = 0; k < 2; k++) {
      assertThat(inDouble.layers().get(k).forwardColumns()).isEqualTo(Planner.FORWARD_COLUMNS);
      assertThat(inFloat.layers().get(k).forwardColumns()).isEqualTo(Planner.FLOAT_FORWARD_COLUMNS);
    }
    // no activation takes e^x: no expFloat
    NetworkPlan relu =
        plan(
            Nets.network("Relu", 64)
                .dense(32, Activation.RELU)
                .dense(2, Activation.LINEAR)
                .loss(Loss.MEAN_SQUARED_ERROR)
                .precision(Precision.FLOAT));
    assertThat(relu.floatExp()).isFalse();
  }

  @Test
  void narrowLoopedLayersUseOneSum() {
    NetworkPlan plan =
        plan(Nets.network("Narrow", 100).dense(4, Activation.SIGMOID).dense(3, Activation.SIGMOID));
    assertThat(plan.layers().get(0).shape()).isEqualTo(CodeShape.LOOPED);
    assertThat(plan.layers().get(0).partialSums()).isEqualTo(1);
    assertThat(plan.layers().get(1).shape()).isEqualTo(CodeShape.UNROLLED);
  }

  @Test
  void layersOverReluSkipZeroInputsAndPlainSgdSkipsTheirUpdates() {
    NetworkPlan sgd =
        plan(
            Nets.network("Mnist", 784)
                .dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY));
    LayerPlan first = sgd.layers().get(0);
    LayerPlan second = sgd.layers().get(1);
    assertThat(first.skipsZeroInputs()).isFalse();
    assertThat(first.forwardColumns()).isEqualTo(4);
    assertThat(second.shape()).isEqualTo(CodeShape.LOOPED);
    assertThat(second.skipsZeroInputs()).isTrue();
    assertThat(second.forwardColumns()).isEqualTo(1);
    assertThat(second.skipsZeroColumnUpdates()).isTrue();
    assertThat(sgd.inputCopy()).isEqualTo(Copy.ARRAYCOPY);

    NetworkPlan momentum =
        plan(
            Nets.network("Mnist", 784)
                .dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Sgd(0.01, 0.9, false)));
    assertThat(momentum.layers().get(1).skipsZeroInputs()).isTrue();
    assertThat(momentum.layers().get(1).skipsZeroColumnUpdates()).isFalse();
    NetworkPlan l2 =
        plan(
            Nets.network("Mnist", 784)
                .dense(128, Activation.RELU)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .l2(1e-4));
    assertThat(l2.layers().get(1).skipsZeroColumnUpdates()).isFalse();
    NetworkPlan leaky =
        plan(
            Nets.network("Mnist", 784)
                .dense(128, Activation.LEAKY_RELU)
                .dense(10, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY));
    assertThat(leaky.layers().get(1).skipsZeroInputs()).isFalse();
    // an unrolled layer over relu never skips: it has no loop to skip in
    NetworkPlan small =
        plan(Nets.network("Small", 3).dense(6, Activation.RELU).dense(2, Activation.LINEAR));
    assertThat(small.layers().get(1).skipsZeroInputs()).isFalse();
  }

  @Test
  void floatAdamNetUsesLoopsForItsUpdatesAndCastsWideInputs() {
    NetworkPlan plan =
        plan(
            Nets.network("Regressor", 3)
                .dense(6, Activation.RELU)
                .dense(2, Activation.LINEAR)
                .loss(Loss.MEAN_SQUARED_ERROR)
                .optimizer(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8))
                .l2(1e-4)
                .clip(new Clip.Value(1))
                .precision(Precision.FLOAT));
    assertThat(plan.fusedTrainStep()).isTrue();
    assertThat(plan.inputCopy()).isEqualTo(Copy.ELEMENTS);
    for (LayerPlan p : plan.layers()) {
      assertThat(p.shape()).isEqualTo(CodeShape.UNROLLED);
      assertThat(p.straightLineStep()).isFalse();
    }
    NetworkPlan wide =
        plan(
            Nets.network("Wide", 40)
                .dense(30, Activation.TANH)
                .dense(20, Activation.LINEAR)
                .precision(Precision.FLOAT));
    assertThat(wide.inputCopy()).isEqualTo(Copy.LOOP);
    assertThat(wide.targetCopy()).isEqualTo(Copy.LOOP);
    assertThat(wide.outputCopy()).isEqualTo(Copy.LOOP);
    NetworkPlan wideDouble =
        plan(Nets.network("Wide", 40).dense(30, Activation.TANH).dense(20, Activation.LINEAR));
    assertThat(wideDouble.outputCopy()).isEqualTo(Copy.ARRAYCOPY);
  }

  @Test
  void clipNormPreventsTheFusedStep() {
    NetworkPlan plan =
        plan(
            Nets.network("Clipped", 4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SIGMOID)
                .clip(new Clip.Norm(5)));
    assertThat(plan.fusedTrainStep()).isFalse();
    assertThat(plan.clipsNorm()).isTrue();
    assertThat(plan.layers().get(0).step()).isEmpty();
    assertThat(plan.layers().get(0).straightLineStep()).isFalse();
  }

  @Test
  void explicitWeightsArePackedInChunksAndLargeOnesDecodedInParts() {
    double[][] big = new double[128][784];
    Random random = new Random(1);
    for (double[] row : big) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] small = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}};
    NetworkPlan plan =
        plan(
            Nets.network("Explicit", 784)
                .dense(Activation.SIGMOID, big, null)
                .dense(
                    Activation.SIGMOID,
                    new double[][] {new double[128], new double[128]},
                    new double[] {0.5, 0.25}));
    PackedConstant weights = plan.layers().get(0).explicitWeights().orElseThrow();
    assertThat(weights.method()).isEqualTo("explicitWeights1");
    assertThat(weights.chunkOffsets()).hasSize(392);
    assertThat(weights.parts()).hasSize(2);
    assertThat(weights.parts().get(0)).hasSize(200);
    assertThat(weights.parts().get(1)).hasSize(192);
    assertThat(weights.parts().get(1).get(0)).isEqualTo(200 * Planner.PACKED_CHUNK);
    assertThat(weights.count(391 * Planner.PACKED_CHUNK)).isEqualTo(100352 - 391 * 256);
    assertThat(weights.listed()).isFalse();
    assertThat(plan.layers().get(0).explicitBias()).isEmpty();
    PackedConstant bias = plan.layers().get(1).explicitBias().orElseThrow();
    assertThat(bias.parts()).isEmpty();
    assertThat(bias.listed()).isTrue();
    PackedConstant smallWeights =
        plan(Nets.network("Small", 3).dense(Activation.TANH, small, null))
            .layers()
            .get(0)
            .explicitWeights()
            .orElseThrow();
    assertThat(smallWeights.listed()).isTrue();
    assertThat(smallWeights.chunkOffsets()).containsExactly(0);
  }

  @Test
  void largeUnrolledBlocksAreSplitAtBlockBoundariesFirst() {
    // 10 inputs, 20 units: the sum alone fits the budget, the sum and 20 activations do not
    NetworkPlan plan =
        plan(
            Nets.network("Unrolled10x20", 10)
                .dense(20, Activation.LEAKY_RELU)
                .dense(10, Activation.SOFTPLUS)
                .dense(20, Activation.SOFTMAX)
                .loss(Loss.MEAN_SQUARED_ERROR)
                .optimizer(new Optimizer.RmsProp(0.01, 0.9, 1e-8)));
    MethodPlan forward1 = plan.layers().get(0).forward();
    assertThat(forward1.parts())
        .containsExactly(
            List.of(Segment.whole(Block.FORWARD_SUM, 20)),
            List.of(Segment.whole(Block.ACTIVATION, 20)))
        .inOrder();
    assertThat(forward1.partName(1)).isEqualTo("forward1Part2");
    // 200 weight gradients do not fit one method: cut between weights; the bias gradient joins
    // the second part; the delta below (20 sums of 10 terms) is cut between inputs
    assertThat(plan.layers().get(1).backward().parts())
        .containsExactly(
            List.of(new Segment(Block.WEIGHT_GRADIENT, 0, 111, 200)),
            List.of(
                new Segment(Block.WEIGHT_GRADIENT, 111, 200, 200),
                Segment.whole(Block.BIAS_GRADIENT, 10)),
            List.of(new Segment(Block.PROPAGATE, 0, 18, 20)),
            List.of(new Segment(Block.PROPAGATE, 18, 20, 20)))
        .inOrder();
  }

  @Test
  void aBlockLargerThanTheBudgetIsSplitBetweenEntries() {
    NetworkPlan plan =
        plan(
            Nets.network("Unrolled200", 200)
                .dense(1, Activation.ELU)
                .dense(200, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
                .l2(0.01)
                .clip(new Clip.Value(1)));
    LayerPlan first = plan.layers().get(0);
    // one unit, a 200-term sum: fits one method
    assertThat(first.forward().isSplit()).isFalse();
    MethodPlan forward2 = plan.layers().get(1).forward();
    assertThat(forward2.isSplit()).isTrue();
    List<Segment> segments = forward2.segments();
    // every entry of each block exactly once, in order
    int next = 0;
    Block block = Block.FORWARD_SUM;
    for (Segment s : segments) {
      if (s.block() != block) {
        assertThat(next).isEqualTo(200);
        block = s.block();
        next = 0;
      }
      assertThat(s.from()).isEqualTo(next);
      next = s.to();
    }
    assertThat(block).isEqualTo(Block.ACTIVATION);
    assertThat(next).isEqualTo(200);
    assertThat(forward2.parts().get(0))
        .containsExactly(new Segment(Block.FORWARD_SUM, 0, 117, 200));
    // each part holds segments of one block only when a block is cut
    for (List<Segment> part : forward2.parts()) {
      assertThat(part).hasSize(1);
    }
  }

  @Test
  void windowsInsideTheInputUpToTheThresholdAreWrittenOutOthersLooped() {
    NetworkPlan plan =
        Planner.plan(
            Nets.parse(
                "network Lenet { input 28 x 28 x 1; conv 6 5x5 relu; maxpool 2x2;"
                    + " conv 16 5x5 relu padding same; avgpool 2x2; conv 4 6x6 tanh;"
                    + " dense 10 softmax; loss cross_entropy; }"),
            "");
    assertThat(plan.features()).hasSize(5);
    assertThat(Planner.UNROLL_MAX_WINDOW).isEqualTo(25);
    // 5x5 valid: 25 positions, written out
    assertThat(plan.features().get(0).unrolled()).isTrue();
    assertThat(plan.features().get(0).propagates()).isFalse();
    assertThat(plan.features().get(1).unrolled()).isTrue();
    // same padding: the range of (ky, kx) depends on the position, so loops with clipping bounds
    assertThat(plan.features().get(2).unrolled()).isFalse();
    assertThat(plan.features().get(2).propagates()).isTrue();
    // 6x6 = 36 positions: above the threshold
    assertThat(plan.features().get(4).unrolled()).isFalse();
    // layers with parameters: the convolutions, then the dense layer, by their numbers
    assertThat(plan.parameterLayers().stream().map(p -> p.number()).toList())
        .containsExactly(1, 3, 5, 6)
        .inOrder();
    // the dense layer reads the last feature layer: its delta is written there, times f'
    assertThat(plan.below(plan.layers().get(0)).name("delta")).isEqualTo("delta5");
    assertThat(plan.fusedTrainStep()).isTrue();
  }

  @Test
  void floatSigmoidAndTanhLayersOfThirtyTwoUnitsTakeExpInLoops() {
    NetworkPlan plan =
        plan(
            Nets.network("Loops", 16)
                .dense(32, Activation.SIGMOID)
                .dense(40, Activation.TANH)
                .dense(24, Activation.SIGMOID)
                .dense(32, Activation.RELU)
                .dense(4, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .precision(Precision.FLOAT));
    assertThat(plan.layers().stream().map(LayerPlan::expLoops).toList())
        .containsExactly(true, true, false, false, false)
        .inOrder();
    assertThat(plan.expScratch()).isEqualTo(40);
    // double classes call Math.exp; unrolled layers (at most 200 weights) stay straight-line code
    NetworkPlan inDouble =
        plan(
            Nets.network("Double", 16)
                .dense(32, Activation.SIGMOID)
                .dense(4, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY));
    assertThat(inDouble.expScratch()).isEqualTo(0);
    NetworkPlan unrolled =
        plan(
            Nets.network("Unrolled", 2)
                .dense(32, Activation.SIGMOID)
                .dense(2, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .precision(Precision.FLOAT));
    assertThat(unrolled.layers().get(0).shape()).isEqualTo(CodeShape.UNROLLED);
    assertThat(unrolled.expScratch()).isEqualTo(0);
  }
}
