package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.weights.WeightFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer with a generated dropout network: the masks follow (seed, epoch, step, position), so
 * the parameters after training are bit-identical for 1, 2 and 3 threads, across a checkpoint
 * resume, with and without class weights; another dropout seed gives other parameters. The network
 * has more than the trainer's parallel threshold of parameters, so its chunks really run on several
 * threads.
 */
class DropoutTrainingTest {
  static Compiled compiled;
  static Dataset data;

  @BeforeAll
  static void compileAll() {
    compiled =
        Compiled.of(
            Nets.network("Wide", 64)
                .init(new Init.He(3))
                .dense(128, Activation.RELU)
                .dropout(0.5)
                .dense(32, Activation.TANH)
                .dropout(0.2)
                .dense(4, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8))
                .build(),
            Nets.network("WideF", 64)
                .init(new Init.He(3))
                .dense(128, Activation.RELU)
                .dropout(0.5)
                .dense(32, Activation.TANH)
                .dropout(0.2)
                .dense(4, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .precision(Precision.FLOAT)
                .build());
    Random random = new Random(5);
    int n = 150;
    double[][] x = new double[n][64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(4);
      for (int j = 0; j < 64; j++) {
        x[i][j] = random.nextGaussian() + (j % 4 == labels[i] ? 1 : 0);
      }
    }
    data = Dataset.classification("random", x, labels, List.of("a", "b", "c", "d"), List.of());
  }

  private static List<double[]> parameters(CompiledNetwork net) {
    return ParameterBits.values(net.parameters());
  }

  private static List<double[]> train(String name, Supplier<Trainer> trainer) {
    CompiledNetwork net = compiled.create(name);
    trainer.get().train(net, data);
    return parameters(net);
  }

  @Test
  void theThreadCountNeverChangesTheResult() {
    for (String name : List.of("Wide", "WideF")) {
      for (boolean weighted : new boolean[] {false, true}) {
        List<List<double[]>> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
          runs.add(
              train(
                  name,
                  () -> {
                    Trainer t =
                        new Trainer()
                            .epochs(3)
                            .batchSize(32)
                            .shuffle(4)
                            .dropoutSeed(11)
                            .threads(threads);
                    return weighted ? t.classWeights(1, 2, 0.5, 1.5) : t;
                  }));
        }
        ParameterBits.assertSameBits(name + " 2 threads", runs.get(0), runs.get(1));
        ParameterBits.assertSameBits(name + " 3 threads", runs.get(0), runs.get(2));
      }
    }
  }

  @Test
  void theDropoutSeedChangesTheResultAndStochasticStepsUseIt() {
    List<double[]> a =
        train("Wide", () -> new Trainer().epochs(1).batchSize(1).shuffle(4).dropoutSeed(1));
    List<double[]> again =
        train("Wide", () -> new Trainer().epochs(1).batchSize(1).shuffle(4).dropoutSeed(1));
    List<double[]> b =
        train("Wide", () -> new Trainer().epochs(1).batchSize(1).shuffle(4).dropoutSeed(2));
    ParameterBits.assertSameBits("same seed", a, again);
    assertThat(a.get(0)).isNotEqualTo(b.get(0));
  }

  @Test
  void theTrainerSetsEachExamplesKey() {
    // one step of three examples, accumulated by hand with the documented keys
    Dataset three =
        Dataset.of(
            new double[][] {data.features(0), data.features(1), data.features(2)},
            new double[][] {data.target(0), data.target(1), data.target(2)});
    CompiledNetwork byTrainer = compiled.create("Wide");
    new Trainer().epochs(1).batchSize(3).dropoutSeed(9).train(byTrainer, three);
    DropoutNetwork byHand = (DropoutNetwork) compiled.create("Wide");
    for (int p = 0; p < 3; p++) {
      byHand.dropoutKey(DropoutNetwork.exampleKey(9, 1, 1, p));
      byHand.accumulateGradient(three.features(p), three.target(p));
    }
    byHand.applyGradient(1.0);
    ParameterBits.assertSameBits("one step", parameters(byHand), parameters(byTrainer));
  }

  @Test
  void aResumedRunEndsWithTheParametersOfTheUninterruptedOne(@TempDir Path dir) {
    Supplier<Trainer> trainer =
        () -> new Trainer().epochs(4).batchSize(16).shuffle(3).dropoutSeed(7).threads(2);
    List<double[]> straight = train("Wide", trainer);

    Path checkpoint = dir.resolve("checkpoint.json");
    CompiledNetwork killed = compiled.create("Wide");
    RuntimeException kill = new RuntimeException("killed");
    assertThrows(
        RuntimeException.class,
        () ->
            trainer
                .get()
                .checkpoint(checkpoint, 1)
                .listener(
                    new TrainingListener() {
                      @Override
                      public void onEpoch(EpochStats stats) {
                        if (stats.epoch() == 2) {
                          throw kill;
                        }
                      }
                    })
                .train(killed, data));
    CompiledNetwork resumed = compiled.create("Wide");
    trainer.get().resume(checkpoint).train(resumed, data);
    ParameterBits.assertSameBits("resumed", straight, parameters(resumed));

    // another dropout seed is another run: the checkpoint says so
    WeightFileException e =
        assertThrows(
            WeightFileException.class,
            () ->
                trainer
                    .get()
                    .dropoutSeed(8)
                    .resume(checkpoint)
                    .train(compiled.create("Wide"), data));
    assertThat(e.getMessage()).contains("dropoutSeed=7");
  }
}
