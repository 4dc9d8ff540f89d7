package dev.netc.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Schedule;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.spark.nets.IrisDropoutNet;
import dev.netc.spark.nets.IrisNet;
import dev.netc.spark.nets.WaveNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with NetcEstimator: exact gradient steps, parameter averaging, validation, errors. */
class NetcEstimatorTest {
  private static final String IRIS = "dev.netc.spark.nets.IrisNet";
  private static final String WAVE = "dev.netc.spark.nets.WaveNet";

  /** Iris with standardized features (the estimator does not scale). */
  private static Dataset iris() {
    Dataset raw = TestData.iris();
    return Scaler.fit(Scaler.Kind.STANDARD, raw).apply(raw);
  }

  private static void assertSameParameters(
      CompiledNetwork expected, CompiledNetwork actual, String what) {
    List<ParameterTensor> e = expected.parameters();
    List<ParameterTensor> a = actual.parameters();
    for (int t = 0; t < e.size(); t++) {
      assertArrayEquals(
          e.get(t).toArray(), a.get(t).toArray(), what + ": " + e.get(t).name() + " differs");
    }
  }

  @Test
  void gradientModeGivesTheTrainersParametersBitForBitOnOneTwoAndThreePartitions() {
    // Batch 20 cuts each step into chunks of 16 and 4 examples; the last step has 10.
    Dataset data = iris();
    CompiledNetwork expected = new IrisNet();
    TrainingResult local =
        new Trainer()
            .epochs(2)
            .batchSize(20)
            .reduction(Reduction.MEAN)
            .shuffle(1)
            .train(expected, data);
    for (int partitions = 1; partitions <= 3; partitions++) {
      NetcModel model =
          new NetcEstimator()
              .setNetwork(IRIS)
              .setEpochs(2)
              .setBatchSize(20)
              .setReduction("mean")
              .setSeed(1)
              .fit(TestData.frame(data, partitions));
      assertSameParameters(expected, model.newNetwork(), partitions + " partitions");
      TrainingResult result = model.trainingResult().orElseThrow();
      assertEquals(2, result.epochs());
      assertEquals(
          local.last().trainingLoss(), result.last().trainingLoss(), partitions + " partitions");
      assertEquals(local.last().steps(), result.last().steps());
    }
  }

  @Test
  void gradientModeDrawsTheTrainersDropoutMasks() {
    // the masks of example p of step s of epoch e come from (seed, e, s, p) in both
    Dataset data = iris();
    CompiledNetwork expected = new IrisDropoutNet();
    new Trainer()
        .epochs(2)
        .batchSize(20)
        .reduction(Reduction.MEAN)
        .shuffle(5)
        .dropoutSeed(5)
        .train(expected, data);
    CompiledNetwork otherSeed = new IrisDropoutNet();
    new Trainer()
        .epochs(2)
        .batchSize(20)
        .reduction(Reduction.MEAN)
        .shuffle(5)
        .train(otherSeed, data);
    for (int partitions = 1; partitions <= 2; partitions++) {
      NetcModel model =
          new NetcEstimator()
              .setNetwork("dev.netc.spark.nets.IrisDropoutNet")
              .setEpochs(2)
              .setBatchSize(20)
              .setReduction("mean")
              .setSeed(5)
              .fit(TestData.frame(data, partitions));
      assertSameParameters(expected, model.newNetwork(), partitions + " partitions");
    }
    // another seed draws other masks, so other parameters
    assertFalse(
        java.util.Arrays.equals(
            expected.parameters().get(0).toArray(), otherSeed.parameters().get(0).toArray()));
  }

  @Test
  void learningRateScheduleAsTheTrainersInBothModes() {
    Dataset data = iris();
    Schedule schedule = Schedule.stepDecay(0.5, 2);
    CompiledNetwork expected = new IrisNet();
    TrainingResult local =
        new Trainer()
            .epochs(3)
            .batchSize(20)
            .reduction(Reduction.MEAN)
            .shuffle(1)
            .schedule(schedule)
            .train(expected, data);
    NetcModel model =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setEpochs(3)
            .setBatchSize(20)
            .setReduction("mean")
            .setSeed(1)
            .setSchedule(schedule)
            .fit(TestData.frame(data, 2));
    assertSameParameters(expected, model.newNetwork(), "gradient mode with a schedule");
    TrainingResult result = model.trainingResult().orElseThrow();
    for (int e = 0; e < 3; e++) {
      assertEquals(local.history().get(e).learningRate(), result.history().get(e).learningRate());
    }
    double rate = new IrisNet().learningRate();
    assertEquals(rate * 0.5, result.history().get(2).learningRate(), 0.0);
    // Average mode: the epochs' rates are the schedule's, and the partitions' local steps take
    // them (a smaller rate from epoch 2 on changes the result).
    NetcEstimator average =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setEpochs(3)
            .setBatchSize(10)
            .setSeed(1)
            .setMode("average")
            .setLocalSteps(3);
    NetcModel constant = average.fit(TestData.frame(data, 2));
    NetcModel scheduled =
        average.copy(new ParamMap()).setSchedule(schedule).fit(TestData.frame(data, 2));
    assertEquals(rate * 0.5, scheduled.trainingResult().orElseThrow().last().learningRate(), 0.0);
    assertEquals(rate, constant.trainingResult().orElseThrow().last().learningRate(), 0.0);
    assertFalse(
        java.util.Arrays.equals(
            constant.newNetwork().parameters().get(0).toArray(),
            scheduled.newNetwork().parameters().get(0).toArray()));
  }

