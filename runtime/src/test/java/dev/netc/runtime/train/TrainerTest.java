package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.testing.ReferenceMlp;
import dev.netc.runtime.testing.TestData;
import dev.netc.runtime.weights.WeightFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  private static Dataset xor() {
    double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[][] t = {{0}, {1}, {1}, {0}};
    return Dataset.of(x, t);
  }

  @Test
  void xorIsLearnedWithStochasticSteps() {
    ReferenceMlp net =
        new ReferenceMlp(
            "Xor",
            2,
            new int[] {4, 1},
            new String[] {"tanh", "sigmoid"},
            "squared_error",
            3,
            0.5,
            0.9);
    TrainingResult result = new Trainer().epochs(2000).batchSize(1).train(net, xor());
    Dataset data = xor();
    for (int i = 0; i < 4; i++) {
      double y = net.predict(data.features(i))[0];
      assertEquals(data.target(i)[0], y, 0.1, "XOR of example " + i);
    }
    assertEquals(2000, result.epochs());
    assertEquals(TrainingResult.Stop.COMPLETED, result.stop());
    assertEquals(2000L * 4, net.optimizerSteps(), "one step per example");
    assertTrue(result.last().trainingLoss() < 0.01, "final loss " + result.last().trainingLoss());
  }

  @Test
  void irisReachesNinetyFivePercentOnHeldOutData() {
    Dataset.Split split = TestData.iris().split(0.3, 1, true);
    Scaler scaler = Scaler.fit(Scaler.Kind.STANDARD, split.train());
    Dataset train = scaler.apply(split.train());
    Dataset test = scaler.apply(split.test());
    assertEquals(45, test.size());
    ReferenceMlp net = ReferenceMlp.classifier(4, 8, 3, 7, 0.01, 0.9);
    new Trainer().epochs(100).batchSize(4).shuffle(1).train(net, train);
    ClassificationMetrics metrics = Evaluator.classification(net, test);
    assertTrue(metrics.accuracy() >= 0.95, "Iris test accuracy " + metrics.accuracy());
  }

  @Test
  void digitsReachNinetyFivePercentOnHeldOutData() {
    Dataset.Split split = TestData.digits().split(0.25, 5, true);
    Scaler scaler = Scaler.fit(Scaler.Kind.MIN_MAX, split.train());
    Dataset train = scaler.apply(split.train());
    Dataset test = scaler.apply(split.test());
    ReferenceMlp net = ReferenceMlp.classifier(64, 32, 10, 11, 0.01, 0.9);
    new Trainer().epochs(30).batchSize(8).shuffle(2).threads(2).train(net, train);
    ClassificationMetrics metrics = Evaluator.classification(net, test);
    assertTrue(metrics.accuracy() >= 0.95, "digits test accuracy " + metrics.accuracy());
  }

  private static List<double[]> trainDigits(int threads, int chunk) {
    Dataset data = TestData.digits().slice(0, 600);
    data = Scaler.fit(Scaler.Kind.MIN_MAX, data).apply(data);
    // 64 -> 160 -> 10: 12,010 parameters, above Trainer.PARALLEL_MIN_PARAMETERS, so the chunks
    // really run on several threads.
    ReferenceMlp net = ReferenceMlp.classifier(64, 160, 10, 5, 0.001, 0.9);
    assertTrue(net.spec().parameterCount() >= Trainer.PARALLEL_MIN_PARAMETERS);
    new Trainer()
        .epochs(3)
        .batchSize(100)
        .shuffle(9)
        .threads(threads)
        .chunkSize(chunk)
        .train(net, data);
    return TestData.parameters(net);
  }

  @Test
  void parametersAreBitIdenticalForOneTwoAndEightThreads() {
    List<double[]> one = trainDigits(1, 16);
    assertTrue(TestData.sameBits(one, trainDigits(2, 16)), "2 threads differ from 1");
    assertTrue(TestData.sameBits(one, trainDigits(8, 16)), "8 threads differ from 1");
    assertTrue(TestData.sameBits(one, trainDigits(3, 16)), "3 threads differ from 1");
  }

  /**
   * Chunk c's gradient (examples c*4 .. c*4+3 of {@code data}) in a cleared copy of {@code net}.
   */
  private static ReferenceMlp chunkGradient(ReferenceMlp net, Dataset data, int c) {
    ReferenceMlp copy = (ReferenceMlp) net.copy();
    copy.clearGradient();
    for (int i = c * 4; i < Math.min(data.size(), c * 4 + 4); i++) {
      copy.accumulateGradient(data.features(i), data.target(i));
    }
    return copy;
  }

  @Test
  void chunkGradientsAreSummedAsTheDocumentedTreeForAnyThreadCount() {
    // One full-batch step of 43 examples in chunks of 4: 11 chunks, groups of 8 and 3. Written out
    // by hand: group 0 in the network, pairs at distance 1, 2, 4; group 1 in a copy, then added.
    Dataset data =
        Scaler.fit(Scaler.Kind.MIN_MAX, TestData.digits().slice(0, 43))
            .apply(TestData.digits().slice(0, 43));
    ReferenceMlp byHand = ReferenceMlp.classifier(64, 160, 10, 5, 0.001, 0.9);
    ReferenceMlp[] g = new ReferenceMlp[11];
    for (int c = 1; c < 11; c++) {
      g[c] = chunkGradient(byHand, data, c);
    }
    for (int i = 0; i < 4; i++) {
      byHand.accumulateGradient(data.features(i), data.target(i));
    }
    g[0] = byHand;
    g[0].addGradientFrom(g[1]);
    g[2].addGradientFrom(g[3]);
    g[4].addGradientFrom(g[5]);
    g[6].addGradientFrom(g[7]);
    g[0].addGradientFrom(g[2]);
    g[4].addGradientFrom(g[6]);
    g[0].addGradientFrom(g[4]);
    g[8].addGradientFrom(g[9]);
    g[8].addGradientFrom(g[10]);
    byHand.addGradientFrom(g[8]);
    byHand.applyGradient(1.0 / 43);
    List<double[]> expected = TestData.parameters(byHand);
    for (int threads : new int[] {1, 2, 3, 8}) {
      ReferenceMlp viaTrainer = ReferenceMlp.classifier(64, 160, 10, 5, 0.001, 0.9);
      new Trainer()
          .epochs(1)
          .fullBatch()
          .reduction(Reduction.MEAN)
          .chunkSize(4)
          .threads(threads)
          .train(viaTrainer, data);
      assertTrue(
          TestData.sameBits(expected, TestData.parameters(viaTrainer)),
          threads + " threads differ from the tree written out by hand");
    }
    // The same order through the public helper, from chunk gradients computed elsewhere.
    ReferenceMlp viaHelper = ReferenceMlp.classifier(64, 160, 10, 5, 0.001, 0.9);
    List<ReferenceMlp> chunks = new ArrayList<>();
    for (int c = 0; c < 11; c++) {
      chunks.add(chunkGradient(viaHelper, data, c));
    }
    viaHelper.clearGradient();
    Trainer.addChunkGradients(viaHelper, chunks);
    viaHelper.applyGradient(1.0 / 43);
    assertTrue(
        TestData.sameBits(expected, TestData.parameters(viaHelper)),
        "Trainer.addChunkGradients differs from the tree written out by hand");
  }

  @Test
  void oneChunkStepsAccumulateLikeAPlainLoop() {
    // A full-batch step of 4 examples with chunks of 32: same arithmetic as accumulate + apply.
    ReferenceMlp viaTrainer = ReferenceMlp.classifier(2, 3, 2, 1, 0.1, 0);
    ReferenceMlp byHand = ReferenceMlp.classifier(2, 3, 2, 1, 0.1, 0);
    Dataset data =
        Dataset.classification(
            "d",
            new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}},
            new int[] {0, 1, 1, 0},
            List.of("a", "b"),
            List.of());
    new Trainer().epochs(1).fullBatch().train(viaTrainer, data);
    for (int i = 0; i < 4; i++) {
      byHand.accumulateGradient(data.features(i), data.target(i));
    }
    byHand.applyGradient(1);
    assertTrue(TestData.sameBits(TestData.parameters(byHand), TestData.parameters(viaTrainer)));
  }

  private Trainer resumable(Path checkpoint) {
    return new Trainer()
        .epochs(7)
        .batchSize(10)
        .shuffle(4)
        .validationFraction(0.2, 3)
        .schedule(Schedule.exponential(0.9))
        .checkpoint(checkpoint, 2);
  }

  @Test
  void resumingFromACheckpointEndsWithTheSameParametersAsAnUninterruptedRun(@TempDir Path dir) {
    Dataset data = Scaler.fit(Scaler.Kind.STANDARD, TestData.iris()).apply(TestData.iris());
    ReferenceMlp straight = ReferenceMlp.classifier(4, 6, 3, 2, 0.05, 0.9);
    TrainingResult full = resumable(dir.resolve("a.json")).train(straight, data);

    Path checkpoint = dir.resolve("b.json");
    ReferenceMlp killed = ReferenceMlp.classifier(4, 6, 3, 2, 0.05, 0.9);
    RuntimeException kill = new RuntimeException("killed");
    Trainer dying =
        resumable(checkpoint)
            .listener(
                new TrainingListener() {
                  @Override
                  public void onEpoch(EpochStats stats) {
                    if (stats.epoch() == 5) {
                      throw kill;
                    }
                  }
                });
    assertThrows(RuntimeException.class, () -> dying.train(killed, data));
    assertTrue(Files.exists(checkpoint));

    ReferenceMlp resumed =
        ReferenceMlp.classifier(4, 6, 3, 99, 0.05, 0.9); // other init: overwritten
    List<Integer> epochsRun = new ArrayList<>();
    TrainingResult rest =
        resumable(checkpoint)
            .resume(checkpoint)
            .listener(
                new TrainingListener() {
                  @Override
                  public void onEpoch(EpochStats stats) {
                    epochsRun.add(stats.epoch());
                  }
                })
            .train(resumed, data);

    assertEquals(List.of(5, 6, 7), epochsRun, "resumes after the checkpoint of epoch 4");
    assertTrue(
        TestData.sameBits(TestData.parameters(straight), TestData.parameters(resumed)),
        "resumed parameters differ from the uninterrupted run");
    assertEquals(straight.optimizerSteps(), resumed.optimizerSteps());
    assertEquals(straight.learningRate(), resumed.learningRate());
    assertEquals(7, rest.epochs());
    for (int e = 0; e < 7; e++) {
      assertEquals(
          full.history().get(e).trainingLoss(),
          rest.history().get(e).trainingLoss(),
          "training loss of epoch " + (e + 1));
    }
  }

  private static Dataset rotatedValidation(Dataset data) {
    double[][] wrong = new double[data.size()][];
    for (int i = 0; i < wrong.length; i++) {
      wrong[i] = new double[3];
      wrong[i][(data.label(i) + 1) % 3] = 1;
    }
    return data.withRows(data.features(), wrong);
  }

  @Test
  void resumingKeepsTheEarlyStoppingStateAndStopsWhereTheUninterruptedRunStopped(
      @TempDir Path dir) {
    Dataset data = Scaler.fit(Scaler.Kind.STANDARD, TestData.iris()).apply(TestData.iris());
    Dataset validation = rotatedValidation(data);
    Path checkpoint = dir.resolve("early.json");
    java.util.function.Supplier<Trainer> trainer =
        () ->
            new Trainer()
                .epochs(60)
                .batchSize(10)
                .shuffle(1)
                .validation(validation)
                .earlyStopping(3)
                .checkpoint(checkpoint, 1);
    ReferenceMlp straight = ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0.9);
    TrainingResult full = trainer.get().train(straight, data);
    assertEquals(TrainingResult.Stop.EARLY_STOPPED, full.stop());
    assertTrue(full.epochs() - 1 > full.bestEpoch(), "best epoch " + full.bestEpoch());
    // Killed in the epoch before the stop, and in the stopping epoch after its checkpoint.
    for (int killAt : new int[] {full.epochs() - 1, full.epochs()}) {
      ReferenceMlp killed = ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0.9);
      assertThrows(
          IllegalStateException.class,
          () ->
              trainer
                  .get()
                  .listener(
                      new TrainingListener() {
                        @Override
                        public void onEpoch(EpochStats stats) {
                          if (stats.epoch() == killAt) {
                            throw new IllegalStateException("killed");
                          }
                        }
                      })
                  .train(killed, data));
      ReferenceMlp resumed = ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0.9);
      TrainingResult rest = trainer.get().resume(checkpoint).train(resumed, data);
      assertEquals(full.stop(), rest.stop());
      assertEquals(full.bestEpoch(), rest.bestEpoch());
      assertEquals(full.epochs(), rest.epochs(), "killed at " + killAt);
      assertTrue(
          TestData.sameBits(TestData.parameters(straight), TestData.parameters(resumed)),
          "killed at " + killAt);
    }
  }

  @Test
  void aDamagedOrMissingCheckpointIsRefused(@TempDir Path dir) throws java.io.IOException {
    Path checkpoint = dir.resolve("c.json");
    new Trainer()
        .epochs(1)
        .batchSize(50)
        .checkpoint(checkpoint, 1)
        .train(ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0), TestData.iris());
    byte[] bytes = Files.readAllBytes(checkpoint);
    Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Trainer resuming = new Trainer().epochs(2).batchSize(50).resume(checkpoint);
    ReferenceMlp net = ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0);
    List<double[]> before = TestData.parameters(net);
    WeightFileException e =
        assertThrows(WeightFileException.class, () -> resuming.train(net, TestData.iris()));
    assertTrue(e.getMessage().startsWith(checkpoint + ": is truncated"), e.getMessage());
    assertTrue(TestData.sameBits(before, TestData.parameters(net)));
    Path missing = dir.resolve("none.json");
    assertEquals(
        missing + ": file not found",
        assertThrows(
                WeightFileException.class,
                () -> new Trainer().resume(missing).train(net, TestData.iris()))
            .getMessage());
  }

  @Test
  void resumingWithOtherSettingsIsRefused(@TempDir Path dir) {
    Dataset data = TestData.iris();
    Path checkpoint = dir.resolve("c.json");
    new Trainer()
        .epochs(2)
        .batchSize(10)
        .checkpoint(checkpoint, 1)
        .train(ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0), data);
    WeightFileException e =
        assertThrows(
            WeightFileException.class,
            () ->
                new Trainer()
                    .epochs(4)
                    .batchSize(20)
                    .resume(checkpoint)
                    .train(ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0), data));
    assertTrue(e.getMessage().contains("batch=10"), e.getMessage());
    assertTrue(e.getMessage().contains("batch=20"), e.getMessage());

    WeightFileException other =
        assertThrows(
            WeightFileException.class,
            () ->
                new Trainer()
                    .epochs(4)
                    .batchSize(10)
                    .resume(checkpoint)
                    .train(ReferenceMlp.classifier(4, 7, 3, 2, 0.01, 0), data));
    assertTrue(other.getMessage().contains("another topology"), other.getMessage());
  }

  @Test
  void earlyStoppingStopsAfterPatienceAndKeepsTheBestParameters() {
    Dataset data = Scaler.fit(Scaler.Kind.STANDARD, TestData.iris()).apply(TestData.iris());
    // Validation labels rotated by one class: the better the fit, the worse the validation loss.
    Dataset validation = rotatedValidation(data);
    ReferenceMlp net = ReferenceMlp.classifier(4, 6, 3, 2, 0.01, 0.9);
    Map<Integer, List<double[]>> snapshots = new HashMap<>();
    TrainingResult result =
        new Trainer()
            .epochs(100)
            .batchSize(10)
            .shuffle(1)
            .validation(validation)
            .earlyStopping(3)
            .listener(
                new TrainingListener() {
                  @Override
                  public void onEpoch(EpochStats stats) {
                    snapshots.put(stats.epoch(), TestData.parameters(net));
                  }
                })
            .train(net, data);
    assertEquals(TrainingResult.Stop.EARLY_STOPPED, result.stop());
    assertEquals(result.bestEpoch() + 3, result.epochs());
    double best = result.history().get(result.bestEpoch() - 1).validationLoss();
    for (EpochStats s : result.history()) {
      assertTrue(s.validationLoss() >= best, "epoch " + s.epoch() + " beat the best");
    }
    assertTrue(
        TestData.sameBits(snapshots.get(result.bestEpoch()), TestData.parameters(net)),
        "the network holds the parameters of epoch " + result.bestEpoch());
  }

  @Test
  void schedulesGiveTheirRates() {
    assertEquals(0.1, Schedule.constant().rate(7, 0.1));
    Schedule step = Schedule.stepDecay(0.5, 2);
    assertEquals(
        List.of(1.0, 1.0, 0.5, 0.5, 0.25),
        List.of(
            step.rate(1, 1), step.rate(2, 1), step.rate(3, 1), step.rate(4, 1), step.rate(5, 1)));
    assertEquals(0.81, Schedule.exponential(0.9).rate(3, 1), 1e-15);
    Schedule cosine = Schedule.cosine(5, 0.01);
    assertEquals(1.0, cosine.rate(1, 1));
    assertEquals(0.505, cosine.rate(3, 1), 1e-15);
    assertEquals(0.01, cosine.rate(5, 1), 1e-15);
  }

  @Test
  void theTrainerSetsTheScheduledRateEachEpoch() {
    ReferenceMlp net = ReferenceMlp.classifier(4, 5, 3, 1, 0.2, 0);
    TrainingResult result =
        new Trainer()
            .epochs(4)
            .batchSize(50)
            .schedule(Schedule.stepDecay(0.1, 2))
            .train(net, TestData.iris());
    assertEquals(0.2, result.history().get(0).learningRate());
    assertEquals(0.2, result.history().get(1).learningRate());
    assertEquals(0.2 * 0.1, result.history().get(2).learningRate(), 1e-17);
    assertEquals(0.2 * 0.1, net.learningRate(), 1e-17);
  }

  @Test
  void meanReductionDividesTheStepGradientAndLossIsPerExampleEitherWay() {
    Dataset data = TestData.iris();
    ReferenceMlp sum = ReferenceMlp.classifier(4, 5, 3, 1, 0.01 / 150, 0);
    ReferenceMlp mean = ReferenceMlp.classifier(4, 5, 3, 1, 0.01, 0);
    TrainingResult a = new Trainer().epochs(1).fullBatch().train(sum, data);
    TrainingResult b =
        new Trainer().epochs(1).fullBatch().reduction(Reduction.MEAN).train(mean, data);
    assertEquals(a.last().trainingLoss(), b.last().trainingLoss(), "loss is the mean per example");
    List<double[]> pa = TestData.parameters(sum);
    List<double[]> pb = TestData.parameters(mean);
    for (int t = 0; t < pa.size(); t++) {
      for (int k = 0; k < pa.get(t).length; k++) {
        assertEquals(pa.get(t)[k], pb.get(t)[k], 1e-14, "tensor " + t + " index " + k);
      }
    }
    assertFalse(
        TestData.sameBits(pa, TestData.parameters(ReferenceMlp.classifier(4, 5, 3, 1, 0.01, 0))),
        "the step changed the parameters");
  }

  @Test
  void divergenceStopsWithEpochStepAndTheLastGoodParameters() {
    Dataset data =
        Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{100}, {200}, {300}});
    ReferenceMlp net =
        new ReferenceMlp(
            "Blowup",
            2,
            new int[] {3, 1},
            new String[] {"relu", "linear"},
            "squared_error",
            1,
            1e3,
            0);
    Map<Integer, List<double[]>> snapshots = new HashMap<>();
    snapshots.put(0, TestData.parameters(net));
    TrainingException e =
        assertThrows(
            TrainingException.class,
            () ->
                new Trainer()
                    .epochs(50)
                    .batchSize(1)
                    .listener(
                        new TrainingListener() {
                          @Override
                          public void onEpoch(EpochStats stats) {
                            snapshots.put(stats.epoch(), TestData.parameters(net));
                          }
                        })
                    .train(net, data));
    assertTrue(
        e.getMessage()
            .startsWith("training diverged in epoch " + e.epoch() + ", step " + e.step() + ": "),
        e.getMessage());
    assertTrue(e.getMessage().contains("lower learning rate"), e.getMessage());
    assertTrue(
        TestData.sameBits(snapshots.get(e.epoch() - 1), TestData.parameters(net)),
        "parameters of the start of epoch " + e.epoch() + " are back");
  }

  @Test
  void listenersSeeThePlanEveryStepAndEveryEpoch() {
    List<String> events = new ArrayList<>();
    new Trainer()
        .epochs(2)
        .batchSize(64)
        .validationFraction(0.2, 1)
        .listener(
            new TrainingListener() {
              @Override
              public void onStart(TrainingPlan plan) {
                events.add(
                    "start "
                        + plan.trainingExamples()
                        + " "
                        + plan.validationExamples()
                        + " "
                        + plan.stepsPerEpoch());
              }

              @Override
              public void onStep(int epoch, int step, int steps, double loss) {
                events.add("step " + epoch + "." + step + "/" + steps);
              }

              @Override
              public void onEpoch(EpochStats stats) {
                events.add("epoch " + stats.epoch() + " " + stats.hasValidation());
              }

              @Override
              public void onFinish(TrainingResult result) {
                events.add("finish " + result.epochs());
              }
            })
        .train(ReferenceMlp.classifier(4, 5, 3, 1, 0.01, 0), TestData.iris());
    assertEquals(
        List.of(
            "start 120 30 2",
            "step 1.1/2",
            "step 1.2/2",
            "epoch 1 true",
            "step 2.1/2",
            "step 2.2/2",
            "epoch 2 true",
            "finish 2"),
        events);
  }

  @Test
  void plainTextListenerPrintsOneAlignedLinePerEpoch() {
    EpochStats stats =
        new EpochStats(3, 0.5, 0.25, 0.9, 0.05, 30, 1000, java.time.Duration.ofMillis(1500));
    assertEquals(
        "epoch  3/10  loss 0.500000  val_loss 0.250000  val_acc 90.00%  rate 0.05000"
            + "  1000 ex/s  1.5 s",
        PlainTextListener.format(stats, 10));
  }

  @Test
  void dataOfTheWrongWidthIsRefusedWithBothWidths() {
    var e =
        assertThrows(
            dev.netc.runtime.data.DataException.class,
            () ->
                new Trainer().train(ReferenceMlp.classifier(5, 5, 3, 1, 0.01, 0), TestData.iris()));
    assertTrue(
        e.getMessage().contains("4 feature columns but Classifier takes 5 inputs"), e.getMessage());
  }
}
