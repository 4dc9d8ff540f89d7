package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.testing.ReferenceMlp;
import dev.netc.runtime.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class weights: the weighted gradient, the balanced weights, and the trainer's use of both. */
class ClassWeightsTest {

  /** 12 examples of 3 features, classes 0, 1, 2 with 6, 4 and 2 examples. */
  private static Dataset imbalanced() {
    NetcRandom random = new NetcRandom(3);
    double[][] x = new double[12][3];
    int[] y = new int[12];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextDouble() * 2 - 1;
      }
      y[i] = i < 6 ? 0 : i < 10 ? 1 : 2;
    }
    return Dataset.classification("imbalanced", x, y, List.of("a", "b", "c"), List.of());
  }

  @Test
  void balancedWeightsAreNOverClassesTimesCount() {
    assertArrayEquals(
        new double[] {12.0 / 18, 12.0 / 12, 12.0 / 6}, Trainer.balanced(imbalanced()));
  }

  @Test
  void theWeightedGradientIsTheNumericalGradientOfTheWeightedLoss() {
    Dataset data = imbalanced();
    double weight = 2.5;
    ReferenceMlp net = ReferenceMlp.classifier(3, 4, 3, 11, 0.1, 0);
    net.clearGradient();
    double loss = net.accumulateGradient(data.features(7), data.target(7), weight);
    assertEquals(weight * net.loss(data.features(7), data.target(7)), loss, 1e-15);
    double h = 1e-6;
    for (int p = 0; p < net.parameters().size(); p++) {
      ParameterTensor theta = net.parameters().get(p);
      for (int k = 0; k < theta.size(); k++) {
        double saved = theta.get(k);
        theta.set(k, saved + h);
        double plus = weight * net.loss(data.features(7), data.target(7));
        theta.set(k, saved - h);
        double minus = weight * net.loss(data.features(7), data.target(7));
        theta.set(k, saved);
        double numerical = (plus - minus) / (2 * h);
        double analytic = net.gradients().get(p).get(k);
        assertEquals(
            numerical, analytic, 1e-7 + 1e-5 * Math.abs(numerical), theta.name() + "[" + k + "]");
      }
    }
  }

  @Test
  void weightOneIsBitForBitTheUnweightedGradientAndTheDefaultAgrees() {
    Dataset data = imbalanced();
    ReferenceMlp a = ReferenceMlp.classifier(3, 4, 3, 11, 0.1, 0);
    ReferenceMlp b = ReferenceMlp.classifier(3, 4, 3, 11, 0.1, 0);
    ReferenceMlp c = ReferenceMlp.classifier(3, 4, 3, 11, 0.1, 0);
    ReferenceMlp d = ReferenceMlp.classifier(3, 4, 3, 11, 0.1, 0);
    for (int i = 0; i < data.size(); i++) {
      double w = 0.5 + i % 3;
      assertEquals(
          a.accumulateGradient(data.features(i), data.target(i)),
          b.accumulateGradient(data.features(i), data.target(i), 1.0));
      double exact = c.accumulateGradient(data.features(i), data.target(i), w);
      double viaCopy = d.defaultAccumulateGradient(data.features(i), data.target(i), w);
      assertEquals(exact, viaCopy, 1e-15 * Math.abs(exact) + 1e-15);
    }
    assertTrue(TestData.sameBits(gradients(a), gradients(b)));
    List<double[]> exact = gradients(c);
    List<double[]> viaCopy = gradients(d);
    for (int p = 0; p < exact.size(); p++) {
      assertArrayEquals(exact.get(p), viaCopy.get(p), 1e-13, "gradient " + p);
    }
  }

  private static List<double[]> gradients(ReferenceMlp net) {
    List<double[]> all = new ArrayList<>();
    for (ParameterTensor g : net.gradients()) {
      all.add(g.toArray());
    }
    return all;
  }

  @Test
  void aWeightOfTwoIsTheExampleTwiceInTheSameBatch() {
    Dataset data = imbalanced();
    double[] perClass = {1.0, 1.0, 2.0};
    ReferenceMlp weighted = ReferenceMlp.classifier(3, 4, 3, 5, 0.05, 0.9);
    new Trainer().epochs(5).fullBatch().classWeights(perClass).train(weighted, data);

    // the same data with each class-2 example twice, unweighted
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      for (int copies = 0; copies < perClass[data.label(i)]; copies++) {
        x.add(data.features(i));
        y.add(data.label(i));
      }
    }
    Dataset doubled =
        Dataset.classification(
            "doubled",
            x.toArray(new double[0][]),
            y.stream().mapToInt(Integer::intValue).toArray(),
            data.classNames(),
            List.of());
    ReferenceMlp repeated = ReferenceMlp.classifier(3, 4, 3, 5, 0.05, 0.9);
    new Trainer().epochs(5).fullBatch().train(repeated, doubled);

    List<double[]> expected = TestData.parameters(repeated);
    List<double[]> actual = TestData.parameters(weighted);
    for (int p = 0; p < expected.size(); p++) {
      assertArrayEquals(expected.get(p), actual.get(p), 1e-12, "parameter " + p);
    }
  }

  @Test
  void balancedTrainingStepsWithEachExamplesClassWeight() {
    Dataset data = imbalanced();
    double[] weights = Trainer.balanced(data);
    ReferenceMlp trained = ReferenceMlp.classifier(3, 4, 3, 5, 0.05, 0.9);
    TrainingResult result =
        new Trainer()
            .epochs(3)
            .batchSize(1)
            .noShuffle()
            .balancedClassWeights()
            .train(trained, data);
    ReferenceMlp manual = ReferenceMlp.classifier(3, 4, 3, 5, 0.05, 0.9);
    double lastEpochLoss = 0;
    for (int epoch = 1; epoch <= 3; epoch++) {
      lastEpochLoss = 0;
      for (int i = 0; i < data.size(); i++) {
        lastEpochLoss += manual.trainStep(data.features(i), data.target(i), weights[data.label(i)]);
      }
    }
    assertTrue(TestData.sameBits(TestData.parameters(manual), TestData.parameters(trained)));
    assertEquals(lastEpochLoss / data.size(), result.last().trainingLoss(), 1e-15);
  }

  @Test
  void classWeightsNeedOneWeightPerClass() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Trainer()
                    .classWeights(1, 2)
                    .train(ReferenceMlp.classifier(3, 4, 3, 5, 0.05, 0), imbalanced()));
    assertTrue(
        e.getMessage().startsWith("class weights need classification data with 2 classes"),
        e.getMessage());
  }
}