  @Test
  void gradientModeWithAdamAndDataOrderEqualsTheTrainer() {
    Dataset data = TestData.wave(90);
    CompiledNetwork expected = new WaveNet();
    new Trainer().epochs(2).batchSize(32).train(expected, data);
    for (int partitions : new int[] {1, 3}) {
      NetcModel model =
          new NetcEstimator()
              .setNetwork(WAVE)
              .setEpochs(2)
              .setBatchSize(32)
              .fit(TestData.frame(data, partitions));
      CompiledNetwork actual = model.newNetwork();
      assertSameParameters(expected, actual, partitions + " partitions");
      assertEquals(expected.optimizerSteps(), 6);
    }
  }

  @Test
  void averageModeIsDeterministicForAFixedPartitioningAndLearns() {
    Dataset data = iris();
    NetcEstimator estimator =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setMode("average")
            .setLocalSteps(5)
            .setEpochs(10)
            .setBatchSize(8)
            .setReduction("mean")
            .setSeed(5);
    NetcModel first = estimator.fit(TestData.frame(data, 2));
    NetcModel second = estimator.fit(TestData.frame(data, 2));
    assertSameParameters(first.newNetwork(), second.newNetwork(), "two runs on 2 partitions");
    List<Row> scored =
        first.transform(TestData.frame(data, 2)).select("label", "prediction").collectAsList();
    long right = scored.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
    assertTrue(right >= 125, "averaging on Iris classified only " + right + " of 150 right");
    TrainingResult result = first.trainingResult().orElseThrow();
    assertTrue(
        result.last().trainingLoss() < result.history().get(0).trainingLoss(),
        "the loss did not fall: " + result.history());
  }

  @Test
  void stringLabelsBecomeClassNamesAndPredictedLabels() {
    NetcModel model =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setLabelCol("species")
            .setEpochs(2)
            .setBatchSize(30)
            .setSeed(3)
            .fit(TestData.frame(iris(), 2));
    assertEquals(TestData.SPECIES, model.classNames());
    // The same steps as class indexes: the species are sorted as the indexes.
    CompiledNetwork expected = new IrisNet();
    new Trainer().epochs(2).batchSize(30).shuffle(3).train(expected, iris());
    assertSameParameters(expected, model.newNetwork(), "string labels");
    Row first =
        model.transform(TestData.frame(iris(), 1)).orderBy("id").select("predictedLabel").first();
    assertEquals("setosa", first.getString(0));
  }

  @Test
  void validationFractionAndEarlyStoppingReportEveryEpoch() {
    List<EpochStats> told = new ArrayList<>();
    NetcModel model =
        new NetcEstimator()
            .setNetwork(IRIS)
            .addListener(
                new TrainingListener() {
                  @Override
                  public void onEpoch(EpochStats stats) {
                    told.add(stats);
                  }
                })
            .setEpochs(15)
            .setBatchSize(4)
            .setReduction("mean")
            .setMode("average")
            .setLocalSteps(30)
            .setSeed(2)
            .setValidationFraction(0.2, 9)
            .setPatience(2)
            .fit(TestData.frame(iris(), 2));
    TrainingResult result = model.trainingResult().orElseThrow();
    assertTrue(
        result.history().stream().allMatch(s -> s.hasValidation()), result.history().toString());
    assertTrue(result.last().validationAccuracy() > 0.8, result.last().toString());
    assertTrue(result.epochs() < 15 || result.stop() == TrainingResult.Stop.COMPLETED);
    assertTrue(result.bestEpoch() <= result.epochs());
    assertEquals(result.history(), told);
    // 120 training rows on 2 partitions, steps of 4: each partition takes at least 15 steps of
    // its own in the one round of an epoch, and the average keeps the larger step count.
    assertTrue(told.get(0).steps() >= 15, told.get(0).toString());
  }

