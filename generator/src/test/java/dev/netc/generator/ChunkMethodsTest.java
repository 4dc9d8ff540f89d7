package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chunk's gradient in two halves ({@code forwardChunk}, then {@code accumulateChunkGradient(part,
 * parts)} for every part) gives bit for bit the loss and the accumulators of {@code
 * accumulateGradient(inputs, targets, from, to)}, in double and float, with relu's skipped zero
 * inputs, for chunks that do not fill a block and the largest chunk kept; each part adds only its
 * slice; classes without the batch methods (dropout, convolution, unrolled layers) keep none; and
 * the Trainer, which splits a step's weight gradient between its threads with them, trains to the
 * parameters of the serial trainer for 1, 2 and 3 threads, and falls back where it cannot split.
 */
class ChunkMethodsTest {
  private static final int[] COUNTS = {1, 2, 3, 4, 5, 9, 16, 32};
  private static final int[] PARTS = {1, 2, 3, 7};
  private static final List<String> KEEPING = new ArrayList<>();
  private static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    // 101 x 80 + 80 x 40 + 40 x 10 weights (over the Trainer's threshold for threads): relu
    // below layers 2 and 3, whose gradients skip the rows of zero inputs
    Network relu =
        Nets.network("ChunkRelu", 101)
            .dense(80, Activation.RELU)
            .dense(40, Activation.RELU)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.02, 0.9, true))
            .l2(0.01)
            .build();
    Network sigmoid =
        Nets.network("ChunkSigmoid", 101)
            .dense(100, Activation.SIGMOID)
            .dense(7, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .clip(new Clip.Norm(0.5))
            .build();
    for (Network n : List.of(relu, sigmoid)) {
      networks.add(n);
      networks.add(Nets.rename(n, n.name() + "Float", Precision.FLOAT));
    }
    networks.forEach(n -> KEEPING.add(n.name()));
    networks.add(
        Nets.network("ChunkDropout", 101)
            .dense(100, Activation.RELU)
            .dropout(0.3)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .build());
    networks.add(
        Nets.parse(
            "network ChunkConv { input 12 x 12 x 3; conv 16 3x3 relu padding same;"
                + " dense 10 softmax; loss cross_entropy; optimizer sgd(rate = 0.01); }"));
    networks.add(
        Nets.network("ChunkUnrolled", 4)
            .dense(8, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .build());
    compiled = Compiled.of(networks);
  }

  @Test
  void theTwoHalvesAreTheBlockAccumulationBitForBit() {
    for (String name : KEEPING) {
      for (int count : COUNTS) {
        for (int parts : PARTS) {
          String what = name + ", " + count + " rows, " + parts + " parts";
          CompiledNetwork whole = compiled.create(name);
          CompiledNetwork split = compiled.create(name);
          double[][] inputs = BatchMethodsTest.inputs(whole, 40, count);
          double[][] targets = BatchMethodsTest.targets(whole, 40, count + 1);
          // twice, from two offsets: the second adds to accumulators that are not zero
          for (int from : new int[] {3, 8 - count % 4}) {
            double expected = whole.accumulateGradient(inputs, targets, from, from + count);
            List<double[]> before = ParameterBits.values(split.gradients());
            double loss = split.forwardChunk(inputs, targets, from, from + count);
            assertWithMessage("%s: forwardChunk leaves the accumulators", what)
                .that(ParameterBits.values(split.gradients()).toArray())
                .isEqualTo(before.toArray());
            for (int p = parts - 1; p >= 0; p--) {
              split.accumulateChunkGradient(p, parts);
            }
            assertWithMessage("%s: loss", what)
                .that(Double.doubleToRawLongBits(loss))
                .isEqualTo(Double.doubleToRawLongBits(expected));
            ParameterBits.assertSameBits(
                what + ", from " + from,
                ParameterBits.values(whole.gradients()),
                ParameterBits.values(split.gradients()));
          }
        }
      }
    }
  }

  @Test
  void eachPartAddsOnlyItsSliceOfEveryAccumulator() {
    for (String name : List.of("ChunkRelu", "ChunkSigmoidFloat")) {
      CompiledNetwork whole = compiled.create(name);
      CompiledNetwork split = compiled.create(name);
      double[][] inputs = BatchMethodsTest.inputs(whole, 7, 1);
      double[][] targets = BatchMethodsTest.targets(whole, 7, 2);
      whole.accumulateGradient(inputs, targets, 0, 7);
      split.forwardChunk(inputs, targets, 0, 7);
      split.accumulateChunkGradient(1, 2);
      // part 1 of 2: the second half of the columns of W (one array per column), of b's units
      List<ParameterTensor> expected = whole.gradients();
      List<ParameterTensor> actual = split.gradients();
      for (int t = 0; t < actual.size(); t++) {
        ParameterTensor tensor = actual.get(t);
        int slices = tensor.isVector() ? tensor.size() : tensor.cols();
        for (int k = 0; k < tensor.size(); k++) {
          int slice = tensor.isVector() ? k : k % tensor.cols();
          String at = name + " " + tensor.name() + "[" + k + "]";
          double value = slice >= slices / 2 ? expected.get(t).get(k) : 0.0;
          assertWithMessage("%s", at).that(tensor.get(k)).isEqualTo(value);
        }
      }
    }
  }

  @Test
  void onlyClassesWithTheBatchMethodsKeepChunks() {
    for (String name : KEEPING) {
      assertWithMessage(name).that(compiled.create(name).chunkCapacity()).isEqualTo(32);
    }
    for (String name : List.of("ChunkDropout", "ChunkConv", "ChunkUnrolled")) {
      CompiledNetwork net = compiled.create(name);
      assertWithMessage(name).that(net.chunkCapacity()).isEqualTo(0);
      double[][] inputs = BatchMethodsTest.inputs(net, 2, 1);
      double[][] targets = BatchMethodsTest.targets(net, 2, 2);
      assertThrows(
          UnsupportedOperationException.class, () -> net.forwardChunk(inputs, targets, 0, 2));
      assertThrows(UnsupportedOperationException.class, () -> net.accumulateChunkGradient(0, 1));
    }
  }

  @Test
  void aChunkOverTheCapacityOrAPartOutsideTheirNumberIsRefused() {
    CompiledNetwork net = compiled.create("ChunkRelu");
    double[][] inputs = BatchMethodsTest.inputs(net, 33, 1);
    double[][] targets = BatchMethodsTest.targets(net, 33, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> net.forwardChunk(inputs, targets, 0, 33));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("ChunkRelu: a chunk of 33 examples; at most 32 are kept");
    assertThrows(IndexOutOfBoundsException.class, () -> net.forwardChunk(inputs, targets, 30, 34));
    net.forwardChunk(inputs, targets, 0, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> net.accumulateChunkGradient(2, 2));
  }

  @Test
  void theTrainerSplitsTheGradientWithTheBitsOfTheSerialTrainer() {
    List<String> names = new ArrayList<>(KEEPING);
    names.add("ChunkDropout");
    names.add("ChunkConv");
    for (String name : names) {
      CompiledNetwork probe = compiled.create(name);
      Dataset data =
          Dataset.of(
              BatchMethodsTest.inputs(probe, 90, 21), BatchMethodsTest.targets(probe, 90, 22));
      // chunks of 16 (5 a step of 80), 5 (16 a step, in two groups of 8), 32 (the capacity),
      // 40 (over the capacity: the chunks are not split)
      for (int chunk : new int[] {16, 5, 32, 40}) {
        PartMethodsTest.assertThreadsTrainAsSerial(
            compiled, name, data, trainer(chunk), "chunks of " + chunk);
      }
    }
  }

  @Test
  void classWeightsKeepTheUnsplitChunks() {
    CompiledNetwork probe = compiled.create("ChunkRelu");
    int[] labels = new int[70];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (i * 7) % 10;
    }
    List<String> classes = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    Dataset data =
        Dataset.classification(
            "data", BatchMethodsTest.inputs(probe, 70, 3), labels, classes, List.of());
    double[] weights = {1, 2, 0.5, 1, 1, 3, 1, 1, 0.25, 1};
    PartMethodsTest.assertThreadsTrainAsSerial(
        compiled, "ChunkRelu", data, trainer(16).classWeights(weights), "class weights");
  }

  private static Trainer trainer(int chunk) {
    return new Trainer()
        .epochs(2)
        .batchSize(80)
        .chunkSize(chunk)
        .reduction(Reduction.MEAN)
        .shuffle(5)
        .dropoutSeed(9);
  }
}
