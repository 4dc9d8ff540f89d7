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
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-gradient passes by parts ({@code clearGradient(part, parts)}, {@code
 * addGradientFrom(other, part, parts)}, {@code beginGradientStep} and {@code applyGradient(scale,
 * part, parts)}) give bit for bit what the whole passes give, for every optimizer, l2, both clips,
 * float and double, dropout and convolution; each part touches only its slice; and the Trainer,
 * which runs them on its threads, trains to the parameters of the serial trainer (the passes as the
 * interface's defaults, on one thread) for 1, 2 and 3 threads.
 */
class PartMethodsTest {
  private static final int[] PARTS = {1, 2, 3, 7};
  private static final List<String> NAMES = new ArrayList<>();
  private static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    // 101 x 100 + 100 x 10 (11,110 parameters, above the Trainer's threshold for threads): looped
    // layers, W as column arrays; 101 and 10 are not multiples of 2, 3 or 7
    networks.add(wide("PartSgd", Activation.TANH).build());
    networks.add(
        wide("PartNesterov", Activation.RELU)
            .optimizer(new Optimizer.Sgd(0.02, 0.9, true))
            .l2(0.01)
            .clip(new Clip.Value(0.05))
            .build());
    Network adam =
        wide("PartAdam", Activation.SIGMOID)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .l2(0.001)
            .clip(new Clip.Norm(0.5))
            .build();
    networks.add(adam);
    networks.add(Nets.rename(adam, "PartAdamFloat", Precision.FLOAT));
    Network rmsprop =
        wide("PartRmsProp", Activation.TANH)
            .optimizer(new Optimizer.RmsProp(0.01, 0.9, 1e-8))
            .clip(new Clip.Norm(0.5))
            .build();
    networks.add(rmsprop);
    networks.add(Nets.rename(rmsprop, "PartRmsPropFloat", Precision.FLOAT));
    networks.add(
        wide("PartAdaGrad", Activation.ELU).optimizer(new Optimizer.AdaGrad(0.05, 1e-8)).build());
    networks.add(
        Nets.network("PartDropout", 101)
            .dense(100, Activation.RELU)
            .dropout(0.3)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .build());
    // a convolution's filters are one flat array; 16 x 12 x 12 = 2,304 inputs to the dense layer
    networks.add(
        Nets.parse(
            "network PartConv { input 12 x 12 x 3; conv 16 3x3 relu padding same;"
                + " dense 10 softmax; loss cross_entropy; optimizer sgd(rate = 0.01, momentum ="
                + " 0.9); clip norm(1); }"));
    // unrolled layers: W as one flat array
    networks.add(
        Nets.network("PartSmall", 4)
            .dense(8, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.05, 0.9, 0.999, 1e-8))
            .build());
    networks.forEach(n -> NAMES.add(n.name()));
    compiled = Compiled.of(networks);
  }

  private static Nets wide(String name, Activation hidden) {
    return Nets.network(name, 101)
        .dense(100, hidden)
        .dense(10, Activation.SOFTMAX)
        .loss(Loss.CROSS_ENTROPY);
  }

  @Test
  void thePartsOfEveryPassAreTheWholePassBitForBit() {
    for (String name : NAMES) {
      for (int parts : PARTS) {
        String what = name + ", " + parts + " parts";
        CompiledNetwork whole = compiled.create(name);
        CompiledNetwork parted = compiled.create(name);
        CompiledNetwork wholeCopy = whole.copy();
        CompiledNetwork partedCopy = parted.copy();
        double[][] inputs = BatchMethodsTest.inputs(whole, 12, 11);
        double[][] targets = BatchMethodsTest.targets(whole, 12, 12);
        for (int step = 1; step <= 3; step++) {
          // two chunks of 6: the second in a copy, added to the first
          accumulate(whole, inputs, targets, 0, 6, step);
          accumulate(parted, inputs, targets, 0, 6, step);
          wholeCopy.clearGradient();
          for (int p = 0; p < parts; p++) {
            partedCopy.clearGradient(p, parts);
          }
          assertSameBits(what + ", cleared copy", partedCopy.gradients(), wholeCopy.gradients());
          accumulate(wholeCopy, inputs, targets, 6, 12, step);
          accumulate(partedCopy, inputs, targets, 6, 12, step);
          whole.addGradientFrom(wholeCopy);
          for (int p = parts - 1; p >= 0; p--) {
            parted.addGradientFrom(partedCopy, p, parts);
          }
          assertSameBits(what + ", step " + step + " sum", parted.gradients(), whole.gradients());
          double scale = 1.0 / 12;
          whole.applyGradient(scale);
          parted.beginGradientStep(scale);
          for (int k = 0; k < parts; k++) {
            parted.applyGradient(scale, (k + 1) % parts, parts); // 1, 2, ..., 0
          }
          what = name + ", " + parts + " parts, step " + step;
          assertSameBits(what + " parameters", parted.parameters(), whole.parameters());
          assertSameBits(what + " state", parted.optimizerState(), whole.optimizerState());
          assertSameBits(what + " gradient", parted.gradients(), whole.gradients());
          assertWithMessage(what).that(parted.optimizerSteps()).isEqualTo(whole.optimizerSteps());
        }
      }
    }
  }

  @Test
  void eachPartTouchesOnlyItsSliceOfEveryTensor() {
    for (String name : List.of("PartAdam", "PartAdamFloat", "PartConv", "PartSmall")) {
      CompiledNetwork net = compiled.create(name);
      double[][] inputs = BatchMethodsTest.inputs(net, 4, 5);
      double[][] targets = BatchMethodsTest.targets(net, 4, 6);
      accumulate(net, inputs, targets, 0, 4, 1);
      List<double[]> gradient = ParameterBits.values(net.gradients());
      List<double[]> before = ParameterBits.values(net.parameters());
      net.beginGradientStep(1.0);
      net.applyGradient(1.0, 1, 2);
      // part 1 of 2: the second half of the columns (or entries) of W, the second half of b
      List<ParameterTensor> after = net.parameters();
      List<ParameterTensor> cleared = net.gradients();
      for (int t = 0; t < after.size(); t++) {
        ParameterTensor tensor = after.get(t);
        int slices = tensor.isVector() || !columns(net, tensor) ? tensor.size() : tensor.cols();
        for (int k = 0; k < tensor.size(); k++) {
          int slice = tensor.isVector() || !columns(net, tensor) ? k : k % tensor.cols();
          boolean mine = slice >= slices / 2;
          String at = name + " " + tensor.name() + "[" + k + "]";
          if (mine) {
            assertWithMessage("%s gradient cleared", at).that(cleared.get(t).get(k)).isEqualTo(0.0);
          } else {
            assertWithMessage("%s untouched", at).that(tensor.get(k)).isEqualTo(before.get(t)[k]);
            assertWithMessage("%s gradient kept", at)
                .that(cleared.get(t).get(k))
                .isEqualTo(gradient.get(t)[k]);
          }
        }
      }
    }
  }

  @Test
  void onlyClipNormMakesTheStepWaitForTheWholeGradient() {
    List<String> clipNorm =
        List.of("PartAdam", "PartAdamFloat", "PartRmsProp", "PartRmsPropFloat", "PartConv");
    for (String name : NAMES) {
      assertWithMessage(name)
          .that(compiled.create(name).stepReadsWholeGradient())
          .isEqualTo(clipNorm.contains(name));
    }
  }

  @Test
  void aPartOutsideTheirNumberIsRefused() {
    CompiledNetwork net = compiled.create("PartSgd");
    assertThrows(IndexOutOfBoundsException.class, () -> net.applyGradient(1.0, 2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> net.clearGradient(-1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> net.addGradientFrom(net.copy(), 0, 0));
    CompiledNetwork other = compiled.create("PartSmall");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> net.addGradientFrom(other, 0, 1));
    assertThat(e).hasMessageThat().contains("different network class");
  }

  @Test
  void theTrainerOnAnyThreadCountTrainsAsTheSerialTrainer() {
    for (String name : NAMES) {
      CompiledNetwork probe = compiled.create(name);
      // 3 steps of 32 and one of 6 an epoch: 2 chunks of 16 (4 of 8; 11 of 3, in two groups), then
      // a step of 1 chunk (of 2 chunks of 3)
      Dataset data =
          Dataset.of(
              BatchMethodsTest.inputs(probe, 102, 21), BatchMethodsTest.targets(probe, 102, 22));
      for (int chunk : new int[] {16, 8, 3}) {
        assertThreadsTrainAsSerial(compiled, name, data, trainer(chunk), "chunks of " + chunk);
      }
    }
  }

  /**
   * Trains {@code name} with {@code trainer} on 1, 2 and 3 threads and checks the parameters and
   * optimizer state against the same trainer on one thread with the passes by parts, the batch
   * methods and the kept chunks as the interface's defaults (what it computed before them).
   */
  static void assertThreadsTrainAsSerial(
      Compiled compiled, String name, Dataset data, Trainer trainer, String settings) {
    CompiledNetwork serial = InterfaceDefaults.of(compiled.create(name));
    trainer.threads(1).train(serial, data);
    for (int threads : new int[] {1, 2, 3}) {
      CompiledNetwork net = compiled.create(name);
      trainer.threads(threads).train(net, data);
      String what = name + ", " + settings + ", " + threads + " threads";
      assertSameBits(what + " parameters", net.parameters(), serial.parameters());
      assertSameBits(what + " state", net.optimizerState(), serial.optimizerState());
    }
  }

  private static Trainer trainer(int chunk) {
    return new Trainer()
        .epochs(2)
        .batchSize(32)
        .chunkSize(chunk)
        .reduction(Reduction.MEAN)
        .shuffle(5)
        .dropoutSeed(9);
  }

  /** Adds the gradients of rows {@code from..to)} (with dropout, keyed by step and row). */
  private static void accumulate(
      CompiledNetwork net, double[][] inputs, double[][] targets, int from, int to, int step) {
    for (int k = from; k < to; k++) {
      if (net instanceof DropoutNetwork d) {
        d.dropoutKey(DropoutNetwork.exampleKey(1, 1, step, k));
      }
      net.accumulateGradient(inputs[k], targets[k]);
    }
  }

  /** True if {@code tensor} (weights) is stored as one array per column in {@code net}'s class. */
  private static boolean columns(CompiledNetwork net, ParameterTensor tensor) {
    String source = compiled.source(net.spec().name()).javaSource();
    String field = "dw" + tensor.name().replaceAll("\\D", "");
    return source.contains("[][] " + field + " = new");
  }

  private static void assertSameBits(
      String what, List<ParameterTensor> actual, List<ParameterTensor> expected) {
    ParameterBits.assertSameBits(
        what, ParameterBits.values(expected), ParameterBits.values(actual));
  }
}