  @Test
  void validationIndicatorColumnHoldsRowsOut() {
    org.apache.spark.sql.Dataset<Row> frame =
        TestData.frame(iris(), 2).withColumn("check", functions.col("id").mod(5).equalTo(0));
    NetcModel model =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setEpochs(2)
            .setBatchSize(10)
            .setValidationIndicatorCol("check")
            .fit(frame);
    TrainingResult result = model.trainingResult().orElseThrow();
    assertTrue(result.last().hasValidation());
    // 120 training rows in steps of 10: 12 steps per epoch.
    assertEquals(24, result.last().steps());
  }

  @Test
  void savedEstimatorKeepsItsSettings(@TempDir Path dir) throws IOException {
    TestSpark.session();
    NetcEstimator estimator =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setEpochs(7)
            .setBatchSize(12)
            .setReduction("mean")
            .setSeed(3)
            .setMode("average")
            .setLocalSteps(4)
            .setClassNames("a", "b", "c")
            .setValidationFraction(0.25, 8)
            .setPatience(2)
            .setScaling("minmax");
    String path = dir.resolve("estimator").toString();
    estimator.write().overwrite().save(path);
    NetcEstimator loaded = NetcEstimator.load(path);
    assertEquals(estimator.uid(), loaded.uid());
    // every parameter with its value (arrays print by identity: the class names are compared
    // below)
    assertEquals(
        estimator.explainParams().replaceAll("(classNames|categoricalCols):.*", ""),
        loaded.explainParams().replaceAll("(classNames|categoricalCols):.*", ""));
    assertTrue(
        loaded
            .explainParams()
            .contains(
                "mode: gradient (exact steps) or average"
                    + " (parameter averaging) (default: gradient, current: average)"),
        loaded.explainParams());
    assertArrayEquals(new String[] {"a", "b", "c"}, loaded.getOrDefault(loaded.classNames()));
  }

  @Test
  void labelOutsideTheClassesIsNamed() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setLabelCol("species")
                    .setClassNames("setosa", "versicolor", "virginicaa")
                    .setEpochs(1)
                    .fit(TestData.frame(iris(), 2)));
    assertEquals(
        "the label column 'species' has the class 'virginica', which is not one of the"
            + " classes [setosa, versicolor, virginicaa] of IrisNet; remove such rows, or train with"
            + " every class in setClassNames(...)",
        NetcModelTest.rootUserError(e).getMessage());
    NetcSparkException count =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setLabelCol("species")
                    .fit(TestData.frame(iris(), 1).where("species != 'setosa'")));
    assertTrue(
        count
            .getMessage()
            .startsWith(
                "NetcEstimator: the label column 'species' has 2"
                    + " classes [versicolor, virginica], but IrisNet has 3 outputs"),
        count.getMessage());
  }

  @Test
  void missingLabelColumnAndUnknownClassAreNamed() {
    NetcSparkException label =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setLabelCol("target")
                    .fit(TestData.frame(iris(), 1)));
    assertTrue(
        label
            .getMessage()
            .startsWith(
                "NetcEstimator: the label column 'target' is not in"
                    + " the data (columns: id, features, label, species)"),
        label.getMessage());
    NetcSparkException network =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork("com.acme.ml.IrisNet")
                    .fit(TestData.frame(iris(), 1)));
    assertTrue(
        network
            .getMessage()
            .startsWith("the network class com.acme.ml.IrisNet is not on" + " the class path"),
        network.getMessage());
    assertFalse(network.getMessage().contains("\n"));
  }

  /** Thrown by a listener to stop a fit after an epoch, as a failure would. */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Stops the fit after epoch {@code epoch} (its checkpoint written). */
  private static TrainingListener failAfter(int epoch) {
    return new TrainingListener() {
      @Override
      public void onEpoch(EpochStats stats) {
        if (stats.epoch() == epoch) {
          throw new Interrupted();
        }
      }
    };
  }

  @Test
  void aFitResumedFromItsCheckpointEndsAsTheUninterruptedOneInBothModes(@TempDir Path dir) {
    Dataset data = iris();
    for (String mode : List.of("gradient", "average")) {
      NetcEstimator settings =
          new NetcEstimator()
              .setNetwork(IRIS)
              .setMode(mode)
              .setLocalSteps(3)
              .setEpochs(4)
              .setBatchSize(10)
              .setReduction("mean")
              .setSeed(4)
              .setValidationFraction(0.2, 6)
              .setPatience(3);
      NetcModel uninterrupted = settings.copy(new ParamMap()).fit(TestData.frame(data, 2));
      String checkpoint = dir.resolve(mode + ".checkpoint.json").toString();
      assertThrows(
          Interrupted.class,
          () ->
              settings
                  .copy(new ParamMap())
                  .setCheckpointPath(checkpoint)
                  .addListener(failAfter(2))
                  .fit(TestData.frame(data, 2)));
      assertTrue(java.nio.file.Files.exists(Path.of(checkpoint)), mode);
      // gradient mode on another partitioning too: its steps do not depend on it
      int partitions = mode.equals("gradient") ? 3 : 2;
      List<EpochStats> told = new ArrayList<>();
      NetcModel resumed =
          settings
              .copy(new ParamMap())
              .setCheckpointPath(checkpoint)
              .setResumeFrom(checkpoint)
              .addListener(
                  new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats stats) {
                      told.add(stats);
                    }
                  })
              .fit(TestData.frame(data, partitions));
      assertSameParameters(uninterrupted.newNetwork(), resumed.newNetwork(), mode);
      // epochs 3 and 4 ran; the result's history holds all four, as the uninterrupted run's
      assertEquals(List.of(3, 4), told.stream().map(EpochStats::epoch).toList(), mode);
      TrainingResult expected = uninterrupted.trainingResult().orElseThrow();
      TrainingResult actual = resumed.trainingResult().orElseThrow();
      assertEquals(4, actual.epochs(), mode);
      for (int e = 0; e < 4; e++) {
        assertEquals(
            expected.history().get(e).trainingLoss(),
            actual.history().get(e).trainingLoss(),
            mode + " epoch " + (e + 1));
        assertEquals(
            expected.history().get(e).validationLoss(),
            actual.history().get(e).validationLoss(),
            mode + " epoch " + (e + 1));
      }
      assertEquals(expected.bestEpoch(), actual.bestEpoch(), mode);
    }
  }

  @Test
  void aCheckpointOfAnotherNetworkOrOtherSettingsIsRefused(@TempDir Path dir) {
    Dataset data = iris();
    String checkpoint = dir.resolve("iris.checkpoint.json").toString();
    new NetcEstimator()
        .setNetwork(IRIS)
        .setEpochs(1)
        .setBatchSize(10)
        .setSeed(1)
        .setCheckpointPath(checkpoint)
        .fit(TestData.frame(data, 2));
    NetcSparkException settings =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setEpochs(2)
                    .setBatchSize(12)
                    .setSeed(1)
                    .setResumeFrom(checkpoint)
                    .fit(TestData.frame(data, 2)));
    assertTrue(
        settings
            .getMessage()
            .startsWith(
                "NetcEstimator: "
                    + checkpoint
                    + ": was written with other training settings (mode=gradient batch=10"),
        settings.getMessage());
    assertTrue(
        settings.getMessage().contains("now (mode=gradient batch=12"), settings.getMessage());
    NetcSparkException network =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(WAVE)
                    .setEpochs(2)
                    .setResumeFrom(checkpoint)
                    .fit(TestData.frame(TestData.wave(40), 2)));
    assertTrue(
        network.getMessage().contains("is a checkpoint of IrisNet with another topology than"),
        network.getMessage());
    String missing = dir.resolve("none.json").toString();
    NetcSparkException absent =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setResumeFrom(missing)
                    .fit(TestData.frame(data, 2)));
    assertEquals(missing + ": no such file", absent.getMessage());
  }

  @Test
  void initialWeightsStartTheRunFromASavedModel(@TempDir Path dir) throws IOException {
    Dataset data = iris();
    NetcModel first =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setLabelCol("species")
            .setEpochs(2)
            .setBatchSize(20)
            .setReduction("mean")
            .setSeed(1)
            .fit(TestData.frame(data, 2));
    String saved = dir.resolve("first").toString();
    first.write().save(saved);
    NetcModel second =
        new NetcEstimator()
            .setNetwork(IRIS)
            .setLabelCol("species")
            .setEpochs(2)
            .setBatchSize(20)
            .setReduction("mean")
            .setSeed(7)
            .setInitialWeights(saved + "/weights.json")
            .fit(TestData.frame(data, 3));
    // the Trainer from the first model's parameters, the optimizer anew, epochs from 1
    CompiledNetwork expected = first.newNetwork();
    new Trainer()
        .epochs(2)
        .batchSize(20)
        .reduction(Reduction.MEAN)
        .shuffle(7)
        .train(expected, data);
    assertSameParameters(expected, second.newNetwork(), "from the saved model");
    assertEquals(TestData.SPECIES, second.classNames());
    // weights of another network are refused, naming the file
    String wave = dir.resolve("wave").toString();
    new NetcEstimator()
        .setNetwork(WAVE)
        .setEpochs(1)
        .fit(TestData.frame(TestData.wave(40), 2))
        .write()
        .save(wave);
    NetcSparkException other =
        assertThrows(
            NetcSparkException.class,
            () ->
                new NetcEstimator()
                    .setNetwork(IRIS)
                    .setInitialWeights(wave + "/weights.json")
                    .fit(TestData.frame(data, 2)));
    assertTrue(
        other.getMessage().startsWith("NetcEstimator: " + wave + "/weights.json: "),
        other.getMessage());
    assertTrue(
        other
            .getMessage()
            .contains("was saved from a different network: input 2 in the file, 4 in"),
        other.getMessage());
  }
}
